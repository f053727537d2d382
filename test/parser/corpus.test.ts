// Acceptance against the five real Chongqing documents. Expected counts come from
// independent regexes over the raw files, not from the parser's own helpers.
import { describe, expect, it } from 'vitest';
import { parseText } from '../../server/parser/index.js';
import { normalize, widthFold } from '../../server/parser/normalize.js';
import type { ParsedPlan, ParsedUnit } from '../../shared/parsedPlan.js';
import { corpusText } from '../helpers/corpus.js';

const read = corpusText;
const FILES = {
  f000: '000_72a228d2becc53a7.txt',
  f001: '001_d9c31fc2ce3966eb.txt',
  f002: '002_a8cf94ceb730f871.txt',
  f003: '003_024748a5dd49b957.txt',
  f004: '004_daddf72c7a72a405.txt',
};
const cache = new Map<string, { text: string; plan: ParsedPlan }>();
function parsed(name: string) {
  if (!cache.has(name)) {
    const text = read(name);
    cache.set(name, { text, plan: parseText(text) });
  }
  return cache.get(name)!;
}
const units = (p: ParsedPlan) => p.tasks.flatMap((t) => [...t.lead, ...t.responsible, ...t.cooperating]);
/** "X等区级有关部门" is X plus a catch-all mention: the reading the product promises */
const expectedPieces = (list: string) =>
  list
    .split(/[、,]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .flatMap((s) => {
      const m = /^(.+?)(等.*)$/.exec(s);
      return m ? [m[1], m[2]] : [s];
    });

describe('corpus 000 (永川 urban renewal, notes over two lines)', () => {
  const { text, plan } = parsed(FILES.f000);
  const notes = [...text.matchAll(/\(牵头单位:([^;,)]*)[;,]\n?责任单位:([^)]*)\)/g)];

  it('finds all 91 annotated tasks', () => {
    expect(notes.length).toBe(91);
    expect(plan.tasks.length).toBe(91);
  });

  it('keeps exactly the units written, lead and responsible, in order', () => {
    notes.forEach((m, i) => {
      const t = plan.tasks[i];
      expect(t.lead.map((u) => u.raw), `task ${i + 1} lead`).toEqual(expectedPieces(m[1]));
      expect(t.responsible.map((u) => u.raw), `task ${i + 1} responsible`).toEqual(expectedPieces(m[2]));
    });
    const total = notes.reduce((a, m) => a + expectedPieces(m[1]).length + expectedPieces(m[2]).length, 0);
    expect(units(plan).length).toBe(total);
  });

  it('spot-checks tasks by hand', () => {
    const t5 = plan.tasks.find((t) => t.title === '打造“十字轴线”发展带')!;
    expect(t5.lead.map((u) => u.name)).toEqual(['区规划自然资源局']);
    expect(t5.responsible.map((u) => u.raw)).toEqual(['区交通局', '永川高新区管委会', '区新城建管委', '港桥产业促进中心', '三教产业促进中心']);
    const last = plan.tasks[plan.tasks.length - 1];
    expect(last.title).toBe('强化宣传引导');
    expect(last.lead.map((u) => u.raw)).toEqual(['区委宣传部']);
    expect(last.responsible.find((u) => u.scope === 'others')?.raw).toBe('等区级有关部门');
    const health = plan.tasks.find((t) => t.title === '打造区域性应急救援中心')!;
    // 区卫健委 and 区卫生健康委 are one unit
    expect(health.lead.find((u) => u.raw === '区卫健委')).toMatchObject({ name: '区卫生健康委', known: true });
    // "城市管理局" without its 区 is kept as written and flagged
    expect(health.responsible.find((u) => u.raw === '城市管理局')).toMatchObject({ known: false });
    expect(plan.warnings.some((w) => w.code === 'UNIT_UNKNOWN' && w.message.includes('城市管理局'))).toBe(true);
    const towns = plan.tasks.flatMap((t) => t.responsible).find((u) => u.raw === '各街镇政府');
    expect(towns?.scope).toBe('all_towns');
  });

  it('reads title, masked region, type and period', () => {
    expect(plan.meta).toMatchObject({ title: 'XX区城市更新提升“十四五”行动计划', region: '永川区', level: 'district', type: '行动计划', periodStart: 2021, periodEnd: 2025 });
  });

  it('builds the outline with repeated chapter numbers and run-on sections', () => {
    const chapters = plan.outline.filter((n) => n.level === 1);
    expect(chapters.map((c) => c.marker)).toEqual(['一、', '二、', '三、', '四、', '五、', '六、', '七、', '六、', '七、', '八、', '九、', '十、']);
    const sections = plan.outline.filter((n) => n.kind === 'section' && /^\([一二三四五六七八九十]+\)$/.test(n.marker));
    expect(sections.some((s) => s.marker === '(三十二)' && s.title === '打造区域性应急救援中心')).toBe(true);
    expect(plan.warnings.filter((w) => w.code === 'OUTLINE_NUMBER_REPEATED').length).toBe(2);
    expect(plan.outline.some((n) => n.kind === 'bullet' && n.title === '规划引领,建管并重')).toBe(true);
  });

  it('ignores the web page around the plan', () => {
    expect(plan.tasks[0].source.start).toBeGreaterThan(text.indexOf('XX区城市更新提升“十四五”行动计划\n'));
    expect(plan.outline.every((n) => !text.slice(n.source.start, n.source.end).includes('首考文秘网'))).toBe(true);
  });

  it('links every task, note and unit to its original wording', () => {
    for (const t of plan.tasks) {
      const src = text.slice(t.source.start, t.source.end);
      expect(src).toContain(t.title);
      expect(src.endsWith(')')).toBe(true);
      expect(text.slice(t.unitsSource!.start, t.unitsSource!.end)).toMatch(/^\(牵头单位:[\s\S]*\)$/);
      for (const u of [...t.lead, ...t.responsible]) expect(text.slice(u.source!.start, u.source!.end)).toBe(u.raw);
    }
  });
});

