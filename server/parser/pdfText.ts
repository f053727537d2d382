// A PDF's text layer rebuilt as the lines a reader sees: items grouped into lines by y, lines into
// paragraphs by where they end and start (a wrapped line reaches the right margin; a new paragraph
// is indented, follows a short line or a gap), ruled tables into rows of tab-separated cells (rows
// and columns from the drawn borders, merged cells resolved as a grid, rows split by a page break
// joined again, repeated header rows dropped), and page furniture (running heads, page numbers)
// dropped. The output reads like the same document saved as text: what the readers already know.
import { endsMidSentence } from './html.js';

export interface PdfItem {
  str: string;
  x: number;
  y: number; // baseline, PDF user space (up is larger)
  w: number;
  h: number; // font size
}
export interface PdfSeg {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}
export interface PdfPage {
  width: number;
  height: number;
  items: PdfItem[];
  segs: PdfSeg[];
}

// --- reading a page ------------------------------------------------------------------------------

type M = [number, number, number, number, number, number];
const mul = (a: M, b: M): M => [
  a[0] * b[0] + a[2] * b[1],
  a[1] * b[0] + a[3] * b[1],
  a[0] * b[2] + a[2] * b[3],
  a[1] * b[2] + a[3] * b[3],
  a[0] * b[4] + a[2] * b[5] + a[4],
  a[1] * b[4] + a[3] * b[5] + a[5],
];
const apply = (m: M, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

interface PageProxy {
  getViewport(o: { scale: number }): { viewBox: number[] };
  getTextContent(): Promise<{ items: unknown[] }>;
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[] }>;
}

/** text items and straight ruling segments (strokes and thin filled rectangles) of one page */
export async function readPdfPage(page: PageProxy, OPS: Record<string, number>): Promise<PdfPage> {
  const vb = page.getViewport({ scale: 1 }).viewBox;
  const tc = await page.getTextContent();
  const items: PdfItem[] = [];
  for (const raw of tc.items as { str?: string; transform?: number[]; width?: number; height?: number }[]) {
    if (typeof raw.str !== 'string' || !raw.transform || !raw.str) continue;
    const t = raw.transform;
    // rotated text (a stamp, a vertical label) is not part of the reading flow
    if (Math.abs(t[1]) > 0.01 || Math.abs(t[2]) > 0.01) continue;
    items.push({ str: raw.str, x: t[4], y: t[5], w: raw.width ?? 0, h: raw.height || Math.abs(t[3]) || 10 });
  }
  const segs: PdfSeg[] = [];
  try {
    const ops = await page.getOperatorList();
    let ctm: M = [1, 0, 0, 1, 0, 0];
    const stack: M[] = [];
    for (let i = 0; i < ops.fnArray.length; i++) {
      const fn = ops.fnArray[i];
      const args = ops.argsArray[i] as unknown[];
      if (fn === OPS.save) stack.push(ctm);
      else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
      else if (fn === OPS.transform) ctm = mul(ctm, args as M);
      else if (fn === OPS.constructPath) {
        const [pops, pargs] = args as [number[], number[]];
        let k = 0;
        let cur: [number, number] | null = null;
        for (const op of pops) {
          if (op === OPS.moveTo) {
            cur = apply(ctm, pargs[k], pargs[k + 1]);
            k += 2;
          } else if (op === OPS.lineTo) {
            const p = apply(ctm, pargs[k], pargs[k + 1]);
            k += 2;
            if (cur) segs.push({ x1: cur[0], y1: cur[1], x2: p[0], y2: p[1] });
            cur = p;
          } else if (op === OPS.rectangle) {
            const [x, y] = apply(ctm, pargs[k], pargs[k + 1]);
            const [x2, y2] = apply(ctm, pargs[k] + pargs[k + 2], pargs[k + 1] + pargs[k + 3]);
            k += 4;
            const w = Math.abs(x2 - x);
            const h = Math.abs(y2 - y);
            // a thin filled rectangle is a rule; a larger one is a box drawn with four edges
            if (h < 2.5 && w > 3) segs.push({ x1: Math.min(x, x2), y1: (y + y2) / 2, x2: Math.max(x, x2), y2: (y + y2) / 2 });
            else if (w < 2.5 && h > 3) segs.push({ x1: (x + x2) / 2, y1: Math.min(y, y2), x2: (x + x2) / 2, y2: Math.max(y, y2) });
            else if (w > 3 && h > 3 && !(w > vb[2] * 0.95 && h > vb[3] * 0.95)) {
              const [l, r, b, t] = [Math.min(x, x2), Math.max(x, x2), Math.min(y, y2), Math.max(y, y2)];
              segs.push({ x1: l, y1: b, x2: r, y2: b }, { x1: l, y1: t, x2: r, y2: t }, { x1: l, y1: b, x2: l, y2: t }, { x1: r, y1: b, x2: r, y2: t });
            }
          } else if (op === OPS.curveTo) k += 6;
          else if (op === OPS.curveTo2 || op === OPS.curveTo3) k += 4;
        }
      }
    }
  } catch {
    // no drawing: tables are then read from the text's x-gaps only
  }
  return { width: vb[2] - vb[0], height: vb[3] - vb[1], items, segs };
}

