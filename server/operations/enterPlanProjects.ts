// The office enters a plan's 专栏 projects into the library with what the plan's own text says about them: the total
// investment a project's text states ("总投资约12亿元"), the year it is to be finished ("到2025年" → 2025-12-31),
// the town it names when it names exactly one town of the plan's district, and as owner the unit the plan names
// most often as lead (牵头) on the tasks of the project's chapter (the 专栏's outline node, its parent and the
// parent's other children). Nothing is guessed beyond that: a project whose text gives nothing keeps its fields
// empty (未定). Only empty fields are filled; each project changed is audited, all in one transaction.
import { and, eq, isNull } from 'drizzle-orm';
import { AppError } from '../../shared/errors.js';
import { outlineNodes, plans, projects, regions, taskUnits, tasks, units } from '../db/schema/index.js';
import { canManagePlan } from '../policy.js';
import { writeAudit } from '../audit.js';
import { now } from '../clock.js';
import { finishFromText, investmentFromText, projectSearchText } from '../domain/projectStatus.js';
import type { OpContext } from './context.js';

export async function enterPlanProjects({ db, actor }: OpContext, planId: number) {
  const [plan] = await db.select().from(plans).where(eq(plans.id, planId));
  if (!plan) throw new AppError('NOT_FOUND');
  if (!canManagePlan(actor, plan)) throw new AppError('FORBIDDEN');
  const rows = await db.select().from(projects).where(eq(projects.planId, planId));
  const nodes = await db.select({ id: outlineNodes.id, parentId: outlineNodes.parentId }).from(outlineNodes).where(eq(outlineNodes.planId, planId));
  const parentOf = new Map(nodes.map((n) => [n.id, n.parentId]));
  const leads = await db
    .select({ outlineNodeId: tasks.outlineNodeId, unitId: taskUnits.unitId, name: units.name })
    .from(taskUnits)
    .innerJoin(tasks, eq(tasks.id, taskUnits.taskId))
    .innerJoin(units, eq(units.id, taskUnits.unitId))
    .where(and(eq(tasks.planId, planId), eq(taskUnits.role, 'lead'), isNull(tasks.parentTaskId)));
  // the towns of the plan's district, by name with and without 镇/街道
  const towns = plan.regionId ? await db.select({ id: regions.id, name: regions.name }).from(regions).where(and(eq(regions.parentId, plan.regionId), eq(regions.level, 'town'))) : [];
  // a project is placed in a town when its text mentions exactly one town and names it in full (青峰镇, or 青峰 + 镇);
  // a list of towns ("以大安、永荣、…金龙镇等镇街为重点") places it nowhere
  const townOf = (text: string) => {
    const mentioned = towns.filter((t) => {
      const bare = t.name.replace(/(镇|街道)$/, '');
      return text.includes(t.name) || (bare.length >= 2 && new RegExp(`${bare}(?:镇|街道|、|等|和|及)`).test(text));
    });
    if (mentioned.length !== 1) return null;
    const t = mentioned[0];
    const bare = t.name.replace(/(镇|街道)$/, '');
    return text.includes(t.name) || new RegExp(`${bare}(?:镇|街道)`).test(text) ? t.id : null;
  };
  const ownerOf = (nodeId: number | null): { unitId: number; name: string } | null => {
    if (nodeId === null) return null;
    const parent = parentOf.get(nodeId) ?? null;
    const near = new Set<number>([nodeId, ...(parent !== null ? [parent, ...nodes.filter((n) => n.parentId === parent).map((n) => n.id)] : [])]);
    const count = new Map<number, { n: number; name: string }>();
    for (const l of leads) if (l.outlineNodeId !== null && near.has(l.outlineNodeId) && l.unitId !== null) count.set(l.unitId, { n: (count.get(l.unitId)?.n ?? 0) + 1, name: l.name });
    const best = [...count.entries()].sort((a, b) => b[1].n - a[1].n || a[0] - b[0])[0];
    return best ? { unitId: best[0], name: best[1].name } : null;
  };
  // departments of the plan's district by the core word of their name: 区水利局 → 水利, 区城市管理局 → 城市
  const depts = plan.regionId ? await db.select({ id: units.id, name: units.name, kind: units.kind }).from(units).where(eq(units.regionId, plan.regionId)) : [];
  const cores = depts
    .filter((u) => u.kind !== 'town')
    .map((u) => ({ ...u, core: u.name.replace(/^(区委|区|市|县)/, '').replace(/(委员会|管理局|服务中心|事务中心|中心|办公室|局|委|办)$/, '') }))
    .filter((u) => u.core.length >= 2);
  const ownerByTitle = (title: string): { unitId: number; name: string } | null => {
    const hits = cores.filter((u) => title.includes(u.core)).sort((a, b) => b.core.length - a.core.length);
    if (!hits.length || (hits[1] && hits[1].core.length === hits[0].core.length)) return null;
    return { unitId: hits[0].id, name: hits[0].name };
  };
  const townUnits = depts.filter((u) => u.kind === 'town');
  return db.transaction(async (tx) => {
    let changed = 0;
    const at = now();
    for (const p of rows) {
      const text = `${p.name} ${p.text}`;
      const selfTown = townUnits.find((u) => u.name === p.name.trim());
      const owner = p.ownerUnitId === null ? (ownerOf(p.outlineNodeId) ?? ownerByTitle(`${p.column ?? ''} ${p.group ?? ''}`) ?? (selfTown ? { unitId: selfTown.id, name: selfTown.name } : null)) : null;
      const total = p.totalInvestment === null ? investmentFromText(p.text) : null;
      const finish = p.finishDate === null ? finishFromText(p.text) : null;
      const town = p.regionId === plan.regionId ? townOf(text) : null;
      const set: Partial<typeof projects.$inferInsert> = {};
      if (owner) set.ownerUnitId = owner.unitId;
      if (total !== null) set.totalInvestment = total;
      if (finish) set.finishDate = finish;
      if (town) set.regionId = town;
      if (p.regionId === null && plan.regionId !== null) set.regionId = plan.regionId;
      if (!Object.keys(set).length) continue;
      await tx
        .update(projects)
        .set({ ...set, searchText: projectSearchText({ ...p, owner: owner?.name }), version: p.version + 1, updatedAt: at })
        .where(eq(projects.id, p.id));
      await writeAudit(tx, actor, {
        action: 'project.enter', entityType: 'project', entityId: p.id, planId,
        before: Object.fromEntries(Object.keys(set).map((k) => [k, (p as Record<string, unknown>)[k]])),
        after: { ...set, from: '规划原文' },
      });
      changed++;
    }
    return { planId, projects: rows.length, changed };
  });
}

