// The corpus documents as real Word and PDF files (made by bench/make-renderings.ts: a .docx with
// paragraphs, notes broken over two paragraphs, tables with merged cells; a PDF printed from it by
// LibreOffice) must read as their .txt does: the same tasks in the same order, and 004's 62 indicator rows.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../../server/parser/decode.js';
import { parsePlan, parseText } from '../../server/parser/index.js';
import type { ParsedPlan } from '../../shared/parsedPlan.js';
import { corpusText } from '../helpers/corpus.js';

const DIR = path.resolve(__dirname, 'fixtures/renderings');
const DOCS = { '000': '000_72a228d2becc53a7', '002': '002_a8cf94ceb730f871', '004': '004_daddf72c7a72a405' } as const;
type Key = keyof typeof DOCS;

const txtCache = new Map<Key, ParsedPlan>();
const txt = (k: Key) => {
  if (!txtCache.has(k)) txtCache.set(k, parseText(corpusText(`${DOCS[k]}.txt`)));
  return txtCache.get(k)!;
};
const fileCache = new Map<string, Promise<ParsedPlan>>();
const rendering = (k: Key, ext: 'docx' | 'pdf') => {
  const name = `${k}.${ext}`;
  if (!fileCache.has(name)) fileCache.set(name, parsePlan(new Uint8Array(readFileSync(path.join(DIR, name))), name));
  return fileCache.get(name)!;
};

const CASES = (['000', '002', '004'] as Key[]).flatMap((k) => (['docx', 'pdf'] as const).map((ext) => [k, ext] as const));

describe('Word and PDF renderings of the corpus read as the .txt', () => {
  it('the .txt counts the renderings are held to', () => {
    expect(txt('000').tasks.length).toBe(91);
    expect(txt('002').tasks.length).toBe(26);
    expect(txt('004').indicators.length).toBe(62);
  });

  it.each(CASES)('%s.%s: the same tasks, titles in order', async (k, ext) => {
    const plan = await rendering(k, ext);
    expect(plan.meta.format).toBe(ext);
    expect(plan.tasks.map((t) => t.title)).toEqual(txt(k).tasks.map((t) => t.title));
    expect(plan.tasks.some((t) => t.title.includes('未识别'))).toBe(false);
  });

  it.each(CASES.filter(([k]) => k === '000'))('%s.%s: every task keeps the lead and responsible units of its note', async (k, ext) => {
    const plan = await rendering(k, ext);
    const want = txt(k).tasks.map((t) => [t.lead.map((u) => u.raw), t.responsible.map((u) => u.raw)]);
    expect(plan.tasks.map((t) => [t.lead.map((u) => u.raw), t.responsible.map((u) => u.raw)])).toEqual(want);
  });

  it.each([['docx'], ['pdf']] as const)('004.%s: all 62 indicator rows of both tables, with the same names and figures', async (ext) => {
    const plan = await rendering('004', ext);
    const want = txt('004').indicators;
    expect(plan.indicators.length).toBe(62);
    expect(plan.indicators.map((i) => i.name)).toEqual(want.map((i) => i.name));
    expect(plan.indicators.map((i) => i.targets.map((t) => t.value))).toEqual(want.map((i) => i.targets.map((t) => t.value)));
    expect(plan.indicators.filter((i) => i.table?.includes('十三五')).length).toBe(36);
    expect(plan.indicators.filter((i) => i.table?.includes('十四五')).length).toBe(26);
  });

  it('the PDF reader rebuilds table rows, drops page furniture and keeps notes whole', async () => {
    const pdf004 = (await decodeInput(new Uint8Array(readFileSync(path.join(DIR, '004.pdf'))), '004.pdf')).text;
    // a Word table row is one line of tab-separated cells, the 序号 merged down a group repeated in its rows
    expect(pdf004).toContain('\t19\t净增建设用地总量（公顷）\t约束性\t≤【1600】\t【2059】');
    expect(pdf004).toContain('\t6\t#万人发明专利拥有量（件）\t预期性\t6\t10.4');
    // running head and "— N —" page numbers are gone
    expect(pdf004).not.toMatch(/^—\s*\d+\s*—$/m);
    expect(pdf004.split('重庆市永川区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要').length).toBeLessThan(6);
    const pdf000 = (await decodeInput(new Uint8Array(readFileSync(path.join(DIR, '000.pdf'))), '000.pdf')).text;
    const docx000 = (await decodeInput(new Uint8Array(readFileSync(path.join(DIR, '000.docx'))), '000.docx')).text;
    for (const text of [pdf000, docx000]) {
      // "(牵头单位:X;" ⏎ "责任单位:Y)": the two halves of a note stay on adjacent lines, as in the .txt
      expect(text).not.toMatch(/\(牵头单位:[^)\n]*;\n\n责任单位/);
      expect([...text.matchAll(/\(牵头单位:[^)\n]*[;,]\n?责任单位:[^)]*\)/g)].length).toBe(91);
    }
  });
});
