// Real Word tables (read through mammoth's HTML): rows kept on one line, merged cells repeated, two-row headers,
// section rows, soft line breaks, merged leader cells and contact tables. (From blind batch 10.)
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlan } from '../../server/parser/index.js';
import { decodeInput } from '../../server/parser/decode.js';

const DIR = join(__dirname, 'fixtures/other-cities');
const load = async (name: string) => {
  const bytes = new Uint8Array(readFileSync(join(DIR, name)));
  const decoded = await decodeInput(bytes, name);
  return { plan: await parsePlan(bytes, name), text: decoded.text };
};
const raws = (us: { raw: string }[]) => us.map((u) => u.raw);

describe('Word tables through HTML', () => {
  it('keeps rows of a docx table on one line, merged cells repeated, sources in the decoded text', async () => {
    const { plan, text } = await load('kunshan-docx-multipara-cells.docx');
    const rows = plan.tasks.filter((t) => t.lead.length);
    expect(rows.length).toBe(5);
    // the 牵头单位 merged over two rows reaches both
    expect(rows.filter((t) => raws(t.lead).includes('市行政审批局')).length).toBe(3);
    for (const t of plan.tasks) for (const u of [...t.lead, ...t.responsible, ...t.cooperating]) expect(text.slice(u.source!.start, u.source!.end)).toBe(u.raw);
    // 注: lines under the table assign no task
    expect(plan.tasks.some((t) => raws(t.responsible).some((r) => r.includes('牵头单位')))).toBe(false);
  });

  it('reads a two-row header, skips section rows and a repeated header', async () => {
    const { plan } = await load('mianyang-docx-span-header-section-rows.docx');
    const withUnits = plan.tasks.filter((t) => t.lead.length);
    expect(withUnits.length).toBe(6);
    expect(plan.tasks.some((t) => !t.title && !t.text)).toBe(false);
    expect(plan.tasks.flatMap((t) => raws(t.lead))).not.toContain('序号');
  });

  it('keeps soft line breaks of a docx as line breaks', async () => {
    const { text } = await load('yuelu-docx-target-table-tabs-breaks.docx');
    expect(text).not.toMatch(/区工信局配合单位/);
  });

  it('does not take a merged 责任领导 cell or a contact table for units', async () => {
    const { plan } = await load('zhengding-docx-leader-merge-contacts.docx');
    const all = plan.tasks.flatMap((t) => [...raws(t.lead), ...raws(t.responsible), ...raws(t.cooperating)]);
    expect(all.some((r) => /副县长|刘建华/.test(r))).toBe(false);
    const spanned = plan.tasks.find((t) => t.title.includes('生活垃圾'))!;
    expect(raws(spanned.lead)).toEqual(['县城市管理综合行政执法局']);
  });
});
