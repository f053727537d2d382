// 城市体检 (issue #14) and the map (一图呈现): check-ups with their indicator system, values and problems; the Excel
// values table in and out; the problem's assignment and its turning into a task or a library project.
import { z } from 'zod';
import {
  assignProblemBodySchema, checkupCycleBodySchema, checkupDetailSchema, checkupImportResultSchema, checkupListSchema, createCheckupBodySchema, mapAnswerSchema,
  mapQuerySchema, saveCheckupIndicatorBodySchema, saveCheckupValuesBodySchema, turnProblemIntoProjectBodySchema, turnProblemIntoTaskBodySchema,
} from '../../../shared/checkup.js';
import { idStringSchema } from '../../../shared/input.js';
import { AppError } from '../../../shared/errors.js';
import { checkupAreas, checkupDetail, getVisibleCheckup, listCheckups } from '../../queries/checkups.js';
import { mapAnswer } from '../../queries/map.js';
import { createCheckup } from '../../operations/createCheckup.js';
import { saveCheckupIndicator } from '../../operations/saveCheckupIndicator.js';
import { saveCheckupValues } from '../../operations/saveCheckupValues.js';
import { importCheckupValues, MAX_CHECKUP_FILE } from '../../operations/importCheckupValues.js';
import { assignProblem } from '../../operations/assignProblem.js';
import { turnProblemIntoTask } from '../../operations/turnProblemIntoTask.js';
import { turnProblemIntoProject } from '../../operations/turnProblemIntoProject.js';
import { setCheckupSchedule } from '../../operations/setCheckupSchedule.js';
import { completeCheckupStage } from '../../operations/completeCheckupStage.js';
import { reopenCheckupStage } from '../../operations/reopenCheckupStage.js';
import { buildCheckupSheet } from '../../reports/xlsx/checkupSheet.js';
import { withUpload } from '../upload.js';
import { sendFile } from '../download.js';
import { now } from '../../clock.js';
import { todayInShanghai } from '../../domain/dates.js';
import { defineRoute, idParam } from '../route.js';

export const checkupRoutes = [
  defineRoute({
    method: 'GET', url: '/api/checkups', permission: 'checkup.read', tag: 'checkups', summary: '城市体检列表',
    query: z.object({ regionId: idStringSchema.optional() }), response: checkupListSchema,
    handler: async ({ db, actor, query }) => listCheckups(db, actor, query, todayInShanghai(now())),
  }),
  defineRoute({
    method: 'POST', url: '/api/checkups', permission: 'checkup.manage', tag: 'checkups', summary: '新建年度城市体检(沿用上年指标体系或国家基础指标)',
    body: createCheckupBodySchema, response: checkupDetailSchema,
    handler: async ({ db, actor, body }) => checkupDetail(db, actor, (await createCheckup({ db, actor }, body)).id),
  }),
  defineRoute({
    method: 'GET', url: '/api/checkups/:id', permission: 'checkup.read', tag: 'checkups', summary: '城市体检:指标体系、各区域数值、问题清单、与上年比较',
    params: idParam, response: checkupDetailSchema,
    handler: async ({ db, actor, params }) => checkupDetail(db, actor, params.id, todayInShanghai(now())),
  }),
  defineRoute({
    method: 'POST', url: '/api/checkups/:id/cycle', permission: 'checkup.manage', tag: 'checkups',
    summary: '体检日程:设定各阶段截止日期(采集数值、查找问题、问题转项目),完成当前阶段(问题转项目完成时候选项目转入下年储备库)或重新打开最后完成的阶段',
    params: idParam, body: checkupCycleBodySchema, response: checkupDetailSchema,
    handler: async ({ db, actor, params, body }) => {
      if (body.op === 'schedule') await setCheckupSchedule({ db, actor }, params.id, body.dueDates);
      else if (body.op === 'complete') await completeCheckupStage({ db, actor }, params.id, body.stage);
      else await reopenCheckupStage({ db, actor }, params.id, body.stage);
      return checkupDetail(db, actor, params.id, todayInShanghai(now()));
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/checkups/:id/indicators', permission: 'checkup.manage', tag: 'checkups', summary: '编辑体检指标体系(新增、修改、删除一项指标)',
    params: idParam, body: saveCheckupIndicatorBodySchema,
    handler: async ({ db, actor, params, body }) => saveCheckupIndicator({ db, actor }, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/checkups/:id/values', permission: 'checkup.submit', tag: 'checkups', summary: '填报体检指标数值(数据提供单位或规划办)',
    params: idParam, body: saveCheckupValuesBodySchema,
    handler: async ({ db, actor, params, body }) => saveCheckupValues({ db, actor }, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/checkups/:id/import', permission: 'checkup.submit', tag: 'checkups', summary: '从 Excel 导入体检数值(?dryRun=1 只检查不保存;有错误行时不保存)',
    params: idParam, query: z.object({ dryRun: z.enum(['0', '1']).optional() }), multipart: true, response: checkupImportResultSchema,
    handler: async ({ db, actor, params, query, req }) =>
      withUpload(req, async (upload) => {
        if (upload.file.size > MAX_CHECKUP_FILE) throw new AppError('CHECKUP_FILE_TOO_LARGE');
        return importCheckupValues({ db, actor }, params.id, await upload.file.read(), { dryRun: query.dryRun === '1' });
      }),
  }),
  defineRoute({
    method: 'GET', url: '/api/checkups/:id/export', permission: 'checkup.read', tag: 'checkups', summary: '导出体检数据表(Excel,可填写后导入)', params: idParam, raw: true,
    handler: async ({ db, actor, params, reply }) => {
      const c = await getVisibleCheckup(db, actor, params.id);
      const d = await checkupDetail(db, actor, c.id);
      const cell = new Map(d.values.map((v) => [`${v.indicatorId}|${v.regionId}`, v.value]));
      const bytes = await buildCheckupSheet(d.title, d.indicators, await checkupAreas(db, c.regionId), (i, r) => cell.get(`${i}|${r}`) ?? null);
      return sendFile(reply, bytes, `${d.title}数据表.xlsx`, 'xlsx');
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/checkup-problems/:id/assign', permission: 'checkup.manage', tag: 'checkups', summary: '分派体检问题给整改单位',
    params: idParam, body: assignProblemBodySchema,
    handler: async ({ db, actor, params, body }) => assignProblem({ db, actor }, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/checkup-problems/:id/task', permission: 'checkup.manage', tag: 'checkups', summary: '体检问题转为规划任务',
    params: idParam, body: turnProblemIntoTaskBodySchema,
    handler: async ({ db, actor, params, body }) => turnProblemIntoTask({ db, actor }, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/checkup-problems/:id/project', permission: 'checkup.manage', tag: 'checkups', summary: '体检问题关联项目库项目',
    params: idParam, body: turnProblemIntoProjectBodySchema,
    handler: async ({ db, actor, params, body }) => turnProblemIntoProject({ db, actor }, params.id, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/map', permission: 'plan.read', tag: 'checkups', summary: '一图呈现:各区县按规划任务状态或城市体检结果着色,项目点位',
    query: mapQuerySchema, response: mapAnswerSchema,
    handler: async ({ db, actor, query }) => mapAnswer(db, actor, query.mode, query.year, todayInShanghai(now())),
  }),
];
