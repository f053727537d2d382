// Project lists as offices keep them in Excel (项目名称, 建设内容, 建设地点, 业主单位, 总投资, 年度计划投资, 开工/竣工时间,
// 形象进度, 本月完成投资, 累计完成投资): reading one (header found among the first rows as the 任务分工表 import
// finds its header, cells read by the same cellText, the same row caps) and writing the library and the monthly
// investment ledger in that same column shape, so an exported file imports again.
import { AppError } from '../../../shared/errors.js';
import { PROJECT_LIST_LABELS, PROJECT_PHASE_LABELS, type ProjectOut } from '../../../shared/projects.js';
import { findHeaderRow, loadWorkbook, rowTexts } from './readWorkbook.js';
import { addTableSheet, newWorkbook, toBuffer, type ColumnSpec } from './sheet.js';

export type ProjectField =
  | 'seq' | 'name' | 'text' | 'location' | 'owner' | 'category' | 'region' | 'total' | 'annual' | 'start' | 'finish' | 'span'
  | 'phase' | 'progress' | 'month' | 'cumulative' | 'note' | 'ignore';

/** header words → field, tried in order (the money columns before 投资 in general; 本月/累计 before 年度) */
const patterns: [ProjectField, RegExp][] = [
  ['seq', /^(序号|编号|序|No\.?)$/i],
  ['month', /本月.*(完成)?投资|当月.*投资|本月完成/],
  ['cumulative', /累计.*投资|累计完成|开工累计/],
  ['annual', /年度.*投资|\d{4}年.*(计划)?投资|年计划投资|年度计划/],
  ['total', /总投资|投资总额|估算投资|计划总投资/],
  ['name', /项目名称|^项目$|工程名称/],
  ['text', /建设内容|建设规模|主要内容|规模及内容/],
  ['location', /建设地点|项目地点|地点|选址/],
  ['owner', /业主单位|项目业主|建设单位|实施单位|责任单位|业主/],
  ['region', /所在区县|所属区县|所在镇街|所属镇街|^镇街$|^区县$/],
  ['category', /项目类别|项目类型|行业类别|^类别$|^分类$|所属行业|领域/],
  ['span', /起止年限|建设年限|建设期限|起止时间/],
  ['start', /开工(时间|日期|年月)?|计划开工/],
  ['finish', /竣工(时间|日期|年月)?|完工(时间|日期)?|计划竣工|建成时间/],
  ['phase', /项目阶段|项目状态|建设阶段|阶段/],
  ['progress', /形象进度|进展情况|工程进度|建设进度/],
  ['note', /备注|说明/],
];

export function classifyProjectHeader(text: string): ProjectField | null {
  const t = text.replace(/\s+/g, '');
  if (!t) return null;
  for (const [f, re] of patterns) if (re.test(t)) return f;
  return null;
}

/** a header row names 项目名称 and at least one more known column */
function headerScore(cells: string[]): number {
  const fields = new Set(cells.map(classifyProjectHeader).filter((f): f is ProjectField => !!f && f !== 'ignore'));
  return fields.has('name') && fields.size >= 2 ? fields.size : 0;
}

export interface ProjectSheet {
  sheetName: string;
  headerRow: number;
  headers: string[];
  columns: Record<number, ProjectField>;
  /** money columns given in 亿元 (header says so) are turned into 万元 */
  scale: Record<number, number>;
  rows: { rowNumber: number; cells: string[] }[];
}

export async function readProjectSheet(buffer: Uint8Array | ArrayBuffer): Promise<ProjectSheet> {
  const wb = await loadWorkbook(buffer);
  for (const ws of wb.worksheets) {
    if (!ws.rowCount) continue;
    const headerRow = findHeaderRow(ws, 30, headerScore);
    if (headerRow === null) continue;
    const headers = rowTexts(ws, headerRow).map((h) => h.replace(/\s+/g, ''));
    const columns: Record<number, ProjectField> = {};
    const scale: Record<number, number> = {};
    const used = new Set<ProjectField>();
    headers.forEach((h, i) => {
      const f = classifyProjectHeader(h);
      if (!f || (used.has(f) && f !== 'ignore')) return;
      used.add(f);
      columns[i] = f;
      if (/亿元/.test(h)) scale[i] = 10000;
    });
    const rows: ProjectSheet['rows'] = [];
    for (let r = headerRow + 1; r <= ws.rowCount; r++) {
      const cells = rowTexts(ws, r);
      if (!cells.some(Boolean)) continue;
      const filled = cells.filter(Boolean);
      // a heading row spanning the table ("一、基础设施类", merged: every cell the same) or a 合计 row
      if (new Set(filled).size === 1 && filled.length > 1) continue;
      if (filled.some((c) => /^(合计|总计|小计)$/.test(c.replace(/\s+/g, '')))) continue;
      rows.push({ rowNumber: r, cells });
    }
    return { sheetName: ws.name, headerRow, headers, columns, scale, rows };
  }
  throw new AppError('PROJECT_IMPORT_NO_HEADER');
}

