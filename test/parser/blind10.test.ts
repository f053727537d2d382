// Blind batch 10: real Word tables (read through mammoth's HTML), a ●/○ matrix, retro group notes.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlan, parseText } from '../../server/parser/index.js';
import { decodeInput } from '../../server/parser/decode.js';
import { htmlToText } from '../../server/parser/html.js';

const DIR = join(__dirname, 'fixtures/other-cities');
const load = async (name: string) => {
  const bytes = new Uint8Array(readFileSync(join(DIR, name)));
  const decoded = await decodeInput(bytes, name);
  return { plan: await parsePlan(bytes, name), text: decoded.text };
};
const raws = (us: { raw: string }[]) => us.map((u) => u.raw);

describe('blind-10: Word tables through HTML', () => {
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

describe('blind-10: matrix and group notes', () => {
  it('reads a ●/○ matrix with one column per unit', () => {
    const html = '<table><tr><td>序号</td><td>重点任务</td><td>镇党政办</td><td>镇财政局</td><td>各村(社区)</td><td>完成时限</td></tr>' +
      '<tr>\n<td>1</td>\n<td><p>推进园区改造</p></td>\n<td>●</td><td></td><td>○</td><td>2024年12月</td></tr></table>';
    const plan = parseText(htmlToText(html));
    const t = plan.tasks.find((x) => x.title.includes('推进园区改造'))!;
    expect(raws(t.lead)).toEqual(['镇党政办']);
    expect(raws(t.cooperating)).toEqual(['各村(社区)']);
    expect(t.deadline).toBe('2024-12');
  });

  it('gives units stated after a group of items to the items above', () => {
    const text = [
      '一、重点任务', '(一)甲', '1.推进甲事项。完成改造。', '2.推进乙事项。完成建设。',
      '以上任务由市住建局牵头,市财政局配合。', '(二)乙', '3.推进丙事项。', '4.推进丁事项。',
      '第3项由市教育局牵头,市体育局配合;第4项由市民政局牵头,市卫健委配合。',
    ].join('\n');
    const plan = parseText(text);
    const of = (k: string) => plan.tasks.find((t) => t.text.includes(k) || t.title.includes(k))!;
    expect(raws(of('甲事项').lead)).toEqual(['市住建局']);
    expect(raws(of('乙事项').cooperating)).toEqual(['市财政局']);
    expect(raws(of('丙事项').lead)).toEqual(['市教育局']);
    expect(raws(of('丁事项').lead)).toEqual(['市民政局']);
    expect(raws(of('丁事项').cooperating)).toEqual(['市卫健委']);
  });
});

describe('blind-10: target pairs', () => {
  it('gives the first figure of "分别…3个、4个工作日以内" the shared unit and bound', () => {
    const plan = parseText('1.优化报装服务。供水、供气报装时间分别压缩至3个、4个工作日以内。');
    const got = plan.targets.map((t) => [t.value, t.unit, t.comparator]);
    expect(got).toContainEqual([3, '个工作日', '<=']);
    expect(got).toContainEqual([4, '个工作日', '<=']);
  });
});
