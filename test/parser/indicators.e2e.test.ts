// The quantitative stages through the whole pipeline, once every stage is in place.
import { describe, expect, it } from 'vitest';
import { corpus } from './indicators.helpers.js';

type ParseText = typeof import('../../server/parser/index.js').parseText;
let parseText: ParseText | null = null;
let why = '';
try {
  parseText = (await import('../../server/parser/index.js')).parseText;
} catch (e) {
  why = String(e);
}

describe.skipIf(!parseText)(`parseText on the corpus ${why ? `(skipped: ${why.slice(0, 80)})` : ''}`, () => {
  it('004: both indicator tables, 23 columns, sources inside the original', () => {
    const text = corpus('004_daddf72c7a72a405.txt');
    const plan = parseText!(text);
    expect(plan.indicators.filter((i) => i.table?.startsWith('表1'))).toHaveLength(36);
    expect(plan.indicators.filter((i) => i.table?.startsWith('表2'))).toHaveLength(26);
    expect(new Set(plan.projects.filter((p) => p.kind === 'column').map((p) => p.column)).size).toBe(23);
    for (const x of [...plan.indicators, ...plan.targets, ...plan.projects]) expect(x.source.end).toBeLessThanOrEqual(text.length);
    // the tables' figures are indicators, not prose targets
    expect(plan.targets.filter((t) => t.quote.includes('≤【1600】'))).toEqual([]);
  });

  it('000: the 36 targets of (三)总体目标 with their outline node', () => {
    const text = corpus('000_72a228d2becc53a7.txt');
    const plan = parseText!(text);
    const from = text.indexOf('(三)总体目标');
    const to = text.indexOf('二、提升城市发展能级');
    const got = plan.targets.filter((t) => t.source.start >= from && t.source.end <= to);
    expect(got).toHaveLength(36);
    expect(got.every((t) => t.year === 2025 || t.year === 2035)).toBe(true);
    const ids = new Set(plan.outline.filter((o) => o.source.start >= from && o.source.start < to).map((o) => o.id));
    for (const t of got) expect(ids.has(t.outlineId!)).toBe(true);
  });

  it('keeps history out: no targets from 004\'s 发展环境', () => {
    const text = corpus('004_daddf72c7a72a405.txt');
    const plan = parseText!(text);
    const from = text.indexOf('第一节  发展环境');
    const to = text.indexOf('第二节  指导思想');
    expect(plan.targets.filter((t) => t.source.start >= from && t.source.start < to)).toEqual([]);
  });
});
