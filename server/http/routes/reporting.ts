// Running a plan: the reporting calendar and its locks, reports and their review, contributions,
// attachments, sub-tasks, indicator splits, computed status and the office's period board.
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.js';
import { taskSchema } from '../../../shared/api.js';
import {
  boardSchema, contributionBodySchema, indicatorSplitBodySchema, planStatusOutSchema, reportBodySchema, reportOutSchema, reportingCalendarSchema,
  reviewBodySchema, runSettingsPatchSchema, subtaskBodySchema, periodOutSchema, contributionOutSchema, attachmentOutSchema,
  planReportsQuerySchema, planReportsOutSchema, unitReviewBodySchema,
} from '../../../shared/reporting.js';
import { attachments } from '../../db/schema/index.js';
import { now } from '../../clock.js';
import { canManagePlan, scopeKey } from '../../policy.js';
import { getVisiblePlan } from '../../queries/plans.js';
import { getVisibleTask } from '../../queries/tasks.js';
import { currentPeriod, periodOut, periodsAround, runSettings, shanghaiToday, storedPeriod, storedPeriods } from '../../queries/calendar.js';
import { getVisibleReport, listPlanReports, listTaskReports, toReportOut } from '../../queries/reports.js';
import { planIndicatorStatus, planStatus, withStatus } from '../../queries/status.js';
import { periodBoard } from '../../queries/board.js';
import { sendCachedAnswer } from '../answerCache.js';
import { saveReport } from '../../operations/saveReport.js';
import { reviewReport } from '../../operations/reviewReport.js';
import { reviewUnitReport } from '../../operations/reviewUnitReport.js';
import { saveContribution } from '../../operations/saveContribution.js';
import { addAttachment, ATTACHMENT_MAX_BYTES, mimeOf, removeAttachment } from '../../operations/addAttachment.js';
import { maskWebhookToken } from '../../delivery/webhookGuard.js';
import { sendFile } from '../download.js';
import { lockPeriod } from '../../operations/lockPeriod.js';
import { updateRunSettings } from '../../operations/updateRunSettings.js';
import { splitIndicator } from '../../operations/splitIndicator.js';
import { createSubtask } from '../../operations/createSubtask.js';
import { defineRoute, idParam } from '../route.js';

const today = () => shanghaiToday(now());
const periodParam = idParam.extend({ period: z.string().min(4).max(10) });

