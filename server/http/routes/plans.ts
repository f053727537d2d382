import { asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { indicatorOutSchema, planDetailSchema, planSummarySchema, projectOutSchema, targetOutSchema, updatePlanBodySchema } from '../../../shared/api.js';
import { documents, indicatorValues, indicators, projects, targets } from '../../db/schema/index.js';
import { getPlanDetail, getVisiblePlan, listPlans } from '../../queries/plans.js';
import { updatePlan } from '../../operations/updatePlan.js';
import { defineRoute, idParam, paged, paging } from '../route.js';

import { conflictSchema, planConflicts } from '../../queries/conflicts.js';

const src = (s: number | null, e: number | null) => (s == null ? null : { start: s, end: e ?? s });

export const planRoutes = [
  defineRoute({
    method: 'GET', url: '/api/plans', permission: 'plan.read', tag: 'plans', summary: '规划列表(可全文检索)',
    query: z.object({ q: z.string().trim().max(100).optional(), status: z.enum(['draft', 'active', 'archived']).optional(), ...paging }),
    response: paged(planSummarySchema),
    handler: async ({ db, actor, query }) => {
      return listPlans(db, actor, query);
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/plans/:id', permission: 'plan.read', tag: 'plans', summary: '规划详情(含提纲)', params: idParam, response: planDetailSchema,
    handler: async ({ db, actor, params }) => {
      return getPlanDetail(db, actor, params.id);
    },
  }),
  defineRoute({
    method: 'PATCH', url: '/api/plans/:id', permission: 'plan.manage', tag: 'plans', summary: '修改规划', params: idParam, body: updatePlanBodySchema,
    handler: async ({ db, actor, params, body }) => {
      await updatePlan({ db, actor }, params.id, body);
      return getPlanDetail(db, actor, params.id);
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/plans/:id/document', permission: 'plan.read', tag: 'plans', summary: '规划原文', params: idParam,
    response: z.object({ filename: z.string().nullable(), text: z.string() }),
    handler: async ({ db, actor, params }) => {
      const { p } = await getVisiblePlan(db, actor, params.id);
      if (!p.documentId) return { filename: null, text: '' };
      const [doc] = await db.select({ filename: documents.filename, text: documents.text }).from(documents).where(eq(documents.id, p.documentId));
      return doc;
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/plans/:id/indicators', permission: 'plan.read', tag: 'plans', summary: '规划指标', params: idParam,
    response: z.object({ items: z.array(indicatorOutSchema) }),
    handler: async ({ db, actor, params }) => {
      await getVisiblePlan(db, actor, params.id);
      const rows = await db.select().from(indicators).where(eq(indicators.planId, params.id)).orderBy(asc(indicators.position));
      const values = rows.length ? await db.select().from(indicatorValues).where(inArray(indicatorValues.indicatorId, rows.map((r) => r.id))).orderBy(asc(indicatorValues.date)) : [];
      return {
        items: rows.map(({ sourceStart, sourceEnd, position: _p, ...r }) => ({
          ...r, source: src(sourceStart, sourceEnd),
          values: values.filter((v) => v.indicatorId === r.id).map((v) => ({ date: v.date, value: v.value, unitId: v.unitId })),
        })),
      };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/plans/:id/projects', permission: 'plan.read', tag: 'plans', summary: '重点项目(专栏)', params: idParam,
    response: z.object({ items: z.array(projectOutSchema) }),
    handler: async ({ db, actor, params }) => {
      await getVisiblePlan(db, actor, params.id);
      const rows = await db.select().from(projects).where(eq(projects.planId, params.id)).orderBy(asc(projects.position));
      return { items: rows.map(({ sourceStart, sourceEnd, position: _p, outlineNodeId: _o, ...r }) => ({ ...r, source: src(sourceStart, sourceEnd) })) };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/plans/:id/targets', permission: 'plan.read', tag: 'plans', summary: '文中数值目标', params: idParam,
    response: z.object({ items: z.array(targetOutSchema) }),
    handler: async ({ db, actor, params }) => {
      await getVisiblePlan(db, actor, params.id);
      const rows = await db.select().from(targets).where(eq(targets.planId, params.id)).orderBy(asc(targets.id));
      return { items: rows.map(({ sourceStart, sourceEnd, planId: _p, outlineNodeId: _o, ...r }) => ({ ...r, source: src(sourceStart, sourceEnd) })) };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/plans/:id/conflicts', permission: 'plan.read', tag: 'plans', summary: '与本区其他规划不一致的目标数字', params: idParam,
    response: z.object({ items: z.array(conflictSchema) }),
    handler: async ({ db, actor, params }) => {
      const { p } = await getVisiblePlan(db, actor, params.id);
      return { items: await planConflicts(db, p.id, p.regionId) };
    },
  }),
];