// --- shared measures ---------------------------------------------------------------------------

function mode(xs: number[], step = 1): number {
  const counts = new Map<number, number>();
  let best = 0;
  let bestN = 0;
  for (const x of xs) {
    const k = Math.round(x / step);
    const n = (counts.get(k) ?? 0) + 1;
    counts.set(k, n);
    if (n > bestN || (n === bestN && k < best)) {
      best = k;
      bestN = n;
    }
  }
  return best * step;
}

interface Line {
  items: PdfItem[];
  x: number;
  x2: number;
  y: number;
  h: number;
  text: string;
  page: number;
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** items on one baseline (within a third of the font size), left to right */
function toLines(items: PdfItem[], page: number, cellGap: number | null): Line[] {
  // cellGap: a gap wider than this many font sizes parts two cells of a table drawn without rules
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfItem[][] = [];
  for (const it of sorted) {
    if (!it.str.trim()) continue;
    const g = groups[groups.length - 1];
    if (g && Math.abs(g[0].y - it.y) <= Math.max(g[0].h, it.h) * 0.35) g.push(it);
    else groups.push([it]);
  }
  return groups.map((g) => {
    g.sort((a, b) => a.x - b.x);
    const h = mode(g.map((i) => i.h), 0.5) || g[0].h;
    let text = '';
    let end = -Infinity;
    let last: PdfItem | null = null;
    let lastAt = 0;
    for (const it of g) {
      // a space the text layer writes out: kept (one or two) before the next word
      if (!it.str.trim()) continue;
      const gap = it.x - end;
      // a glyph from another font drawn over the blank its own run left for it ("(ch n)" + "ǎ")
      if (last && gap < -it.h * 0.2 && last.str.length > 1) {
        const at = Math.round(((it.x - last.x) / Math.max(last.w, 1)) * last.str.length);
        const k = [at, at - 1, at + 1].find((j) => last!.str[j] === ' ');
        if (k !== undefined && it.str.length === 1) {
          text = text.slice(0, lastAt + k) + it.str + text.slice(lastAt + k + 1);
          continue;
        }
      }
      // a space drawn as a gap: one, or two for a wide one ("第一章  开启…"); none inside Chinese justified text
      // (the narrow gap a layout engine leaves between Chinese and Latin text is no space)
      const cjk = CJK.test(text.slice(-1)) || CJK.test(it.str[0]);
      const sp =
        text && cellGap !== null && gap > cellGap * h ? '\t' : text && !/\s$/.test(text) && gap > h * (cjk ? 0.9 : 0.2) ? ' ' : '';
      text += sp;
      lastAt = text.length;
      last = it;
      text += it.str;
      end = Math.max(end, it.x + it.w);
    }
    return { items: g, x: g[0].x, x2: end, y: g[0].y, h, text: text.replace(/[ \u00a0]{3,}/g, '  ').trim(), page };
  });
}

/** two wrapped pieces of one paragraph: no space between Chinese, one between words */
const glue = (a: string, b: string) => (CJK.test(a.slice(-1)) || CJK.test(b[0]) || !a || !b ? a + b : `${a} ${b}`);


// --- tables from rulings -------------------------------------------------------------------------

interface Grid {
  top: number;
  bottom: number;
  left: number;
  right: number;
  rows: string[][];
  page: number;
  /** a table of one cell (a 专栏, a framed note): its paragraphs */
  box: CellText | null;
}

const near = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol;
function uniq(xs: number[], tol: number): number[] {
  const s = [...xs].sort((a, b) => a - b);
  const out: number[] = [];
  for (const x of s) if (!out.length || x - out[out.length - 1] > tol) out.push(x);
  return out;
}

/** clusters of connected horizontal and vertical rules, each a table with at least 2 rows or columns */
function tablesOf(p: PdfPage, pageNo: number): { grids: Grid[]; inside: (it: PdfItem) => boolean } {
  const H = p.segs.filter((s) => near(s.y1, s.y2, 0.8) && Math.abs(s.x2 - s.x1) > 4).map((s) => ({ y: (s.y1 + s.y2) / 2, l: Math.min(s.x1, s.x2), r: Math.max(s.x1, s.x2) }));
  const V = p.segs.filter((s) => near(s.x1, s.x2, 0.8) && Math.abs(s.y2 - s.y1) > 4).map((s) => ({ x: (s.x1 + s.x2) / 2, b: Math.min(s.y1, s.y2), t: Math.max(s.y1, s.y2) }));
  if (H.length < 2 || V.length < 2) return { grids: [], inside: () => false };
  // connected components of rules that touch
  const all = [...H.map((h) => ({ kind: 'h' as const, h })), ...V.map((v) => ({ kind: 'v' as const, v }))];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const T = 2;
  for (let i = 0; i < all.length; i++) {
    const a = all[i];
    if (a.kind !== 'h') continue;
    for (let j = 0; j < all.length; j++) {
      const b = all[j];
      if (b.kind !== 'v') continue;
      if (b.v.x >= a.h.l - T && b.v.x <= a.h.r + T && a.h.y >= b.v.b - T && a.h.y <= b.v.t + T) parent[find(i)] = find(j);
    }
  }
  const comps = new Map<number, { hs: typeof H; vs: typeof V }>();
  all.forEach((a, i) => {
    const c = comps.get(find(i)) ?? { hs: [], vs: [] };
    if (a.kind === 'h') c.hs.push(a.h);
    else c.vs.push(a.v);
    comps.set(find(i), c);
  });
  const grids: Grid[] = [];
  const boxes: { l: number; r: number; b: number; t: number }[] = [];
  for (const { hs, vs } of comps.values()) {
    if (hs.length < 2 || vs.length < 2) continue;
    const ys = uniq(hs.map((h) => h.y), 1.5).reverse(); // top to bottom
    const xs = uniq(vs.map((v) => v.x), 1.5);
    if (ys.length < 2 || xs.length < 2) continue;
    const box = { l: xs[0], r: xs[xs.length - 1], t: ys[0], b: ys[ys.length - 1] };
    // a frame drawn around the whole page or the text area is not a table
    if (box.t - box.b > p.height * 0.9 && xs.length === 2 && ys.length === 2) continue;
    const nb = ys.length - 1;
    const nc = xs.length - 1;
    const hRule = (y: number, x: number) => hs.some((h) => near(h.y, y, 1.5) && h.l <= x && h.r >= x);
    const vRule = (x: number, y: number) => vs.some((v) => near(v.x, x, 1.5) && v.b <= y && v.t >= y);
    // union-find over grid slots: no rule between two slots → one merged cell
    const id = (b: number, c: number) => b * nc + c;
    const up = Array.from({ length: nb * nc }, (_, i) => i);
    const root = (i: number): number => (up[i] === i ? i : (up[i] = root(up[i])));
    for (let b = 0; b < nb; b++)
      for (let c = 0; c < nc; c++) {
        const ym = (ys[b] + ys[b + 1]) / 2;
        const xm = (xs[c] + xs[c + 1]) / 2;
        if (c > 0 && !vRule(xs[c], ym)) up[root(id(b, c))] = root(id(b, c - 1));
        if (b > 0 && !hRule(ys[b], xm)) up[root(id(b, c))] = root(id(b - 1, c));
      }
    // the items inside each merged cell
    const cellItems = new Map<number, PdfItem[]>();
    for (const it of p.items) {
      const cx = it.x + it.w / 2;
      const cy = it.y + it.h * 0.35;
      if (cx < box.l || cx > box.r || cy > box.t || cy < box.b) continue;
      const c = xs.findIndex((x, k) => k < nc && cx >= x && cx <= xs[k + 1]);
      const b = ys.findIndex((y, k) => k < nb && cy <= y && cy >= ys[k + 1]);
      if (c < 0 || b < 0) continue;
      const r = root(id(b, c));
      const list = cellItems.get(r) ?? [];
      list.push(it);
      cellItems.set(r, list);
    }
    const texts = new Map<number, string>();
    let boxText: CellText | null = null;
    for (const [r, its] of cellItems) {
      const ct = cellText(its, xs, nc, r % nc, root, id, r, pageNo, nb === 1 && nc === 1);
      if (nb === 1 && nc === 1) boxText = ct;
      texts.set(r, joinCell(ct.parts, b0(r, nc) === 0));
    }
    const rows: string[][] = [];
    for (let b = 0; b < nb; b++) {
      const row: string[] = [];
      for (let c = 0; c < nc; c++) {
        const r = root(id(b, c));
        const left = c > 0 && root(id(b, c - 1)) === r;
        // merged across: the text once, then empty cells; merged down: the text in every row it covers
        row.push(left ? '' : (texts.get(r) ?? ''));
      }
      // a band that only continues merged cells from above with nothing of its own is no row
      const own = row.some((t, c) => t && root(id(b, c)) === id(b, c)) || b === 0;
      const fresh = Array.from({ length: nc }, (_, c) => c).some((c) => b === 0 || root(id(b, c)) !== root(id(b - 1, c)));
      if (own || fresh) rows.push(row);
    }
    // columns that are empty in every row (a slot made by a rule of one merged row only) are dropped
    const keep = Array.from({ length: nc }, (_, c) => rows.some((r) => r[c]));
    grids.push({ top: box.t, bottom: box.b, left: box.l, right: box.r, rows: rows.map((r) => r.filter((_, c) => keep[c])), page: pageNo, box: nb === 1 && nc === 1 ? (boxText ?? { parts: [], open: false, indented: true }) : null });
    boxes.push(box);
  }
  const inside = (it: PdfItem) => {
    const cx = it.x + it.w / 2;
    const cy = it.y + it.h * 0.35;
    return boxes.some((b) => cx >= b.l && cx <= b.r && cy <= b.t && cy >= b.b);
  };
  return { grids, inside };
}

const b0 = (r: number, nc: number) => Math.floor(r / nc);

interface CellText {
  /** the cell's paragraphs, wrapped lines glued */
  parts: string[];
  /** its last line runs to the cell's right edge: the paragraph goes on (in the next page's part) */
  open: boolean;
  /** its first line is indented: a paragraph starts there */
  indented: boolean;
}

/** a cell's lines as paragraphs: a line reaching the cell's right edge wraps, an indented line starts anew */
function cellText(its: PdfItem[], xs: number[], nc: number, c0: number, root: (i: number) => number, id: (b: number, c: number) => number, r: number, page: number, indents: boolean): CellText {
  // the merged cell's right edge: the rightmost column slot of its region in its first band
  let c1 = c0;
  const b = b0(r, nc);
  while (c1 + 1 < nc && root(id(b, c1 + 1)) === r) c1++;
  const left = xs[c0];
  const right = xs[c1 + 1];
  const lines = toLines(its, page, null);
  const pad = Math.max(0, Math.min(12, ...lines.map((l) => l.x - left)));
  const parts: string[] = [];
  let open = false;
  for (const l of lines) {
    // in a box a paragraph starts indented; a data cell is centred, so only short lines end its paragraphs
    const indent = indents && l.x >= left + pad + l.h * 1.5;
    if (open && parts.length && !indent) parts[parts.length - 1] = glue(parts[parts.length - 1], l.text);
    else parts.push(l.text);
    // a ragged right edge leaves up to two characters (a character kept with a following 、 or ，)
    open = l.x2 >= right - pad - l.h * (indents ? 2.1 : 1.2);
  }
  return { parts, open, indented: !!lines[0] && lines[0].x >= left + pad + lines[0].h * 1.5 };
}

/** a data cell's paragraphs on one line, joined as html.ts joins a Word cell's */
function joinCell(parts: string[], header: boolean): string {
  if (parts.length < 2) return parts[0] ?? '';
  const names = parts.every((p) => p.length <= 24 && !/[,，。;；:：!！?？]|\d/.test(p));
  return parts.join(names && header && parts.every((p) => p.length <= 8) ? '' : names ? '、' : ' ');
}

// --- the document ------------------------------------------------------------------------------

type Block = { kind: 'line'; line: Line } | { kind: 'table'; grid: Grid; y: number; page: number };

const PAGE_NO = /^(?:[-—–－~\s]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[/／]\s*\d{1,4})?(?:\s*(?:共\s*\d+\s*页))?[-—–－~\s]*|[-—–－]\s*[ivxlcdm]+\s*[-—–－]|Page \d+( of \d+)?)$/i;

