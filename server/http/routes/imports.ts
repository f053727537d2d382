import { z } from 'zod';
import { confirmImportBodySchema, importCorrectionSchema, importJobSchema } from '../../../shared/api.js';
import { importPlan } from '../../operations/importPlan.js';
import { correctImport } from '../../operations/correctImport.js';
import { confirmImport } from '../../operations/confirmImport.js';
import { assertImportVisible, getImportJob, listImportJobs } from '../../queries/imports.js';
import { withUpload } from '../upload.js';
import { defineRoute, idParam } from '../route.js';

export const importRoutes = [
  defineRoute({
    method: 'POST', url: '/api/imports', permission: 'plan.import', tag: 'imports', summary: '上传规划文件并解析', multipart: true, response: importJobSchema,
    handler: async ({ db, actor, req }) => {
      const row = await withUpload(req, (upload) => importPlan({ db, actor }, upload));
      return getImportJob(db, row.id);
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/imports', permission: 'plan.import', tag: 'imports', summary: '导入记录', response: z.object({ items: z.array(importJobSchema) }),
    handler: async ({ db, actor }) => {
      return { items: await listImportJobs(db, actor) };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/imports/:id', permission: 'plan.import', tag: 'imports', summary: '导入审核数据(含原文)', params: idParam, response: importJobSchema,
    handler: async ({ db, actor, params }) => {
      await assertImportVisible(db, actor, params.id);
      return getImportJob(db, params.id);
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/imports/:id/corrections', permission: 'plan.import', tag: 'imports', summary: '审核修正(逐条留痕)', params: idParam,
    body: z.object({ corrections: z.array(importCorrectionSchema).min(1).max(500) }), response: importJobSchema,
    handler: async ({ db, actor, params, body }) => {
      await assertImportVisible(db, actor, params.id);
      await correctImport({ db, actor }, params.id, body.corrections);
      return getImportJob(db, params.id);
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/imports/:id/confirm', permission: 'plan.import', tag: 'imports', summary: '确认导入,生成规划', params: idParam, body: confirmImportBodySchema,
    response: z.object({ planId: z.number() }),
    handler: async ({ db, actor, params, body }) => {
      await assertImportVisible(db, actor, params.id);
      const plan = await confirmImport({ db, actor }, params.id, body);
      return { planId: plan.id };
    },
  }),
];