export const FIELD_LABELS: Record<ProjectField, string> = {
  seq: '序号', name: '项目名称', text: '建设内容', location: '建设地点', owner: '业主单位', category: '项目类别', region: '所在区县/镇街',
  total: '总投资', annual: '年度计划投资', start: '开工时间', finish: '竣工时间', span: '建设起止年限', phase: '项目阶段',
  progress: '形象进度(不导入)', month: '本月完成投资(不导入)', cumulative: '累计完成投资(不导入)', note: '备注', ignore: '不导入',
};

// ---- writing ----

const columns: ColumnSpec[] = [
  { header: '序号', width: 6, align: 'center' },
  { header: '项目名称', width: 30 },
  { header: '建设内容', width: 46 },
  { header: '建设地点', width: 14 },
  { header: '业主单位', width: 20 },
  { header: '项目类别', width: 14 },
  { header: '总投资(万元)', width: 12, align: 'center' },
  { header: '年度计划投资(万元)', width: 14, align: 'center' },
  { header: '开工时间', width: 12, align: 'center' },
  { header: '竣工时间', width: 12, align: 'center' },
  { header: '项目阶段', width: 10, align: 'center' },
  { header: '形象进度', width: 30 },
  { header: '本月完成投资(万元)', width: 14, align: 'center' },
  { header: '累计完成投资(万元)', width: 14, align: 'center' },
];

type LedgerRow = { project: ProjectOut; report: { monthInvestment: number; cumulativeInvestment: number; progressText: string } | null };

function row(i: number, p: ProjectOut, month: number | null, cumulative: number | null, progress: string | null): (string | number | null)[] {
  return [i + 1, p.name, p.text, p.location ?? p.regionName, p.ownerUnitName, p.category, p.totalInvestment, p.plannedInvestment, p.startDate, p.finishDate, PROJECT_PHASE_LABELS[p.phase], progress, month, cumulative];
}

/** The library: every project the filters leave, its latest 形象进度 and 累计完成投资. */
export async function buildProjectLibraryXlsx(title: string, items: ProjectOut[], monthOf: Map<number, number>): Promise<Buffer> {
  const wb = newWorkbook(title);
  addTableSheet(wb, '项目库', [...columns, { header: '库别', width: 10, align: 'center' }, { header: '状态', width: 30 }], items.map((p, i) => [
    ...row(i, p, monthOf.get(p.id) ?? null, p.completedInvestment, p.progressText), PROJECT_LIST_LABELS[p.list], `${p.status.label}:${p.status.reason}`,
  ]), { sharedStyles: true });
  return toBuffer(wb, { fast: true });
}

/** The monthly investment ledger of one period, in the columns offices keep. */
export async function buildInvestmentLedgerXlsx(title: string, items: LedgerRow[]): Promise<Buffer> {
  const wb = newWorkbook(title);
  const ws = addTableSheet(wb, '投资台账', columns, items.map(({ project: p, report: r }, i) => row(i, p, r?.monthInvestment ?? null, r?.cumulativeInvestment ?? null, r?.progressText ?? null)), { sharedStyles: true });
  const sum = (f: (x: LedgerRow) => number | null) => items.reduce((n, x) => n + (f(x) ?? 0), 0);
  ws.addRow(['合计', '', '', '', '', '', sum((x) => x.project.totalInvestment), sum((x) => x.project.plannedInvestment), '', '', '', '', sum((x) => x.report?.monthInvestment ?? null), sum((x) => x.report?.cumulativeInvestment ?? null)]).font = { bold: true };
  return toBuffer(wb, { fast: true });
}
