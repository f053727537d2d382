// Indicator tables whose cells ran together with no separator at all (a document library's preview of a Word
// table): '指标预期值2016年2017年2018年综合指标…再生水回用率30%40%55%…农田灌溉水有效利用系数0.720.750.78…
// 城镇人均日生活用水量75L/d75L/d75L/d…'. The header is a run of glued years; a row is a name followed by exactly
// as many glued figures of one measure as the header has years (a '-' for an empty cell), one target per year.
// Page markers at a line's start ('2、18年…', the header cut by a page break) are dropped and lines joined.
import type { ParsedIndicator } from '../../shared/parsedPlan.js';
import type { ParseContext } from './types.js';

/** two or more consecutive years glued: '2016年2017年2018年' */
const YEARS_HEAD = /(?:(?:19|20)\d{2}年){2,6}/g;
/** what a header cell before the years says: '指标预期值', '指标名称目标值' */
const HEAD_WORD = /(?:指标|预期值|目标值|目标|年度)$/;
const PAGE_MARK = /^\d{1,3}、/;
/** a year glued to the next one's first digits, a page mark allowed between: the stream is built only where this is */
const TWO_YEARS = /(?:19|20)\d{2}年\s*(?:\d{1,3}、\s*)?(?:[12]\d|[12]\s)/;
/** a cell: '-' (empty), or a figure with its measure glued ('30%', '74.5%', '75L/d') */
const UNIT_CELL = /-|\d+(?:\.\d+)?(?:%|‰|[A-Za-z]{1,3}\/[A-Za-z]{1,3})/g;
const RUN = /(?:-|\d[\d.]*(?:%|‰|[A-Za-z]{1,3}\/[A-Za-z]{1,3})?)+/g;
/** a row's name: words only, no sentence punctuation */
const NAME = /^[\u4e00-\u9fa5A-Za-z()（）]{2,40}$/;
/** a category cell glued before the first name of its group: '管理类指标公共供水…' */
const CATEGORY_PREFIX = /^.*(?:指标|任务)(?=[\u4e00-\u9fa5]{2})/;

/** a merged cell's comparator before its one figure: '低于全区平均值的50%' */
const MERGED_CMP = /(不低于|不高于|不超过|低于|高于|少于)[\u4e00-\u9fa5]{0,10}的?$/;
const MERGED_CMP_OF = { 不低于: '>=', 不高于: '<=', 不超过: '<=', 低于: '<', 高于: '>', 少于: '<' } as const;
const ONE_CELL = /^(\d+(?:\.\d+)?)(%|‰)?$/;

/**
 * The document's text with every space left out, and where each kept run of it stands in the normalized text (a
 * run per stretch between spaces: a per-character offset array costs more to allocate than the whole parse of a
 * document with no glued table).
 */
interface Stream {
  text: string;
  at: (k: number) => number;
}

/** what `\s` matches, tested by code unit: the stream is built for every document, so no regex per character */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function streamOf(ctx: ParseContext): Stream {
  const parts: string[] = [];
  const runAt: number[] = []; // stream offset where each run starts
  const runFrom: number[] = []; // normalized offset of the same character
  let length = 0;
  for (const l of ctx.doc.lines) {
    const t = l.text;
    let from = PAGE_MARK.exec(t)?.[0].length ?? 0;
    for (let i = from; i <= t.length; i++) {
      if (i < t.length && !isSpace(t.charCodeAt(i))) continue;
      if (i > from) {
        parts.push(t.slice(from, i));
        runAt.push(length);
        runFrom.push(l.start + from);
        length += i - from;
      }
      from = i + 1;
    }
  }
  const at = (k: number) => {
    let lo = 0;
    let hi = runAt.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (runAt[mid] <= k) lo = mid;
      else hi = mid - 1;
    }
    return runFrom[lo] + (k - runAt[lo]);
  };
  return { text: parts.join(''), at };
}

