// `luoshi parse FILE [--json] [--no-text]`: the parser's result for one file, as the
// JSON contract or as a short summary for a person at a terminal.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parsePlan } from '../parser/index.js';
import type { ParsedPlan, ParsedUnit } from '../../shared/parsedPlan.js';

export async function runParse(file: string, opts: { json: boolean; text: boolean }): Promise<string> {
  const bytes = await readFile(file);
  // stdout carries only the result: whatever a library prints while reading the file goes to stderr
  const [log, warn] = [console.log, console.warn];
  console.log = console.warn = (...args: unknown[]) => console.error(...args);
  let plan: ParsedPlan;
  try {
    plan = await parsePlan(new Uint8Array(bytes), path.basename(file), { includeText: opts.json && opts.text });
  } finally {
    [console.log, console.warn] = [log, warn];
  }
  if (opts.json) return JSON.stringify(plan, null, 2) + '\n';
  return summary(plan);
}

function summary(p: ParsedPlan): string {
  const m = p.meta;
  const all = p.tasks.flatMap((t) => [...t.lead, ...t.responsible, ...t.cooperating]);
  const unknown = [...new Set(all.filter((u) => !u.known).map((u) => u.raw))];
  const byCode = new Map<string, number>();
  for (const w of p.warnings) byCode.set(w.code, (byCode.get(w.code) ?? 0) + 1);
  const period = m.periodStart ? `${m.periodStart}–${m.periodEnd}` : '未识别';
  const units = (us: ParsedUnit[]) => us.map((u) => u.name).join('、') || '—';
  const lines = [
    `标题:${m.title || '(未识别)'}`,
    `地区:${m.region ?? '未识别'}  层级:${m.level ?? '未识别'}  类型:${m.type ?? '未识别'}  期限:${period}`,
    `格式:${m.format}(${m.encoding}),${m.charCount} 字`,
    `结构:${p.outline.length} 个标题,${p.tasks.length} 项任务,${all.length} 处单位,${p.targets.length} 个目标,${p.indicators.length} 个指标,${p.projects.length} 个项目`,
    ...p.notes.map((n) => `说明[${n.code}]:${n.text.slice(0, 60)}`),
    ...(unknown.length ? [`单位库中没有的单位(${unknown.length}):${unknown.join('、')}`] : []),
    `提示 ${p.warnings.length} 条:${[...byCode].map(([c, n]) => `${c}×${n}`).join(',') || '无'}`,
    '',
    ...p.tasks.slice(0, 20).map((t) => `${t.id} ${t.title.slice(0, 30)}  牵头:${units(t.lead)}  责任:${units(t.responsible)}${t.deadline ? `  时限:${t.deadline}` : ''}`),
    ...(p.tasks.length > 20 ? [`…… 另有 ${p.tasks.length - 20} 项任务(用 --json 查看全部)`] : []),
  ];
  return lines.join('\n') + '\n';
}
