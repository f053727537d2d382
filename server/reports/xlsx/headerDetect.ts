// Which column holds what in a 任务分工表. The words are the document parser's (server/parser/columns.ts columnOf): one
// vocabulary, so a column the parser reads as the lead in a pasted table is the lead in an uploaded sheet too (issue #9:
// 主办/主责 had meant lead here and responsible there). The substring patterns below only name headers that vocabulary
// does not know ("公开责任部门", "总牵头单位", "时限清单"), tried in order.
import type { ColumnMapping, TaskField } from '../../../shared/evaluation.js';
import { columnOf, type Column } from '../../parser/columns.js';

const FROM_PARSER: Record<Column, TaskField> = {
  seq: 'seq',
  ref: 'ignore',
  task: 'title',
  detail: 'text',
  spec: 'text',
  lead: 'lead',
  responsible: 'responsible',
  cooperating: 'cooperating',
  leaders: 'leader',
  deadline: 'deadline',
  other: 'ignore',
  mark: 'ignore',
  figure: 'ignore',
};
// a sheet's grouping column ("类别", "领域"): the parser sets it aside, the import groups tasks under it
const CHAPTER = /章节|类别|领域|板块|分类|方面|篇章/;

const patterns: [TaskField, RegExp][] = [
  ['seq', /^(序号|编号|序|No\.?)$/i],
  ['leader', /(牵头|责任|分管|联系)(区|市)?领导|领导/],
  ['lead', /牵头|主办/],
  ['cooperating', /配合|协同|协办|参与|协助/],
  ['responsible', /责任(单位|部门|主体)|主体单位|承办单位|实施单位|主责单位|负责单位|责任单位/],
  ['deadline', /时限|期限|截止|时间节点|完成时间|进度安排|时间安排|完成年限/],
  ['chapter', CHAPTER],
  ['text', /任务内容|具体任务|工作内容|具体内容|工作措施|主要措施|具体措施|任务措施|主要内容|工作举措|目标任务|具体工作/],
  ['title', /重点任务|主要任务|工作任务|任务名称|重点工作|工作事项|任务事项|^任务$|^事项$|项目名称/],
  ['ignore', /备注|说明|完成情况|进展情况/],
];

export function classifyHeader(text: string): TaskField | null {
  const t = text.replace(/\s+/g, '').replace(/[:：]$/, '');
  if (!t) return null;
  const col = columnOf(t);
  if (col === 'other' && CHAPTER.test(t)) return 'chapter';
  if (col) return FROM_PARSER[col];
  for (const [field, re] of patterns) if (re.test(t)) return field;
  return null;
}

/** Fields a header row proposes; a field named twice keeps its first column (a second 任务 column becomes text). */
export function mappingFromHeaders(headers: string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const used = new Set<TaskField>();
  headers.forEach((h, i) => {
    let f = classifyHeader(h);
    if (!f) return;
    if (f === 'title' && used.has('title') && !used.has('text')) f = 'text';
    if (used.has(f) && f !== 'ignore') return;
    used.add(f);
    mapping[i] = f;
  });
  return mapping;
}

/** A header row names at least two known columns, one of them a task column. */
export function headerScore(cells: string[]): number {
  const fields = new Set(cells.map(classifyHeader).filter((f): f is TaskField => f !== null && f !== 'ignore'));
  if (!fields.has('title') && !fields.has('text')) return 0;
  return fields.size >= 2 ? fields.size : 0;
}
