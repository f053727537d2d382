// 考核与评估: unit scores and their settings, evaluation report drafts and their Word export,
// and the Word supervision notice.
import { z } from 'zod';
import {
  createEvaluationBodySchema, evaluationDetailSchema, evaluationOutSchema, scoreSettingsPatchSchema, scoreSettingsSchema, scoresOutSchema, updateEvaluationBodySchema,
} from '../../../shared/evaluation.js';
import { now } from '../../clock.js';
import { todayInShanghai } from '../../domain/dates.js';
import { getVisiblePlan } from '../../queries/plans.js';
import { planScores, scoreSettings } from '../../queries/scores.js';
import { evaluationData, evaluationReportInput, getVisibleEvaluation, listPlanEvaluations, supervisionNoticeDocument, toEvaluationOut } from '../../queries/evaluations.js';
import { getVisibleNotice } from '../../queries/notices.js';
import { updateScoreSettings } from '../../operations/updateScoreSettings.js';
import { createEvaluation, updateEvaluation } from '../../operations/saveEvaluation.js';
import { buildEvaluationReport, buildSupervisionNotice, evaluationReportTitle } from '../../reports/index.js';
import { sendFile } from '../download.js';
import { defineRoute, idParam } from '../route.js';

const today = () => todayInShanghai(now());
const periodQuery = z.object({ period: z.string().regex(/^\d{4}(-(\d{2}|Q[1-4]|H[12]))?$/).optional() });

export const evaluationRoutes = [
  defineRoute({
    method: 'GET', url: '/api/plans/:id/scores', permission: 'evaluation.read', tag: 'evaluation', summary: '单位考核得分与排名(period: 报送期如2026-03、2026-Q1,或年度如2026;每项得分附算式)',
    params: idParam, query: periodQuery, response: scoresOutSchema,
    handler: async ({ db, actor, params, query }) => {
      const { p: plan } = await getVisiblePlan(db, actor, params.id);
      return planScores(db, plan, query.period, today());
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/plans/:id/score-settings', permission: 'evaluation.read', tag: 'evaluation', summary: '考核权重、系数与奖项设置', params: idParam, response: scoreSettingsSchema,
    handler: async ({ db, actor, params }) => {
      const { p: plan } = await getVisiblePlan(db, actor, params.id);
      return scoreSettings(plan);
    },
  }),
  defineRoute({
    method: 'PATCH', url: '/api/plans/:id/score-settings', permission: 'evaluation.manage', tag: 'evaluation', summary: '修改考核权重、系数、奖项名额与名称(留痕)', params: idParam, body: scoreSettingsPatchSchema, response: scoreSettingsSchema,
    handler: async ({ db, actor, params, body }) => {
      return updateScoreSettings({ db, actor }, params.id, body);
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/plans/:id/evaluations', permission: 'evaluation.read', tag: 'evaluation', summary: '评估报告草稿列表', params: idParam, response: z.object({ items: z.array(evaluationOutSchema) }),
    handler: async ({ db, actor, params }) => {
      const { p: plan } = await getVisiblePlan(db, actor, params.id);
      return { items: await listPlanEvaluations(db, plan) };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/plans/:id/evaluations', permission: 'evaluation.manage', tag: 'evaluation', summary: '新建年度监测、中期评估或总结评估报告草稿(问题与打算取自单位报告)', params: idParam, body: createEvaluationBodySchema, response: evaluationDetailSchema,
    handler: async ({ db, actor, params, body }) => {
      const row = await createEvaluation({ db, actor }, params.id, body);
      const { plan } = await getVisibleEvaluation(db, actor, row.id);
      return { ...(await toEvaluationOut(db, plan, row)), data: await evaluationData(db, plan, body.kind, body.year, today()) };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/evaluations/:id', permission: 'evaluation.read', tag: 'evaluation', summary: '评估报告草稿(含自动生成的指标、任务统计)', params: idParam, response: evaluationDetailSchema,
    handler: async ({ db, actor, params }) => {
      const { row, plan } = await getVisibleEvaluation(db, actor, params.id);
      return { ...(await toEvaluationOut(db, plan, row)), data: await evaluationData(db, plan, row.kind as 'annual', row.year, today()) };
    },
  }),
  defineRoute({
    method: 'PATCH', url: '/api/evaluations/:id', permission: 'evaluation.manage', tag: 'evaluation', summary: '修改评估报告文字(留痕)', params: idParam, body: updateEvaluationBodySchema, response: evaluationOutSchema,
    handler: async ({ db, actor, params, body }) => {
      const saved = await updateEvaluation({ db, actor }, params.id, body);
      const { plan } = await getVisibleEvaluation(db, actor, params.id);
      return toEvaluationOut(db, plan, saved);
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/evaluations/:id/export', permission: 'evaluation.read', tag: 'evaluation', summary: '导出评估报告(Word,GB/T 9704 版式)', params: idParam, raw: true,
    handler: async ({ db, actor, params, reply }) => {
      const { row, plan } = await getVisibleEvaluation(db, actor, params.id);
      const input = await evaluationReportInput(db, plan, row, today());
      const title = evaluationReportTitle({ kind: row.kind as 'annual', planTitle: plan.title, title: row.title, year: row.year });
      return sendFile(reply, await buildEvaluationReport(input), `${title}.docx`, 'docx');
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/notices/:id/export', permission: 'report.read', tag: 'evaluation', summary: '导出督办通知(Word)', params: idParam, raw: true,
    handler: async ({ db, actor, params, reply }) => {
      const n = await getVisibleNotice(db, actor, params.id);
      const { input, filename } = await supervisionNoticeDocument(db, n);
      return sendFile(reply, await buildSupervisionNotice(input), filename, 'docx');
    },
  }),
];
