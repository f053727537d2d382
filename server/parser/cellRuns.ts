// A "|" table a mirror printed one cell per line ("7 |", "完善园区骨架路网,… |", "国土住建局 |"), with the header's
// cells two or three to a line ("序号 | 重点任务 |" ⏎ "完成时间 | 责任人 | 责任部门 | 进展情况 |"). Split into one
// line per cell, the table readers see the one-cell-per-line layout they already read.
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
    const single = run.filter((l) => cells(l.text).length === 1).length;
    if (run.length >= 6 && single >= run.length * 0.6) {
      out ??= lines.slice(0, i);
      for (const l of run) for (const c of cells(l.text)) out.push({ start: l.start + c.at, end: l.start + c.at + c.text.length, text: c.text + ' |' });
    } else if (out) out.push(...run);
    if (j === i) {
      if (out) out.push(lines[i]);
      j = i + 1;
    }
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
