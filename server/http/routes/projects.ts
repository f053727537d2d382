// The project library (issue #14): list with filters and paging, detail, create/update, phase moves, the yearly roll,
// links to plan items, the owner unit's monthly investment reports, Excel import (preview with row errors, then
// confirm) and the Excel library and monthly ledger. The office runs the library; the owner unit reports.
import { z } from 'zod';
import {
  createProjectBodySchema, linkProjectItemsBodySchema, moveProjectPhaseBodySchema, projectDetailSchema, projectImportPreviewSchema, projectListQuerySchema,
  projectPageSchema, projectReportBodySchema, projectReportOutSchema, rollProjectsBodySchema, updateProjectBodySchema,
} from '../../../shared/projects.js';
import { AppError } from '../../../shared/errors.js';
import { investmentLedger, listProjects, projectDetail, projectLibraryExport, projectReportsOf } from '../../queries/projects.js';
import { createProject } from '../../operations/createProject.js';
import { updateProject } from '../../operations/updateProject.js';
import { moveProjectPhase } from '../../operations/moveProjectPhase.js';
import { rollProjects } from '../../operations/rollProjects.js';
import { linkProjectItems } from '../../operations/linkProjectItems.js';
import { submitProjectReport } from '../../operations/submitProjectReport.js';
import { importProjects } from '../../operations/importProjects.js';
import { buildInvestmentLedgerXlsx, buildProjectLibraryXlsx } from '../../reports/xlsx/projectTable.js';
import { sendFile } from '../download.js';
import { withUpload } from '../upload.js';
import { now } from '../../clock.js';
import { todayInShanghai } from '../../domain/dates.js';
import { defineRoute, idParam } from '../route.js';

const today = () => todayInShanghai(now());
const filterQuery = projectListQuerySchema.omit({ page: true, pageSize: true });
const ok = z.object({ id: z.number(), version: z.number() });

export const projectRoutes = [
  defineRoute({
    method: 'GET', url: '/api/projects', permission: 'plan.read', tag: 'projects', summary: '项目库(按阶段、库别、区域、业主单位、类别、规划、状态、关键词筛选,分页)',
    query: projectListQuerySchema, response: projectPageSchema,
    handler: async ({ db, actor, query }) => listProjects(db, actor, query, today()),
  }),
  defineRoute({
    method: 'GET', url: '/api/projects/export', permission: 'plan.read', tag: 'projects', summary: '导出项目库(Excel)', query: filterQuery, raw: true,
    handler: async ({ db, actor, query, reply }) => {
      const { items, monthOf } = await projectLibraryExport(db, actor, query, today());
      return sendFile(reply, await buildProjectLibraryXlsx('项目库', items, monthOf), `项目库${today()}.xlsx`, 'xlsx');
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/projects/ledger', permission: 'plan.read', tag: 'projects', summary: '导出月度投资台账(Excel)',
    query: filterQuery.extend({ period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4]|H[12])$|^\d{4}$/, '报送期格式不正确') }), raw: true,
    handler: async ({ db, actor, query, reply }) => {
      const { period, ...q } = query;
      const rows = await investmentLedger(db, actor, q, period, today());
      return sendFile(reply, await buildInvestmentLedgerXlsx(`${period}投资台账`, rows), `重点项目投资台账${period}.xlsx`, 'xlsx');
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/projects', permission: 'plan.manage', tag: 'projects', summary: '新建项目(入库)', body: createProjectBodySchema, response: ok,
    handler: async ({ db, actor, body }) => createProject({ db, actor }, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/projects/roll', permission: 'plan.manage', tag: 'projects', summary: '年度滚动:调入储备库、三年滚动或年度计划(留痕)',
    body: rollProjectsBodySchema,
    handler: async ({ db, actor, body }) => rollProjects({ db, actor }, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/projects/import', permission: 'plan.manage', tag: 'projects', summary: '从Excel导入项目(先预览逐行错误,?confirm=1 确认保存)',
    query: z.object({ confirm: z.enum(['0', '1']).default('0'), year: z.coerce.number().int().min(2000).max(2100).optional() }), multipart: true, response: projectImportPreviewSchema,
    handler: async ({ db, actor, req, query }) =>
      withUpload(req, async (upload) => {
        if (!/\.xlsx$/i.test(upload.filename)) throw new AppError('IMPORT_UNSUPPORTED_FORMAT', undefined, '项目表请上传 .xlsx 文件');
        return importProjects({ db, actor }, { bytes: await upload.file.read(), regionId: upload.regionId, year: query.year, confirm: query.confirm === '1' });
      }),
  }),
  defineRoute({
    method: 'GET', url: '/api/projects/:id', permission: 'plan.read', tag: 'projects', summary: '项目详情(库别历史、阶段历史、关联事项、投资报送)', params: idParam, response: projectDetailSchema,
    handler: async ({ db, actor, params }) => projectDetail(db, actor, params.id, today()),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/projects/:id', permission: 'plan.manage', tag: 'projects', summary: '修改项目(须带读取时的版本号)', params: idParam, body: updateProjectBodySchema, response: ok,
    handler: async ({ db, actor, params, body }) => updateProject({ db, actor }, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/projects/:id/phase', permission: 'plan.manage', tag: 'projects', summary: '变更项目阶段(前进或退回一步;终止须说明理由)', params: idParam, body: moveProjectPhaseBodySchema, response: ok,
    handler: async ({ db, actor, params, body }) => moveProjectPhase({ db, actor }, params.id, body),
  }),
  defineRoute({
    method: 'PUT', url: '/api/projects/:id/links', permission: 'plan.manage', tag: 'projects', summary: '关联项目服务的规划事项(专栏/章节、任务、指标)', params: idParam, body: linkProjectItemsBodySchema,
    handler: async ({ db, actor, params, body }) => linkProjectItems({ db, actor }, params.id, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/projects/:id/reports', permission: 'report.read', tag: 'projects', summary: '项目投资报送记录', params: idParam, response: z.object({ items: z.array(projectReportOutSchema) }),
    handler: async ({ db, params }) => ({ items: await projectReportsOf(db, params.id) }),
  }),
  defineRoute({
    method: 'POST', url: '/api/projects/:id/reports', permission: 'report.submit', tag: 'projects', summary: '业主单位报送项目投资进度(本月、累计完成投资,形象进度)', params: idParam, body: projectReportBodySchema,
    response: projectReportOutSchema.pick({ id: true, periodKey: true, monthInvestment: true, cumulativeInvestment: true, version: true }),
    handler: async ({ db, actor, params, body }) => submitProjectReport({ db, actor }, params.id, body),
  }),
];