describe('corpus 002 (municipal scheme, traditional with inline pinyin)', () => {
  const { text, plan } = parsed(FILES.f002);

  it('has 26 tasks (一)…(二十六) with 124 unit mentions', () => {
    expect(plan.tasks.length).toBe(26);
    const outlineById = new Map(plan.outline.map((n) => [n.id, n]));
    expect(plan.tasks.map((t) => outlineById.get(t.outlineId!)?.number)).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
    expect(units(plan).length).toBe(124);
    // independently: strip the pinyin, read every (責任單位:…) note, count names up to the remark
    const plain = text.replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/g, '');
    const notes = [...plain.matchAll(/\(責任單位:([^)]*)\)/g)];
    expect(notes.length).toBe(26);
    expect(notes.reduce((a, m) => a + m[1].split(';')[0].split(/[、,]/).length, 0)).toBe(124);
  });

  it('reads the first task and the cascade note', () => {
    const t1 = plan.tasks[0];
    expect(t1.title).toBe('深化户籍制度改革');
    expect(t1.responsible.map((u) => u.name)).toEqual(['市公安局', '市教委', '市人力社保局', '各区县政府']);
    expect(t1.responsible[3].scope).toBe('all_districts');
    const cascade = plan.notes.find((n) => n.code === 'CASCADE_ALL_DISTRICTS');
    expect(cascade?.text).toBe('所有任务均需区县落实、不再列出');
    expect(normalize(text.slice(cascade!.source.start, cascade!.source.end)).text).toBe(cascade!.text);
  });

  it('keeps real parentheses while dropping pinyin', () => {
    const t = plan.tasks.find((x) => x.text.includes('职业院校(含技工院校)'));
    expect(t).toBeDefined();
    expect(plan.tasks.every((x) => !/\([a-zā-ǜ]+\)/.test(x.text))).toBe(true);
  });

  it('maps every unit back to the traditional original', () => {
    for (const u of units(plan)) {
      const orig = text.slice(u.source!.start, u.source!.end);
      // raw is the name as the page wrote it (traditional), without the mirror's pinyin notes (fixtures/real/README.md)
      expect(u.raw).toBe(widthFold(orig).replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]{1,7}\)/g, ''));
      expect(normalize(u.raw).text).toBe(normalize(orig).text);
    }
    expect(plan.meta).toMatchObject({ region: '重庆市', level: 'municipal', type: '实施方案' });
    expect(plan.tasks.every((t) => t.lead.length + t.responsible.length > 0 && units(plan).every((u) => u.known))).toBe(true);
  });
});

