import { z } from 'zod';
import { auditEventSchema, createTaskBodySchema, keysetPageSchema, taskDetailSchema, taskListQuerySchema, taskSchema, updateTaskBodySchema } from '../../../shared/api.js';
import { AppError } from '../../../shared/errors.js';
import { readHistory } from '../../audit.js';
import { getVisibleTask } from '../../queries/tasks.js';
import { createTask, deleteTask, updateTask } from '../../operations/saveTask.js';
import { listTasksWithStatus, taskListKeyFor, withStatus } from '../../queries/status.js';
import { sendCachedAnswer } from '../answerCache.js';
import { now } from '../../clock.js';
import { todayInShanghai } from '../../domain/dates.js';
import { taskRights } from '../../policy.js';
import { defineRoute, idParam, paged } from '../route.js';

export const toAuditOut = (e: { id: number; at: Date; actorName: string; action: string; entityType: string; entityId: string; before: unknown; after: unknown }) => ({
  id: e.id, at: e.at.toISOString(), actorName: e.actorName, action: e.action, entityType: e.entityType, entityId: e.entityId, before: e.before, after: e.after,
});

/** numbered pages, or keyset pages when the query names a cursor */
const taskPage = z.union([paged(taskSchema), keysetPageSchema(taskSchema)]);

export const taskRoutes = [
  defineRoute({
    method: 'GET', url: '/api/plans/:id/tasks', permission: 'task.read', tag: 'tasks', summary: '规划任务(按单位、角色、章节、文本、状态筛选;页码或游标分页)',
    params: idParam, query: taskListQuerySchema, response: taskPage,
    // the plan's visibility is its declared access (read('plan')), checked before the handler runs, which read the
    // change stamp in the same statement (`owner`); cached (answerCache.ts) under taskListKey — the actor's scope, the
    // normalised query, the date (kept per URL: taskListKeyFor) — so a hit costs no statement beyond the gate's
    handler: async ({ db, actor, params, query, req, reply, owner }) => {
      const f = { ...query, planId: params.id };
      const t = todayInShanghai(now());
      return sendCachedAnswer(db, req, reply, taskListKeyFor(actor, req.url, f, t), () => listTasksWithStatus(db, actor, f, t), { stamp: owner!.stamp });
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/me/tasks', permission: 'task.read', tag: 'tasks', summary: '本单位任务(页码或游标分页)', query: taskListQuerySchema.omit({ unitId: true }), response: taskPage,
    // cached like the plan's list (the key holds the unit through the filter and the scope); the stamp is this
    // request's one statement on a hit
    handler: async ({ db, actor, query, req, reply }) => {
      if (!actor.unitId) return query.cursor !== undefined ? { items: [], pageSize: query.pageSize, nextCursor: null } : { items: [], total: 0, page: query.page, pageSize: query.pageSize };
      const f = { ...query, unitId: actor.unitId };
      const t = todayInShanghai(now());
      return sendCachedAnswer(db, req, reply, taskListKeyFor(actor, req.url, f, t), () => listTasksWithStatus(db, actor, f, t));
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/tasks/:id', permission: 'task.read', tag: 'tasks', summary: '任务详情(含原文)', params: idParam, response: taskDetailSchema,
    // `can`: what the asker may do to this task (policy.ts taskRights), from the plan's region the route gate read
    handler: async ({ db, actor, params, owner }) => {
      const { row: _r, ...t } = await getVisibleTask(db, actor, params.id);
      const [withS] = await withStatus(db, [t], todayInShanghai(now()));
      return { ...withS, can: taskRights(actor, owner!, t) };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/tasks/:id/history', permission: 'task.read', tag: 'tasks', summary: '任务修改记录', params: idParam,
    response: z.object({ items: z.array(auditEventSchema) }),
    handler: async ({ db, actor, params }) => {
      await getVisibleTask(db, actor, params.id);
      return { items: (await readHistory(db, 'task', params.id)).map(toAuditOut) };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/plans/:id/tasks', permission: 'task.manage', tag: 'tasks', summary: '新增任务或分解子任务', params: idParam, body: createTaskBodySchema,
    handler: async ({ db, actor, params, body }) => {
      const row = await createTask({ db, actor }, params.id, body);
      const { row: _r, ...t } = await getVisibleTask(db, actor, row.id);
      return t;
    },
  }),
  defineRoute({
    method: 'PATCH', url: '/api/tasks/:id', permission: 'task.manage', tag: 'tasks', summary: '修改任务', params: idParam, body: updateTaskBodySchema,
    handler: async ({ db, actor, params, body, owner }) => {
      await updateTask({ db, actor }, params.id, body);
      const { row: _r, ...t } = await getVisibleTask(db, actor, params.id);
      return { ...t, can: taskRights(actor, owner!, t) };
    },
  }),
  defineRoute({
    method: 'DELETE', url: '/api/tasks/:id', permission: 'task.manage', tag: 'tasks', summary: '删除任务', params: idParam,
    handler: async ({ db, actor, params }) => {
      await deleteTask({ db, actor }, params.id);
      return { ok: true };
    },
  }),
];
export { AppError };