export const reportingRoutes = [
  defineRoute({
    method: 'GET', url: '/api/plans/:id/reporting', permission: 'plan.read', tag: 'reporting', summary: '报送日历与运行设置', params: idParam, response: reportingCalendarSchema,
    handler: async ({ db, actor, params }) => {
      const { p: plan } = await getVisiblePlan(db, actor, params.id);
      const settings = runSettings(plan);
      const stored = await storedPeriods(db, plan.id);
      const t = today();
      const ov = (key: string) => stored.find((s) => s.key === key)?.lockOverride;
      const cur = currentPeriod(plan, t, settings);
      // a robot URL carries its access token: only those who manage the plan see it
      if (!canManagePlan(actor, plan) && settings.reminders.webhookUrl) settings.reminders.webhookUrl = maskWebhookToken(settings.reminders.webhookUrl);
      return { settings, current: periodOut(cur, ov(cur.key), t), periods: periodsAround(plan, t, settings).map((p) => periodOut(p, ov(p.key), t)) };
    },
  }),
  defineRoute({
    method: 'PATCH', url: '/api/plans/:id/reporting', permission: 'plan.manage', tag: 'reporting', summary: '修改报送周期、预警阈值、提醒规则、督办规则', params: idParam, body: runSettingsPatchSchema,
    handler: async ({ db, actor, params, body }) => {
      return { settings: await updateRunSettings({ db, actor }, params.id, body) };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/plans/:id/periods/:period/lock', permission: 'report.review', tag: 'reporting', summary: '锁定报送期', params: periodParam, response: periodOutSchema,
    handler: async ({ db, actor, params }) => {
      return lockPeriod({ db, actor }, params.id, params.period, true);
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/plans/:id/periods/:period/unlock', permission: 'report.review', tag: 'reporting', summary: '解锁报送期', params: periodParam, response: periodOutSchema,
    handler: async ({ db, actor, params }) => {
      return lockPeriod({ db, actor }, params.id, params.period, false);
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/plans/:id/status', permission: 'plan.read', tag: 'reporting', summary: '任务与指标状态(含原因)及章节、规划汇总(?only=indicators 只要指标)', params: idParam,
    query: z.object({ only: z.enum(['indicators']).optional() }), response: planStatusOutSchema,
    // the same for everyone who may see the plan (checked by the route table before this runs, which read the change
    // stamp in the same statement: `owner`): cached (answerCache.ts), a hit costs the gate's statement alone
    handler: async ({ db, actor, params, query, req, reply, owner }) => {
      const t = today();
      return sendCachedAnswer(db, req, reply, `status|${params.id}|${query.only ?? ''}|${t}`, async () => {
        const { p: plan } = await getVisiblePlan(db, actor, params.id);
        const { due, ...s } = query.only === 'indicators' ? await planIndicatorStatus(db, plan.id, t) : await planStatus(db, plan.id, t);
        const stored = due ? await storedPeriod(db, plan.id, due.key) : undefined;
        return { ...s, period: due ? periodOut(due, stored?.lockOverride, t) : null };
      }, { stamp: owner!.stamp });
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/plans/:id/board', permission: 'report.review', tag: 'reporting', summary: '报送看板:已报、逾期、红黄灯、督办',
    params: idParam, query: z.object({ period: z.string().max(10).optional() }), response: boardSchema,
    // the whole answer cached (answerCache.ts) under the plan, the period asked, the date and the actor's scope (the open
    // notices are listed through noticeScope; the rest is the plan's, the same for everyone who may see it), held to the
    // change stamp the route gate read with the plan (`owner`): a hit costs the gate's statement alone
    handler: async ({ db, actor, params, query, req, reply, owner }) => {
      const t = today();
      return sendCachedAnswer(db, req, reply, `board|${params.id}|${query.period ?? ''}|${t}|${scopeKey(actor)}`, async () => {
        const { p: plan } = await getVisiblePlan(db, actor, params.id);
        return periodBoard(db, actor, plan, query.period ?? null, t);
      }, { stamp: owner!.stamp });
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/plans/:id/reports', permission: 'report.read', tag: 'reporting', summary: '规划的进展报告列表(按报送期、状态、单位筛选,分页;单位只见本单位相关任务的)',
    params: idParam, query: planReportsQuerySchema, response: planReportsOutSchema,
    handler: async ({ db, actor, params, query }) => {
      const { p: plan } = await getVisiblePlan(db, actor, params.id);
      return listPlanReports(db, actor, plan.id, query);
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/tasks/:id/reports', permission: 'report.read', tag: 'reporting', summary: '任务的进展报告与配合情况', params: idParam,
    response: z.object({ items: z.array(reportOutSchema), contributions: z.array(contributionOutSchema) }),
    handler: async ({ db, actor, params }) => {
      await getVisibleTask(db, actor, params.id);
      return listTaskReports(db, params.id);
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/tasks/:id/reports', permission: 'report.submit', tag: 'reporting', summary: '牵头单位填报进展(草稿或报送)', params: idParam, body: reportBodySchema, response: reportOutSchema,
    // the task with its plan read by the route gate's statement (routes/access.ts takePartWithPlan)
    handler: async ({ db, actor, params, body, owner }) => {
      return saveReport({ db, actor }, params.id, body, owner?.task);
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/tasks/:id/contributions', permission: 'report.submit', tag: 'reporting', summary: '责任、配合单位填报配合情况', params: idParam, body: contributionBodySchema,
    handler: async ({ db, actor, params, body, owner }) => {
      const row = await saveContribution({ db, actor }, params.id, body, owner?.task);
      return { id: row.id, unitId: row.unitId, text: row.text };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/tasks/:id/subtasks', permission: 'report.submit', tag: 'reporting', summary: '牵头单位负责人分解子任务(定人、定目标、定时间、定标准)', params: idParam, body: subtaskBodySchema, response: taskSchema,
    handler: async ({ db, actor, params, body }) => {
      const row = await createSubtask({ db, actor }, params.id, body);
      const { row: _r, ...t } = await getVisibleTask(db, actor, row.id);
      return (await withStatus(db, [t], today()))[0];
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/reports/:id', permission: 'report.read', tag: 'reporting', summary: '进展报告', params: idParam, response: reportOutSchema,
    handler: async ({ db, actor, params }) => {
      const { r, p } = await getVisibleReport(db, actor, params.id);
      return (await toReportOut(db, [{ r, p }]))[0];
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/reports/:id/review', permission: 'report.review', tag: 'reporting', summary: '审核报告:通过或退回(须写明理由)', params: idParam, body: reviewBodySchema, response: reportOutSchema,
    handler: async ({ db, actor, params, body, owner }) => {
      // the answer from the report as the review wrote it and its period as it held them (issue #15 phase 15: not read again)
      const { row, period } = await reviewReport({ db, actor }, params.id, body, owner?.report);
      return (await toReportOut(db, [{ r: row, p: period }]))[0];
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/reports/:id/unit-review', permission: 'report.review_unit', tag: 'reporting', summary: '单位负责人预审:通过后报规划办,或退回填报人(须写明理由)',
    params: idParam, body: unitReviewBodySchema, response: reportOutSchema,
    handler: async ({ db, actor, params, body, owner }) => {
      const { row, period } = await reviewUnitReport({ db, actor }, params.id, body, owner?.report);
      return (await toReportOut(db, [{ r: row, p: period }]))[0];
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/reports/:id/attachments', permission: 'report.submit', tag: 'reporting', summary: '上传报告附件(pdf/docx/xlsx/jpg/png,≤10 MB)', params: idParam, multipart: true, response: attachmentOutSchema,
    handler: async ({ db, actor, params, req }) => {
      await getVisibleReport(db, actor, params.id);
      const file = await req.file();
      if (!file) throw new AppError('ATTACHMENT_EMPTY');
      const bytes = await file.toBuffer().catch((e: { code?: string }) => {
        throw e.code === 'FST_REQ_FILE_TOO_LARGE' ? new AppError('ATTACHMENT_TOO_LARGE', { max: ATTACHMENT_MAX_BYTES }) : e;
      });
      const row = await addAttachment({ db, actor }, params.id, { filename: file.filename || '附件', bytes });
      return { ...row, createdAt: row.createdAt.toISOString() };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/attachments/:id', permission: 'report.read', tag: 'reporting', summary: '下载附件', params: idParam, raw: true,
    handler: async ({ db, actor, params, reply }) => {
      const [a] = await db.select().from(attachments).where(eq(attachments.id, params.id));
      if (!a) throw new AppError('NOT_FOUND');
      await getVisibleReport(db, actor, a.reportId);
      return sendFile(reply, Buffer.from(a.content), a.filename, mimeOf(a.kind));
    },
  }),
  defineRoute({
    method: 'DELETE', url: '/api/attachments/:id', permission: 'report.submit', tag: 'reporting', summary: '删除报告附件', params: idParam,
    handler: async ({ db, actor, params }) => {
      await removeAttachment({ db, actor }, params.id);
      return { ok: true };
    },
  }),
  defineRoute({
    method: 'PUT', url: '/api/indicators/:id/split', permission: 'plan.manage', tag: 'reporting', summary: '指标分解到单位、镇街(合计须等于总目标)', params: idParam, body: indicatorSplitBodySchema,
    handler: async ({ db, actor, params, body }) => {
      return splitIndicator({ db, actor }, params.id, body);
    },
  }),
];
