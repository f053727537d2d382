// Publishing with care (issue #11): the office previews the public page of a plan it runs, then publishes exactly
// that preview (by its fingerprint) or withdraws it. `published` is no longer a field of PATCH /api/plans/:id.
import { planDetailSchema } from '../../../shared/api.js';
import { publicPreviewSchema, publishPlanBodySchema } from '../../../shared/evaluation.js';
import { now } from '../../clock.js';
import { todayInShanghai } from '../../domain/dates.js';
import { previewPublicPlan, publishPlan } from '../../operations/publishPlan.js';
import { getPlanDetail } from '../../queries/plans.js';
import { defineRoute, idParam } from '../route.js';

export const publishingRoutes = [
  defineRoute({
    method: 'GET', url: '/api/plans/:id/public-preview', permission: 'plan.manage', tag: 'plans', summary: '公开预览:公众将看到的规划实施进展(确认后才公开)', params: idParam, response: publicPreviewSchema,
    handler: async ({ db, actor, params }) => previewPublicPlan(db, actor, params.id, todayInShanghai(now())),
  }),
  defineRoute({
    method: 'POST', url: '/api/plans/:id/publish', permission: 'plan.manage', tag: 'plans', summary: '确认公开所预览的内容,或撤回公开', params: idParam, body: publishPlanBodySchema, response: planDetailSchema,
    handler: async ({ db, actor, params, body }) => {
      await publishPlan({ db, actor }, params.id, body, todayInShanghai(now()));
      return getPlanDetail(db, actor, params.id);
    },
  }),
];
