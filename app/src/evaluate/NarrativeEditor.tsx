// Edit the narrative of an evaluation draft: each section as paragraphs (blank line between), problems and
// next steps as items (one a line, optionally "标题:内容").
import { Form, Input } from 'antd';
import type { Narrative } from './evalApi';

type Item = Narrative['problems'][number];
const paragraphSections = [
  ['foreword', '前言'],
  ['overview', '总体情况'],
  ['indicators', '主要指标完成情况'],
  ['tasks', '重点任务推进情况'],
  ['closing', '结语'],
] as const;

export const toText = (paras: string[]) => paras.join('\n\n');
export const toParas = (text: string) => text.split(/\n\s*\n/).map((x) => x.trim()).filter(Boolean);
export const itemsToText = (items: Item[]) => items.map((i) => (i.title ? `${i.title}:${i.text}` : i.text)).join('\n');
export function textToItems(text: string, before: Item[]): Item[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const m = /^([^:]{2,30}):(.+)$/.exec(line);
      const title = m ? m[1] : null;
      const body = m ? m[2] : line;
      const prev = before.find((b) => b.text === body);
      return { title, text: body, units: prev?.units ?? [], period: prev?.period ?? null };
    });
}

export type NarrativeForm = Record<string, string>;

export function narrativeToForm(n: Narrative): NarrativeForm {
  const f: NarrativeForm = {};
  for (const [k] of paragraphSections) f[k] = toText(n[k]);
  f.problems = itemsToText(n.problems);
  f.nextSteps = itemsToText(n.nextSteps);
  return f;
}

export function formToNarrative(f: NarrativeForm, before: Narrative): Partial<Narrative> {
  const out: Partial<Narrative> = {};
  for (const [k] of paragraphSections) out[k] = toParas(f[k] ?? '');
  out.problems = textToItems(f.problems ?? '', before.problems);
  out.nextSteps = textToItems(f.nextSteps ?? '', before.nextSteps);
  return out;
}

export function NarrativeFields({ disabled }: { disabled: boolean }) {
  return (
    <>
      {paragraphSections.map(([k, label]) => (
        <Form.Item key={k} name={k} label={label} extra="段落之间空一行">
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} disabled={disabled} />
        </Form.Item>
      ))}
      <Form.Item name="problems" label="存在问题" extra="每行一条,可写成“标题:内容”;已按单位报告中的问题预填">
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} disabled={disabled} />
      </Form.Item>
      <Form.Item name="nextSteps" label="下步工作" extra="每行一条,可写成“标题:内容”">
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} disabled={disabled} />
      </Form.Item>
    </>
  );
}
