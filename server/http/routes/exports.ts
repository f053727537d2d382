// Excel: the task ledger, the indicator table and the reporting record as .xlsx, and the
// task-division table (任务分工表) import: upload → preview with the detected columns → mapping → review.
import { z } from 'zod';
import { importJobSchema } from '../../../shared/api.js';
import { tableImportOptionsSchema, tableMappingBodySchema, tablePreviewSchema } from '../../../shared/evaluation.js';
import { now } from '../../clock.js';
import { todayInShanghai } from '../../domain/dates.js';
import { getVisiblePlan } from '../../queries/plans.js';
import { assertImportVisible, getImportJob } from '../../queries/imports.js';
import { withUpload } from '../upload.js';
import { indicatorRows, reportingRecordRows, taskLedgerRows } from '../../queries/planRecords.js';
import { importTable, sheetNames } from '../../operations/importTable.js';
import { mapTableImport, tableImportDocument } from '../../operations/mapTableImport.js';
import { buildIndicatorXlsx, buildReportingRecordXlsx, buildTaskLedgerXlsx } from '../../reports/index.js';
import { previewTableInWorker } from '../../parser/worker/pool.js';
import type { TaskField } from '../../reports/index.js';
import type { Db } from '../../db/client.js';
import { sendFile } from '../download.js';
import { defineRoute, idParam } from '../route.js';

const today = () => todayInShanghai(now());

const fieldLabels: Record<TaskField, string> = {
  seq: '序号', chapter: '章节/领域', title: '任务名称', text: '任务内容', lead: '牵头单位', responsible: '责任单位', cooperating: '配合单位', deadline: '完成时限', leader: '牵头领导', ignore: '不导入',
};

async function tablePreview(db: Db, importId: number, opts: z.infer<typeof tableImportOptionsSchema>) {
  const { imp, doc } = await tableImportDocument({ db }, importId);
  const preview = await previewTableInWorker({ bytes: doc.content }, { sheet: opts.sheet, headerRow: opts.headerRow });
  return {
    importId: imp.id, status: imp.status, filename: imp.filename, sheetName: preview.sheetName, sheets: await sheetNames(doc.content),
    titleLines: preview.titleLines, headerRow: preview.headerRow, headers: preview.headers,
    mapping: Object.fromEntries(Object.entries(preview.mapping).map(([k, v]) => [String(k), v])),
    fields: (Object.keys(fieldLabels) as TaskField[]).map((field) => ({ field, label: fieldLabels[field] })),
    rowCount: preview.rows.length, taskRowCount: preview.rows.filter((r) => r.kind === 'task').length, rows: preview.rows.slice(0, 50),
  };
}

export const exportRoutes = [
  defineRoute({
    method: 'GET', url: '/api/plans/:id/exports/tasks', permission: 'evaluation.read', tag: 'exports', summary: '导出任务台账(Excel)', params: idParam, raw: true,
    handler: async ({ db, actor, params, reply }) => {
      const { p: plan } = await getVisiblePlan(db, actor, params.id);
      const tasks = await taskLedgerRows(db, plan, today());
      return sendFile(reply, await buildTaskLedgerXlsx({ title: `${plan.title}任务台账`, tasks }), `${plan.title}任务台账.xlsx`, 'xlsx');
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/plans/:id/exports/indicators', permission: 'evaluation.read', tag: 'exports', summary: '导出主要指标监测表(Excel)', params: idParam, raw: true,
    handler: async ({ db, actor, params, reply }) => {
      const { p: plan } = await getVisiblePlan(db, actor, params.id);
      const rows = await indicatorRows(db, plan, today());
      return sendFile(reply, await buildIndicatorXlsx({ title: `${plan.title}主要指标监测表`, indicators: rows }), `${plan.title}主要指标监测表.xlsx`, 'xlsx');
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/plans/:id/exports/reporting', permission: 'evaluation.read', tag: 'exports', summary: '导出报送记录(Excel,按年度)', params: idParam,
    query: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }), raw: true,
    handler: async ({ db, actor, params, query, reply }) => {
      const { p: plan } = await getVisiblePlan(db, actor, params.id);
      const t = today();
      const year = query.year ?? Number(t.slice(0, 4));
      const records = await reportingRecordRows(db, plan, year, t);
      return sendFile(reply, await buildReportingRecordXlsx({ title: `${plan.title}${year}年报送记录`, records }), `${plan.title}${year}年报送记录.xlsx`, 'xlsx');
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/imports/table', permission: 'plan.import', tag: 'imports', summary: '上传 Excel 任务分工表(待确认列对应关系)', multipart: true, response: tablePreviewSchema,
    handler: async ({ db, actor, req }) => {
      const row = await withUpload(req, (upload) => importTable({ db, actor }, upload));
      return tablePreview(db, row.id, {});
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/imports/:id/table', permission: 'plan.import', tag: 'imports', summary: '任务分工表预览(可指定工作表、表头行)', params: idParam, query: tableImportOptionsSchema, response: tablePreviewSchema,
    handler: async ({ db, actor, params, query }) => {
      await assertImportVisible(db, actor, params.id);
      return tablePreview(db, params.id, query);
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/imports/:id/mapping', permission: 'plan.import', tag: 'imports', summary: '确认任务分工表的列对应关系,进入审核', params: idParam, body: tableMappingBodySchema, response: importJobSchema,
    handler: async ({ db, actor, params, body }) => {
      await assertImportVisible(db, actor, params.id);
      await mapTableImport({ db, actor }, params.id, body);
      return getImportJob(db, params.id);
    },
  }),
];