export function pdfPagesToText(pages: PdfPage[]): string {
  // 1. page furniture: a line at the same height on many pages with the same words (digits aside),
  //    and page numbers in the top or bottom margin
  const key = (l: Line) => `${Math.round(l.y / 3)}|${l.text.replace(/\d+/g, '#').replace(/\s/g, '')}`;
  const perPage: { blocks: Block[] }[] = [];
  const lineSets: Line[][] = [];
  const tableSets: Grid[][] = [];
  pages.forEach((p, n) => {
    const { grids, inside } = tablesOf(p, n);
    tableSets.push(grids);
    lineSets.push(toLines(p.items.filter((it) => !inside(it)), n, 2.5));
  });
  const seen = new Map<string, number>();
  for (const ls of lineSets) for (const k of new Set(ls.map(key))) seen.set(k, (seen.get(k) ?? 0) + 1);
  const repeated = (k: string) => pages.length >= 3 && (seen.get(k) ?? 0) >= Math.max(3, pages.length * 0.4);
  pages.forEach((p, n) => {
    const margin = p.height * 0.1;
    const lines = lineSets[n].filter((l) => {
      if (repeated(key(l))) return false;
      const edge = l.y > p.height - margin * 1.3 || l.y < margin * 1.3;
      return !(edge && PAGE_NO.test(l.text));
    });
    const blocks: Block[] = [...lines.map((line) => ({ kind: 'line' as const, line })), ...tableSets[n].map((grid) => ({ kind: 'table' as const, grid, y: grid.top, page: n }))];
    blocks.sort((a, b) => (b.kind === 'line' ? b.line.y : b.y) - (a.kind === 'line' ? a.line.y : a.y));
    perPage.push({ blocks });
  });

  // 2. the body's measures: font size, left and right margins, line pitch
  const body = lineSets.flat().filter((l) => l.text.length >= 8);
  const fs = mode(body.map((l) => l.h), 0.5) || 12;
  const main = body.filter((l) => near(l.h, fs, 0.6));
  const leftEdge = mode(main.map((l) => l.x), 1);
  const rightEdge = mode(main.filter((l) => l.x2 > leftEdge + fs * 10).map((l) => l.x2), 1);
  const gaps: number[] = [];
  for (const ls of lineSets) for (let i = 1; i < ls.length; i++) if (near(ls[i].h, fs, 0.6) && near(ls[i - 1].h, fs, 0.6)) gaps.push(ls[i - 1].y - ls[i].y);
  const pitch = mode(gaps.filter((g) => g > fs * 0.8 && g < fs * 3), 0.5) || fs * 1.5;

  // 3. paragraphs and tables in reading order
  interface Para {
    text: string;
    gapBefore: boolean | null; // null: first on its page, gap unknown
  }
  const out: (Para | { table: string[][] })[] = [];
  let cur: Para | null = null;
  let prev: Line | null = null;
  let lastTable: { grid: Grid; header: string } | null = null;
  let lastBox: { page: number; open: boolean } | null = null;
  let tableEnd: { page: number; y: number } | null = null;
  const full = (l: Line) => l.x2 >= rightEdge - l.h * 1.5 && l.x <= leftEdge + l.h * 2.5;
  const indented = (l: Line) => l.x >= leftEdge + l.h * 0.8;
  for (const { blocks } of perPage) {
    for (const b of blocks) {
      if (b.kind === 'table') {
        tableEnd = { page: b.page, y: b.grid.bottom };
        if (cur) out.push(cur);
        cur = null;
        prev = null;
        let rows = b.grid.rows;
        const header = rows[0]?.join('\t') ?? '';
        const last = out[out.length - 1];
        if (lastTable && last && 'table' in last && lastTable.grid.page === b.page - 1) {
          // the same table going on over a page: drop its repeated header, rejoin a row the break split
          if (rows[0] && header === lastTable.header) rows = rows.slice(1);
          const prevRow = last.table[last.table.length - 1];
          const first = rows[0];
          if (first && prevRow && first.length === prevRow.length && !first[0] && !first[1]) {
            last.table[last.table.length - 1] = prevRow.map((t, c) => glue(t, first[c] ?? ''));
            rows = rows.slice(1);
          }
          last.table.push(...rows);
          lastTable = { grid: b.grid, header: lastTable.header };
          continue;
        }
        if (b.grid.box) {
          // a box of one cell (a 专栏, a framed note): its text is paragraphs, not a table; a box going on
          // from the page before goes on with its last paragraph unless this part starts a new one
          const parts = [...b.grid.box.parts];
          const last = out[out.length - 1];
          if (lastBox && lastBox.page === b.page - 1 && last && 'text' in last && lastBox.open && !b.grid.box.indented && parts.length) last.text = glue(last.text, parts.shift()!);
          // a box sits in the flow like its paragraphs: no blank line of its own before or after it
          parts.forEach((t) => out.push({ text: t, gapBefore: false }));
          lastBox = { page: b.page, open: b.grid.box.open };
          lastTable = null;
          continue;
        }
        lastBox = null;
        out.push({ table: rows.slice() });
        lastTable = { grid: b.grid, header };
        continue;
      }
      const l = b.line;
      const samePage = prev && prev.page === l.page;
      const gap = samePage ? prev!.y - l.y : null;
      const newPara =
        !cur || !prev || !full(prev) || indented(l) || (gap !== null && gap > pitch * 1.4) || !near(l.h, prev.h, 1);
      if (newPara) {
        if (cur) out.push(cur);
        // after a table or box on the same page the gap is measured from its bottom rule
        const below = !prev && tableEnd && tableEnd.page === l.page ? tableEnd.y - l.y > pitch * 1.3 : null;
        cur = { text: l.text, gapBefore: gap === null ? (prev ? null : below ?? true) : gap > pitch * 1.4 };
      } else cur!.text = glue(cur!.text, l.text);
      lastTable = null;
      lastBox = null;
      prev = l;
    }
  }
  if (cur) out.push(cur);

  // 4. a document spaced with empty paragraphs keeps its blank lines where they are; otherwise a
  //    blank line parts paragraphs, except after one that ends mid-sentence (a note broken in two)
  const paras = out.filter((o): o is Para => 'text' in o);
  const spaced = paras.filter((p) => p.gapBefore === true).length;
  const spacers = spaced >= 3 && spaced >= paras.length * 0.05 && spaced < paras.length * 0.9;
  let text = '';
  let before: Para | { table: string[][] } | null = null;
  for (const o of out) {
    if ('table' in o) {
      text += (text ? '\n\n' : '') + o.table.map((r) => '\t' + r.join('\t')).join('\n');
    } else {
      let sep = '\n\n';
      if (before && !('table' in before) && (endsMidSentence(before.text) || (spacers && o.gapBefore !== true))) sep = '\n';
      text += (text ? sep : '') + o.text;
    }
    before = o;
  }
  return text.replace(/\n{3,}/g, '\n\n').trim();
}
