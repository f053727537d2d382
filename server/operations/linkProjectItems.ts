// The office says which plan items a project serves: 专栏 / outline nodes, tasks and indicators of plans the office
// can see. The body is the whole set; links not in it are removed. Audited with the set before and after.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { linkProjectItemsBodySchema } from '../../shared/projects.js';
import { AppError } from '../../shared/errors.js';
import { indicators, outlineNodes, plans, projectLinks, projects, tasks } from '../db/schema/index.js';
import type { DbOrTx } from '../db/client.js';
import { planScope, taskScope, type Actor } from '../policy.js';
import { writeAudit } from '../audit.js';
import { now } from '../clock.js';
import { loadManagedProject } from './moveProjectPhase.js';
import type { OpContext } from './context.js';

async function visibleIds(tx: DbOrTx, actor: Actor, kind: 'outline' | 'task' | 'indicator', ids: number[]): Promise<number[]> {
  if (!ids.length) return [];
  const ps = planScope(actor) ?? sql`true`;
  if (kind === 'task') return (await tx.select({ id: tasks.id }).from(tasks).where(and(inArray(tasks.id, ids), taskScope(actor) ?? sql`true`))).map((r) => r.id);
  const table = kind === 'indicator' ? indicators : outlineNodes;
  return (await tx.select({ id: table.id }).from(table).innerJoin(plans, eq(plans.id, table.planId)).where(and(inArray(table.id, ids), ps))).map((r) => r.id);
}

export async function linkProjectItems({ db, actor }: OpContext, id: number, input: z.input<typeof linkProjectItemsBodySchema>) {
  const data = linkProjectItemsBodySchema.parse(input);
  const wanted = [...new Map(data.links.map((l) => [`${l.kind}:${l.targetId}`, l])).values()];
  return db.transaction(async (tx) => {
    const p = await loadManagedProject(tx, actor, id);
    const invalid: { kind: string; targetId: number }[] = [];
    for (const kind of ['outline', 'task', 'indicator'] as const) {
      const ids = wanted.filter((l) => l.kind === kind).map((l) => l.targetId);
      const ok = await visibleIds(tx, actor, kind, ids);
      invalid.push(...ids.filter((i) => !ok.includes(i)).map((targetId) => ({ kind, targetId })));
    }
    if (invalid.length) throw new AppError('PROJECT_LINK_INVALID', { links: invalid });
    const before = await tx.select({ kind: projectLinks.kind, targetId: projectLinks.targetId }).from(projectLinks).where(eq(projectLinks.projectId, id));
    await tx.delete(projectLinks).where(eq(projectLinks.projectId, id));
    if (wanted.length) await tx.insert(projectLinks).values(wanted.map((l) => ({ projectId: id, kind: l.kind, targetId: l.targetId, createdBy: actor.userId })));
    await tx.update(projects).set({ version: p.version + 1, updatedAt: now() }).where(eq(projects.id, id));
    await writeAudit(tx, actor, { action: 'project.link', entityType: 'project', entityId: id, planId: p.planId, before: { links: before }, after: { links: wanted } });
    return { projectId: id, links: wanted };
  });
}
