// A "|" table a mirror printed one cell per line ("7 |", "完善园区骨架路网,… |", "国土住建局 |"), with the header's
// cells two or three to a line ("序号 | 重点任务 |" ⏎ "完成时间 | 责任人 | 责任部门 | 进展情况 |"). Split into one
// line per cell, the table readers see the one-cell-per-line layout they already read. The same for a table printed
// with each cell opening a line ("| 江宁区", "| 市财政局") and a narrow cell broken a character or two to a line
// ("| 序" ⏎ "号", "| 经济发展" ⏎ "(8分)"): the pieces join into one cell, the line breaks kept as spaces.
import type { Line } from './types.js';

const ENDS_IN_BAR = /\S[ \t]*\|[ \t]*$/;

export function splitCellRuns(lines: Line[]): Line[] {
  let out: Line[] | null = null;
  let i = 0;
  while (i < lines.length) {
    let j = i;
    while (j < lines.length && ENDS_IN_BAR.test(lines[j].text)) j++;
    // a short run is a table's row or two; a run of full rows (three cells and more to a line) is a normal table
    const run = lines.slice(i, j);
    const split = run.length >= 6 ? run.map((l) => cells(l.text)) : [];
    if (split.length && split.filter((c) => c.length === 1).length >= run.length * 0.6) {
      out ??= lines.slice(0, i);
      run.forEach((l, k) => {
        for (const c of split[k]) out!.push({ start: l.start + c.at, end: l.start + c.at + c.text.length, text: c.text + ' |' });
      });
    } else if (out) out.push(...run);
    if (j === i) {
      if (out) out.push(lines[i]);
      j = i + 1;
    }
    i = j;
  }
  return openingBars(out ?? lines);
}

const OPENS_WITH_BAR = /^[ \t]*\|/;
// a narrow cell's next piece: a character or two, a score "(8分)"
const PIECE = /^[ \t]*[^|\s][^|]{0,4}$/;

function openingBars(lines: Line[]): Line[] {
  let out: Line[] | null = null;
  let i = 0;
  while (i < lines.length) {
    if (!OPENS_WITH_BAR.test(lines[i].text)) {
      if (out) out.push(lines[i]);
      i++;
      continue;
    }
    // the run: cells opening with a bar, each with the short pieces under it
    const cellsOfRun: Line[][] = [];
    let j = i;
    while (j < lines.length && OPENS_WITH_BAR.test(lines[j].text)) {
      const cell = [lines[j++]];
      while (j < lines.length && PIECE.test(lines[j].text) && j + 1 < lines.length && (OPENS_WITH_BAR.test(lines[j + 1].text) || PIECE.test(lines[j + 1].text))) cell.push(lines[j++]);
      cellsOfRun.push(cell);
    }
    if (cellsOfRun.length >= 8 && cellsOfRun.filter((c) => cells(c[0].text).length <= 1).length >= cellsOfRun.length * 0.8) {
      out ??= lines.slice(0, i);
      for (const c of cellsOfRun) {
        const first = c[0];
        const bar = first.text.indexOf('|');
        const start = first.start + bar + 1;
        const end = c[c.length - 1].end;
        // the pieces' line breaks become spaces: the text keeps its offsets into the page
        const text = c.map((l, k) => (k === 0 ? l.text.slice(bar + 1) : l.text)).join(' ');
        out.push({ start, end, text: text.replace(/^[ \t]+/, (w) => ' '.repeat(w.length)) });
      }
    } else if (out) for (const c of cellsOfRun) out.push(...c);
    i = j;
  }
  return out ?? lines;
}

function cells(text: string): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  const re = /[^|]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const t = m[0].trim();
    if (t) out.push({ text: t, at: m.index + lead });
  }
  return out;
}