/** the cells of a glued run of figures, when it splits into exactly n cells of one measure */
function cellsOf(run: string, n: number): { value: number | null; text: string }[] | null {
  const withUnit = run.match(UNIT_CELL);
  if (withUnit && withUnit.join('') === run && withUnit.length === n) {
    const units = new Set(withUnit.filter((c) => c !== '-').map((c) => c.replace(/^[\d.]+/, '')));
    if (units.size !== 1) return null;
    return withUnit.map((c) => ({ value: c === '-' ? null : parseFloat(c), text: c }));
  }
  // unitless decimals of one precision: '0.720.750.78'
  for (let k = 1; k <= 3; k++) {
    const m = new RegExp(`^(?:-|\\d{1,3}\\.\\d{${k}}){${n}}$`).test(run);
    if (!m) continue;
    const cells = run.match(new RegExp(`-|\\d{1,3}\\.\\d{${k}}`, 'g'))!;
    if (cells.length === n) return cells.map((c) => ({ value: c === '-' ? null : parseFloat(c), text: c }));
  }
  return null;
}

export function gluedIndicators(ctx: ParseContext): ParsedIndicator[] {
  if (!TWO_YEARS.test(ctx.doc.text)) return [];
  const s = streamOf(ctx);
  const heads = [...s.text.matchAll(YEARS_HEAD)].filter((m) => {
    const years = m[0].match(/\d{4}/g)!.map(Number);
    return years.every((y, i) => !i || y === years[i - 1] + 1) && HEAD_WORD.test(s.text.slice(Math.max(0, m.index! - 6), m.index!));
  });
  const out: ParsedIndicator[] = [];
  heads.forEach((h, hi) => {
    const years = h[0].match(/\d{4}/g)!.map(Number);
    const from = h.index! + h[0].length;
    const to = hi + 1 < heads.length ? heads[hi + 1].index! : s.text.length;
    const seg = s.text.slice(from, to);
    const rows: ParsedIndicator[] = [];
    const merged: { label: string; cell: string; a: number; b: number }[] = [];
    let prev = 0;
    for (const m of seg.matchAll(RUN)) {
      const label = seg.slice(prev, m.index!);
      prev = m.index! + m[0].length;
      const cells = cellsOf(m[0], years.length);
      if (!NAME.test(label)) continue;
      if (!cells) {
        merged.push({ label, cell: m[0], a: s.at(from + m.index! - label.length), b: s.at(from + prev - 1) + 1 });
        continue;
      }
      if (cells.every((c) => c.value === null)) continue;
      const unit = cells.find((c) => c.value !== null)!.text.replace(/^[\d.]+/, '') || null;
      const a = s.at(from + m.index! - label.length);
      const b = s.at(from + prev - 1) + 1;
      rows.push({
        name: label.replace(CATEGORY_PREFIX, ''),
        unit,
        attribute: null,
        category: null,
        table: null,
        baseline: null,
        targets: cells.flatMap((c, i) => (c.value === null ? [] : [{ year: years[i], value: c.value, valueMax: null, text: c.text, comparator: '=' as const, kind: 'level' as const }])),
        actual: null,
        note: null,
        source: ctx.doc.toSource(a, b),
      });
    }
    if (rows.length < 2) return;
    out.push(...rows);
    // a cell merged over the years: '万元GDP用水量低于全区平均值的50%或年降低率5%' (due by the table's last year)
    let subject = '';
    for (const c of merged) {
      const one = ONE_CELL.exec(c.cell);
      const cmp = MERGED_CMP.exec(c.label);
      if (cmp) subject = c.label.slice(0, cmp.index).replace(CATEGORY_PREFIX, '');
      else if (!/^[或和及]/.test(c.label) || !subject) continue;
      if (!one) continue;
      const name = cmp ? subject : subject + c.label.slice(1);
      const comparator = cmp ? MERGED_CMP_OF[cmp[1] as keyof typeof MERGED_CMP_OF] : ('=' as const);
      out.push({
        name,
        unit: one[2] || null,
        attribute: null,
        category: null,
        table: null,
        baseline: null,
        targets: [{ year: years[years.length - 1], value: parseFloat(one[1]), valueMax: null, text: c.label + c.cell, comparator, kind: 'level' }],
        actual: null,
        note: null,
        source: ctx.doc.toSource(c.a, c.b),
      });
    }
  });
  return out;
}
