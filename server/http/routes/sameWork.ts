// The same work across plans of one region (issue #13): a plan's links to the region's other plans (proposals,
// confirmed, rejected), the office's three writes on them, and the links of one task or indicator for its detail.
import { confirmSameWorkBodySchema, proposeSameWorkBodySchema, proposeSameWorkOutSchema, rejectSameWorkBodySchema, sameWorkDecisionOutSchema, sameWorkListSchema } from '../../../shared/sameWork.js';
import { sameWorkOfItem, sameWorkOfPlan } from '../../queries/sameWork.js';
import { proposeSameWorkLinks } from '../../operations/proposeSameWorkLinks.js';
import { confirmSameWorkLink } from '../../operations/confirmSameWorkLink.js';
import { rejectSameWorkLink } from '../../operations/rejectSameWorkLink.js';
import { defineRoute, idParam } from '../route.js';

export const sameWorkRoutes = [
  defineRoute({
    method: 'GET', url: '/api/plans/:id/same-work', permission: 'plan.read', tag: 'same-work', summary: '本区其他规划中的相同工作(待确认、已确认、已否定的关联及指标数字不一致)',
    params: idParam, response: sameWorkListSchema,
    handler: async ({ db, actor, params }) => sameWorkOfPlan(db, actor, params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/plans/:id/same-work/propose', permission: 'plan.manage', tag: 'same-work', summary: '查找本区其他规划中的相同工作(只生成待确认的建议)',
    params: idParam, body: proposeSameWorkBodySchema, response: proposeSameWorkOutSchema,
    handler: async ({ db, actor, params, body }) => proposeSameWorkLinks({ db, actor }, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/plans/:id/same-work/confirm', permission: 'plan.manage', tag: 'same-work', summary: '确认为同一项工作',
    params: idParam, body: confirmSameWorkBodySchema, response: sameWorkDecisionOutSchema,
    handler: async ({ db, actor, params, body }) => confirmSameWorkLink({ db, actor }, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/plans/:id/same-work/reject', permission: 'plan.manage', tag: 'same-work', summary: '否定:不是同一项工作(不再建议)',
    params: idParam, body: rejectSameWorkBodySchema, response: sameWorkDecisionOutSchema,
    handler: async ({ db, actor, params, body }) => rejectSameWorkLink({ db, actor }, params.id, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/tasks/:id/same-work', permission: 'task.read', tag: 'same-work', summary: '该任务在本区其他规划中的相同工作',
    params: idParam, response: sameWorkListSchema,
    handler: async ({ db, actor, params }) => sameWorkOfItem(db, actor, 'task', params.id),
  }),
  defineRoute({
    method: 'GET', url: '/api/indicators/:id/same-work', permission: 'plan.read', tag: 'same-work', summary: '该指标在本区其他规划中的相同指标及数字是否一致',
    params: idParam, response: sameWorkListSchema,
    handler: async ({ db, actor, params }) => sameWorkOfItem(db, actor, 'indicator', params.id),
  }),
];
