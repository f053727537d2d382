// Chart data (ECharts) for the office and leaders: status by chapter and unit, indicator
// trajectories, reporting completion over time, the unit ranking.
import { z } from 'zod';
import { indicatorDashboardSchema, reportingDashboardSchema, statusDashboardSchema } from '../../../shared/evaluation.js';
import { now } from '../../clock.js';
import { todayInShanghai } from '../../domain/dates.js';
import { getVisiblePlan } from '../../queries/plans.js';
import { indicatorTrajectories, reportingDashboard, statusDashboard } from '../../queries/dashboards.js';
import { planScores } from '../../queries/scores.js';
import { defineRoute, idParam } from '../route.js';
import { sendCachedAnswer } from '../answerCache.js';

const today = () => todayInShanghai(now());

export const dashboardRoutes = [
  defineRoute({
    method: 'GET', url: '/api/plans/:id/dashboard/status', permission: 'plan.read', tag: 'dashboards', summary: '图表:分章节、分牵头单位的任务状态', params: idParam, response: statusDashboardSchema,
    // the same for everyone who may see the plan (checked by the route table before this runs, which read the change stamp: `owner`): cached (answerCache.ts)
    handler: async ({ db, actor, params, req, reply, owner }) => {
      const t = today();
      return sendCachedAnswer(db, req, reply, `dashboard/status|${params.id}|${t}`, async () => statusDashboard(db, (await getVisiblePlan(db, actor, params.id)).p, t), { stamp: owner!.stamp });
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/plans/:id/dashboard/indicators', permission: 'plan.read', tag: 'dashboards', summary: '图表:指标应达值与实际值逐年轨迹', params: idParam, response: indicatorDashboardSchema,
    handler: async ({ db, actor, params }) => {
      const { p: plan } = await getVisiblePlan(db, actor, params.id);
      const t = today();
      return { asOf: t, items: await indicatorTrajectories(db, plan, t) };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/plans/:id/dashboard/reporting', permission: 'evaluation.read', tag: 'dashboards', summary: '图表:各报送期报送率、按时率', params: idParam,
    query: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }), response: reportingDashboardSchema,
    handler: async ({ db, actor, params, query }) => {
      const { p: plan } = await getVisiblePlan(db, actor, params.id);
      const t = today();
      return reportingDashboard(db, plan, query.year ?? Number(t.slice(0, 4)), t);
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/plans/:id/dashboard/ranking', permission: 'evaluation.read', tag: 'dashboards', summary: '图表:单位得分排名(分项堆叠)', params: idParam,
    query: z.object({ period: z.string().regex(/^\d{4}(-(\d{2}|Q[1-4]|H[12]))?$/).optional() }),
    // the same for everyone who may see the plan (checked by the route table before this runs, which read the change stamp: `owner`): cached (answerCache.ts)
    handler: async ({ db, actor, params, query, req, reply, owner }) => {
      const t = today();
      return sendCachedAnswer(db, req, reply, `dashboard/ranking|${params.id}|${query.period ?? ''}|${t}`, async () => {
        const { p: plan } = await getVisiblePlan(db, actor, params.id);
        const s = await planScores(db, plan, query.period, t);
        return {
          selection: s.selection,
          awards: { top: s.settings.ranking.topAward, bottom: s.settings.ranking.bottomAward },
          // parts: each applicable component's points (不适用 ones left out); the total is their sum re-weighted over applicableWeight
          items: s.items.map((i) => ({
            unitId: i.unitId, unitName: i.unitName, rank: i.rank, award: i.award, awardUndecided: i.awardUndecided, total: i.total, applicableWeight: i.applicableWeight, maxTotal: i.maxTotal,
            parts: Object.fromEntries(i.components.filter((c) => c.applicable).map((c) => [c.key, c.points])),
          })),
          unrated: s.unrated.map((u) => ({ unitId: u.unitId, unitName: u.unitName })),
          awardNotes: s.awardNotes,
        };
      }, { stamp: owner!.stamp });
    },
  }),
];
