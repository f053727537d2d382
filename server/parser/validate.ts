// validateParsed: the plan's own consistency — sources inside the original text, ids
// unique, references resolvable. Problems are repaired where safe and always reported.
import type { ParsedPlan, Source } from '../../shared/parsedPlan.js';
import type { ParseContext } from './types.js';

export function validateParsed(plan: ParsedPlan, ctx: ParseContext): void {
  const len = ctx.doc.original.length;
  const problems: string[] = [];
  const check = (what: string, src: Source | null | undefined): Source | null | undefined => {
    if (!src) return src;
    const ok = Number.isInteger(src.start) && Number.isInteger(src.end) && src.start >= 0 && src.start <= src.end && src.end <= len;
    if (ok) return src;
    problems.push(`${what}的原文位置越界`);
    const start = Math.max(0, Math.min(len, Math.trunc(src.start) || 0));
    return { start, end: Math.max(start, Math.min(len, Math.trunc(src.end) || start)) };
  };

  for (const n of plan.outline) n.source = check(`标题“${n.title}”`, n.source)!;
  for (const t of plan.tasks) {
    t.source = check(`任务“${t.title}”`, t.source)!;
    t.unitsSource = check(`任务“${t.title}”的责任单位`, t.unitsSource) ?? null;
    for (const u of [...t.lead, ...t.responsible, ...t.cooperating]) u.source = check(`单位“${u.raw}”`, u.source) ?? undefined;
  }
  for (const x of plan.targets) x.source = check(`目标“${x.subject}”`, x.source)!;
  for (const x of plan.indicators) x.source = check(`指标“${x.name}”`, x.source)!;
  for (const x of plan.projects) x.source = check(`项目“${x.name}”`, x.source)!;
  for (const x of plan.notes) x.source = check(`说明“${x.code}”`, x.source)!;
  for (const w of plan.warnings) w.source = check(`提示“${w.code}”`, w.source) ?? null;

  const outlineIds = new Set<string>();
  for (const n of plan.outline) {
    if (outlineIds.has(n.id)) problems.push(`标题编号 ${n.id} 重复`);
    outlineIds.add(n.id);
  }
  for (const n of plan.outline)
    if (n.parentId && !outlineIds.has(n.parentId)) {
      problems.push(`标题 ${n.id} 的上级 ${n.parentId} 不存在`);
      n.parentId = null;
    }
  unique(plan.tasks.map((t) => t.id), '任务', problems);
  unique(plan.projects.map((p) => p.id), '项目', problems);
  const fixRef = (what: string, holder: { outlineId: string | null }) => {
    if (holder.outlineId && !outlineIds.has(holder.outlineId)) {
      problems.push(`${what}引用的标题 ${holder.outlineId} 不存在`);
      holder.outlineId = null;
    }
  };
  for (const t of plan.tasks) fixRef(`任务 ${t.id} `, t);
  for (const t of plan.targets) fixRef(`目标“${t.subject}”`, t);
  for (const p of plan.projects) fixRef(`项目 ${p.id} `, p);

  for (const message of problems.slice(0, 50)) plan.warnings.push({ code: 'PARSE_INCONSISTENT', message, source: null });
}

function unique(ids: string[], what: string, problems: string[]) {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) problems.push(`${what}编号 ${id} 重复`);
    seen.add(id);
  }
}
