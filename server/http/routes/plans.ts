import { z } from 'zod';
import { indicatorOutSchema, planDetailSchema, planSummarySchema, projectOutSchema, targetOutSchema, updatePlanBodySchema } from '../../../shared/api.js';
import { getPlanDetail, getVisiblePlan, listPlans, planListKey } from '../../queries/plans.js';
import { sendCachedAnswer } from '../answerCache.js';
import { planDocument, planIndicators, planProjects, planTargets } from '../../queries/planContents.js';
import { updatePlan } from '../../operations/updatePlan.js';
import { defineRoute, idParam, paged, paging } from '../route.js';
import { conflictSchema, planConflicts } from '../../queries/conflicts.js';

export const planRoutes = [
  defineRoute({
    method: 'GET', url: '/api/plans', permission: 'plan.read', tag: 'plans', summary: '规划列表(可全文检索)',
    query: z.object({ q: z.string().trim().max(100).optional(), status: z.enum(['draft', 'active', 'archived']).optional(), ...paging }),
    response: paged(planSummarySchema),
    // cached (answerCache.ts) under planListKey — the actor's scope and the normalised query — after the route table
    // checked the permission; no gate reads a plan here, so a hit's one statement is the change stamp
    handler: async ({ db, actor, query, req, reply }) => sendCachedAnswer(db, req, reply, planListKey(actor, query), () => listPlans(db, actor, query)),
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
      return planDocument(db, p);
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/plans/:id/indicators', permission: 'plan.read', tag: 'plans', summary: '规划指标', params: idParam,
    response: z.object({ items: z.array(indicatorOutSchema) }),
    handler: async ({ db, actor, params }) => {
      await getVisiblePlan(db, actor, params.id);
      return { items: await planIndicators(db, params.id) };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/plans/:id/projects', permission: 'plan.read', tag: 'plans', summary: '重点项目(专栏)', params: idParam,
    response: z.object({ items: z.array(projectOutSchema) }),
    handler: async ({ db, actor, params }) => {
      await getVisiblePlan(db, actor, params.id);
      return { items: await planProjects(db, params.id) };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/plans/:id/targets', permission: 'plan.read', tag: 'plans', summary: '文中数值目标', params: idParam,
    response: z.object({ items: z.array(targetOutSchema) }),
    handler: async ({ db, actor, params }) => {
      await getVisiblePlan(db, actor, params.id);
      return { items: await planTargets(db, params.id) };
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