describe('corpus 001 (OCR of a paginated preview)', () => {
  const { text, plan } = parsed(FILES.f001);

  it('drops page counters and fixes known OCR slips with warnings', () => {
    expect(plan.outline.every((n) => !/^\d+、/.test(n.marker))).toBe(true);
    const ocr = plan.warnings.filter((w) => w.code === 'OCR_FIXED');
    expect(ocr.length).toBeGreaterThanOrEqual(6);
    for (const w of ocr) expect(['%o', '至U', 'J办', 'J11', 'T本', 'L']).toContain(text.slice(w.source!.start, w.source!.end));
  });

  it('keeps the legible tasks and reports damaged notes', () => {
    expect(plan.tasks.length).toBeGreaterThanOrEqual(30);
    expect(plan.warnings.filter((w) => w.code === 'UNIT_NOTE_DAMAGED').length).toBeGreaterThanOrEqual(3);
    const spliced = plan.tasks.find((t) => t.title === '(2)提质城市开敞空间环境' || t.title === '提质城市开敞空间环境');
    expect(spliced?.responsible.map((u) => u.raw)).toContain('区乡村振兴局');
    const risk = plan.tasks.find((t) => t.title === '注重风险源头预防管控')!;
    expect(risk.lead.map((u) => u.raw)).toEqual(['区应急局']);
    expect(risk.responsible.map((u) => u.scope)).toEqual(['group_members', 'all_towns', 'others']);
    // the region is never named; its own units give it away
    expect(plan.meta.region).toBe('铜梁区');
    expect(plan.tasks.flatMap((t) => t.lead).find((u) => u.raw === '高新区管委会')?.name).toBe('铜梁高新区管委会');
  });

  it('states the monthly reporting rule', () => {
    const rule = plan.notes.find((n) => n.code === 'REPORTING_RULE');
    expect(rule?.text).toContain('每月25日前');
    expect(text.slice(rule!.source.start, rule!.source.end)).toContain('报送');
  });
});

describe('corpus 003 and 004', () => {
  it('003: a news write-up with themes and no notes', () => {
    const { text, plan } = parsed(FILES.f003);
    expect(plan.meta.region).toBe('璧山区');
    expect(plan.meta.type).toBe('决定');
    expect(plan.outline.filter((n) => n.level === 1).length).toBe(8);
    expect(plan.outline[0].title).toBe('强化规划引领 全面优化城市空间布局');
    expect(units(plan).length).toBe(0);
    expect(plan.tasks.length).toBeGreaterThanOrEqual(20);
    expect(plan.outline.every((n) => !text.slice(n.source.start, n.source.end).includes('ICP'))).toBe(true);
  });

  // speed is measured by bench/parse.bench.ts, not asserted here
  it('004: 18 chapters with 第十三章 missing, bookmarks ignored', () => {
    const text = read(FILES.f004);
    const plan = parseText(text);
    const chapters = plan.outline.filter((n) => n.kind === 'chapter');
    expect(chapters.length).toBe(17);
    expect(chapters.map((c) => c.number)).not.toContain(13);
    expect(plan.warnings.some((w) => w.code === 'OUTLINE_NUMBER_SKIPPED' && w.message.includes('第十四章'))).toBe(true);
    expect(chapters[17 - 1].title).toBe('健全规划领导和保障机制,确保“十四五”规划和二〇三五年远景目标任务落到实处');
    expect(plan.outline.every((n) => !n.title.includes('bookmark'))).toBe(true);
    for (const n of plan.outline) expect(widthFold(text.slice(n.source.start, n.source.end)).replace(/\s/g, '')).toContain(n.marker);
    expect(plan.meta).toMatchObject({ region: '永川区', type: '纲要', periodStart: 2021, periodEnd: 2025 });
  });
});

describe('every source of every corpus file', () => {
  it.each(Object.values(FILES))('%s: sources in bounds, ids unique, outline ids exist', (name) => {
    const { text, plan } = parsed(name);
    const ok = (s: { start: number; end: number } | null | undefined) => !s || (s.start >= 0 && s.start <= s.end && s.end <= text.length);
    const all: ({ start: number; end: number } | null | undefined)[] = [
      ...plan.outline.map((n) => n.source),
      ...plan.tasks.flatMap((t) => [t.source, t.unitsSource, ...[...t.lead, ...t.responsible, ...t.cooperating].map((u: ParsedUnit) => u.source)]),
      ...plan.notes.map((n) => n.source),
      ...plan.warnings.map((w) => w.source),
    ];
    expect(all.every(ok)).toBe(true);
    const ids = new Set(plan.outline.map((n) => n.id));
    expect(ids.size).toBe(plan.outline.length);
    expect(new Set(plan.tasks.map((t) => t.id)).size).toBe(plan.tasks.length);
    for (const t of plan.tasks) if (t.outlineId) expect(ids.has(t.outlineId)).toBe(true);
    expect(plan.warnings.filter((w) => w.code === 'PARSE_INCONSISTENT')).toEqual([]);
  });
});
