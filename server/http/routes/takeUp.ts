// Take-up and coverage (issue #13): a district's take-up list, the city's matrix (and its Excel), and the three
// writes a district office makes on an upper task (link / create, withdraw, 不适用).
import { z } from 'zod';
import { coverageSchema, notApplicableBodySchema, rollupRuleBodySchema, rollupRuleSchema, takeUpBodySchema, takeUpListSchema, takeUpSuggestionsSchema, untakeBodySchema } from '../../../shared/takeUp.js';
import { idStringSchema } from '../../../shared/input.js';
import { coverage, coverageFor, coverageKey, coverageScope, takeUpList, takeUpSuggestions } from '../../queries/takeUp.js';
import { sendCachedAnswer } from '../answerCache.js';
import { takeUpTask } from '../../operations/takeUpTask.js';
import { untakeTask } from '../../operations/untakeTask.js';
import { markNotApplicable } from '../../operations/markNotApplicable.js';
import { setRollupRule } from '../../operations/setRollupRule.js';
import { buildCoverageXlsx } from '../../reports/xlsx/coverageSheet.js';
import { sendFile } from '../download.js';
import { now } from '../../clock.js';
import { todayInShanghai } from '../../domain/dates.js';
import { defineRoute, idParam } from '../route.js';

const today = () => todayInShanghai(now());

export const takeUpRoutes = [
  defineRoute({
    method: 'GET', url: '/api/plans/:id/take-up', permission: 'task.read', tag: 'take-up', summary: '区县落实清单(上级规划的每项任务在本区县的落实情况)',
    params: idParam, query: z.object({ regionId: idStringSchema.optional() }), response: takeUpListSchema,
    handler: async ({ db, actor, params, query }) => takeUpList(db, actor, params.id, query.regionId, today()),
  }),
  defineRoute({
    method: 'GET', url: '/api/plans/:id/coverage', permission: 'task.read', tag: 'take-up', summary: '区县(镇街)落实矩阵(任务 × 下一级区划,含汇总状态)',
    params: idParam, response: coverageSchema,
    // the route table has checked that the actor may read the plan (routeAccess read('plan')) before this runs, and
    // read the plan's region and the change stamps with it (`owner`; the matrix reads the district plans too, so it is
    // kept under `stampAll`, which every change moves); cached (answerCache.ts) under
    // everything the answer depends on (coverageKey) — one actor never gets a matrix computed for another view, and
    // a cached answer costs no query beyond the gate's
    handler: async ({ db, actor, params, req, reply, owner }) => {
      const t = today();
      return sendCachedAnswer(db, req, reply, coverageKey(actor, owner!, t), async () => coverageFor(db, await coverageScope(db, actor, params.id), t), { stamp: owner!.stampAll });
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/plans/:id/exports/coverage', permission: 'task.read', tag: 'take-up', summary: '导出区县(镇街)落实矩阵(Excel)', params: idParam, raw: true,
    handler: async ({ db, actor, params, reply }) => {
      const c = await coverage(db, actor, params.id, today());
      const title = `${c.plan.title}${c.levelWord}落实情况`;
      return sendFile(reply, await buildCoverageXlsx(title, c), `${title}.xlsx`, 'xlsx');
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/tasks/:id/take-up-suggestions', permission: 'task.read', tag: 'take-up', summary: '落实建议:本区县任务按共同词语、同类单位和所在章节排序(须人工确认)',
    params: idParam, response: takeUpSuggestionsSchema,
    handler: async ({ db, actor, params }) => takeUpSuggestions(db, actor, params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/tasks/:id/take-up', permission: 'task.manage', tag: 'take-up', summary: '区县落实上级任务:关联本区县任务或据此新建任务',
    params: idParam, body: takeUpBodySchema,
    handler: async ({ db, actor, params, body }) => takeUpTask({ db, actor }, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/tasks/:id/untake', permission: 'task.manage', tag: 'take-up', summary: '取消区县落实(一项关联,或全部关联及不适用说明)',
    params: idParam, body: untakeBodySchema,
    handler: async ({ db, actor, params, body }) => untakeTask({ db, actor }, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/tasks/:id/not-applicable', permission: 'task.manage', tag: 'take-up', summary: '上级任务不适用于本区县(须说明理由)',
    params: idParam, body: notApplicableBodySchema,
    handler: async ({ db, actor, params, body }) => markNotApplicable({ db, actor }, params.id, body),
  }),
  defineRoute({
    method: 'PUT', url: '/api/plans/:id/rollup-rule', permission: 'plan.manage', tag: 'take-up', summary: '设置上级任务按区县汇总状态的规则(最差颜色、正常推进占比及阈值、区县权重)',
    params: idParam, body: rollupRuleBodySchema, response: rollupRuleSchema,
    handler: async ({ db, actor, params, body }) => setRollupRule({ db, actor }, params.id, body),
  }),
];
