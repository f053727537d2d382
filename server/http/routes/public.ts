// The public page: published plans only, no login.
import { z } from 'zod';
import { publicPlanSchema, publicPlanSummarySchema } from '../../../shared/evaluation.js';
import { now } from '../../clock.js';
import { todayInShanghai } from '../../domain/dates.js';
import { listPublishedPlans, publicPlan } from '../../queries/publicPlans.js';
import { defineRoute, idParam } from '../route.js';

export const publicRoutes = [
  defineRoute({
    method: 'GET', url: '/api/public/plans', permission: 'public', tag: 'public', summary: '公开:已发布的规划', response: z.object({ items: z.array(publicPlanSummarySchema) }),
    handler: async ({ db, actor }) => {
      return { items: await listPublishedPlans(db) };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/public/plans/:id', permission: 'public', tag: 'public', summary: '公开:规划实施进展(分章节进度、任务状态、指标图表)', params: idParam, response: publicPlanSchema,
    handler: async ({ db, actor, params }) => {
      return publicPlan(db, params.id, todayInShanghai(now()));
    },
  }),
];
