// Bulk work (issue #11): the office assigns many tasks, reviews many reports, reminds units and rechecks many
// 督办 at once; a unit fills its period's reports in one grid or from its ledger Excel. Each batch answers row by
// row (shared/bulk.ts), and each row is the single operation it stands for, with its own checks and audit row.
import { AppError } from '../../../shared/errors.js';
import {
  assignTasksBodySchema, assignTasksOutSchema, batchResultSchema, ledgerPreviewSchema, recheckNoticesBodySchema, remindUnitsBodySchema, remindUnitsOutSchema,
  reportGridSchema, reviewReportsBodySchema, saveReportsBodySchema, saveReportsOutSchema,
} from '../../../shared/bulk.js';
import { now } from '../../clock.js';
import { reportedTaskStatusSchema } from '../../domain/status.js';
import { shanghaiToday } from '../../queries/calendar.js';
import { reportGrid } from '../../queries/reportGrid.js';
import { ledgerPreview, ledgerRows } from '../../queries/reportLedger.js';
import { buildReportLedgerXlsx, readReportLedger } from '../../reports/xlsx/reportLedger.js';
import { assignTasks } from '../../operations/assignTasks.js';
import { saveReports } from '../../operations/saveReports.js';
import { reviewReports } from '../../operations/reviewReports.js';
import { remindUnits } from '../../operations/remindUnits.js';
import { recheckNotices } from '../../operations/recheckNotices.js';
import { sendFile } from '../download.js';
import { defineRoute, idParam } from '../route.js';

const today = () => shanghaiToday(now());
export const LEDGER_MAX_BYTES = 5 * 1024 * 1024;

export const bulkRoutes = [
  defineRoute({
    method: 'POST', url: '/api/plans/:id/tasks/assign', permission: 'task.manage', tag: 'bulk', summary: '批量指派:选中的多项任务一次设置牵头、责任、配合单位(追加或替换)、完成时限、权重',
    params: idParam, body: assignTasksBodySchema, response: assignTasksOutSchema,
    handler: async ({ db, actor, params, body }) => assignTasks({ db, actor }, params.id, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/me/report-grid', permission: 'report.submit', tag: 'bulk', summary: '批量填报:本单位各规划本期应报的牵头任务,含本期报告与上期报告(供复制)',
    response: reportGridSchema,
    handler: async ({ db, actor }) => reportGrid(db, actor, today()),
  }),
  defineRoute({
    method: 'POST', url: '/api/me/reports', permission: 'report.submit', tag: 'bulk', summary: '批量保存或报送进展报告(逐行校验,逐行返回结果)',
    body: saveReportsBodySchema, response: saveReportsOutSchema,
    handler: async ({ db, actor, body }) => saveReports({ db, actor }, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/me/report-ledger', permission: 'report.submit', tag: 'bulk', summary: '下载本期工作进展台账(Excel,已预填本期草稿或上期报告)', raw: true,
    handler: async ({ db, actor, reply }) => {
      const grid = await reportGrid(db, actor, today());
      const label = grid.rows[0]?.period.label ?? today().slice(0, 7);
      const title = `${grid.unitName ?? ''}${label}工作进展台账`;
      return sendFile(reply, await buildReportLedgerXlsx(title, ledgerRows(grid), reportedTaskStatusSchema.options), `${title}.xlsx`, 'xlsx');
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/me/report-ledger', permission: 'report.submit', tag: 'bulk', summary: '上传工作进展台账:逐行核对并列出错误,不保存(确认后由批量保存写入)', multipart: true,
    response: ledgerPreviewSchema,
    handler: async ({ db, actor, req }) => {
      const file = await req.file({ limits: { fileSize: LEDGER_MAX_BYTES } });
      if (!file) throw new AppError('IMPORT_EMPTY');
      const bytes = await file.toBuffer().catch((e: { code?: string }) => {
        throw e.code === 'FST_REQ_FILE_TOO_LARGE' ? new AppError('LEDGER_TOO_LARGE', { max: LEDGER_MAX_BYTES }) : e;
      });
      if (!bytes.length) throw new AppError('IMPORT_EMPTY');
      const sheet = await readReportLedger(bytes);
      return ledgerPreview(await reportGrid(db, actor, today()), sheet);
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/plans/:id/reports/review', permission: 'report.review', tag: 'bulk', summary: '批量审核:选中的多份报告一次通过或退回(退回须写明理由)',
    params: idParam, body: reviewReportsBodySchema, response: batchResultSchema,
    handler: async ({ db, actor, params, body }) => reviewReports({ db, actor }, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/plans/:id/remind', permission: 'report.review', tag: 'bulk', summary: '催报:立即提醒选中的未报送牵头单位(站内、邮件、群机器人;每单位每天一次)',
    params: idParam, body: remindUnitsBodySchema, response: remindUnitsOutSchema,
    handler: async ({ db, actor, params, body }) => remindUnits({ db, actor }, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/plans/:id/notices/recheck', permission: 'notice.manage', tag: 'bulk', summary: '批量复核督办反馈(通过,或退回重新办理)',
    params: idParam, body: recheckNoticesBodySchema, response: batchResultSchema,
    handler: async ({ db, actor, params, body }) => recheckNotices({ db, actor }, params.id, body),
  }),
];
