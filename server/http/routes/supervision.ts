// 督办: notices to units, their lifecycle, and each user's in-app messages and the delivery log.
import { readHistory } from '../../audit.js';
import { auditEventSchema } from '../../../shared/api.js';
import { toAuditOut } from './tasks.js';
import { z } from 'zod';
import { createNoticeBodySchema, deliveryOutSchema, noticeOutSchema, noticeStatusSchema, notificationOutSchema, recheckNoticeBodySchema, respondNoticeBodySchema } from '../../../shared/reporting.js';
import { getVisiblePlan } from '../../queries/plans.js';
import { getVisibleNotice, listNotices, toNoticeOut } from '../../queries/notices.js';
import { listMyNotifications, listPlanDeliveries } from '../../queries/messages.js';
import { issueNotice } from '../../operations/issueNotice.js';
import { closeNotice, recheckNotice, respondNotice } from '../../operations/respondNotice.js';
import { readNotification } from '../../operations/readNotification.js';
import type { Db } from '../../db/client.js';
import { defineRoute, idParam } from '../route.js';
import { idStringSchema } from '../../../shared/input.js';

const one = async (db: Db, row: Parameters<typeof toNoticeOut>[1][number]) => (await toNoticeOut(db, [row]))[0];

export const supervisionRoutes = [
  defineRoute({
    method: 'GET', url: '/api/notices', permission: 'report.read', tag: 'supervision', summary: '督办件(单位只见本单位的)',
    query: z.object({ planId: idStringSchema.optional(), status: noticeStatusSchema.optional(), open: z.enum(['1', 'true']).optional() }),
    response: z.object({ items: z.array(noticeOutSchema) }),
    handler: async ({ db, actor, query }) => {
      return { items: await listNotices(db, actor, { planId: query.planId, status: query.status, open: !!query.open }) };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/notices/:id', permission: 'report.read', tag: 'supervision', summary: '督办件详情', params: idParam, response: noticeOutSchema,
    handler: async ({ db, actor, params }) => {
      return one(db, await getVisibleNotice(db, actor, params.id));
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/notices/:id/history', permission: 'report.read', tag: 'supervision', summary: '督办件办理记录', params: idParam,
    response: z.object({ items: z.array(auditEventSchema) }),
    handler: async ({ db, actor, params }) => {
      // whoever may see the notice may see how it was handled: the unit needs it to answer a recheck
      await getVisibleNotice(db, actor, params.id);
      return { items: (await readHistory(db, 'notice', params.id)).map(toAuditOut) };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/plans/:id/notices', permission: 'notice.manage', tag: 'supervision', summary: '下发督办件', params: idParam, body: createNoticeBodySchema, response: noticeOutSchema,
    handler: async ({ db, actor, params, body }) => {
      return one(db, (await issueNotice({ db, actor }, params.id, body))!);
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/notices/:id/respond', permission: 'notice.respond', tag: 'supervision', summary: '单位签收、办理、反馈督办件', params: idParam, body: respondNoticeBodySchema, response: noticeOutSchema,
    handler: async ({ db, actor, params, body }) => {
      return one(db, await respondNotice({ db, actor }, params.id, body));
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/notices/:id/recheck', permission: 'notice.manage', tag: 'supervision', summary: '复核督办反馈(不通过则退回办理)', params: idParam, body: recheckNoticeBodySchema, response: noticeOutSchema,
    handler: async ({ db, actor, params, body }) => {
      return one(db, await recheckNotice({ db, actor }, params.id, body));
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/notices/:id/close', permission: 'notice.manage', tag: 'supervision', summary: '办结督办件', params: idParam, response: noticeOutSchema,
    handler: async ({ db, actor, params }) => {
      return one(db, await closeNotice({ db, actor }, params.id));
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/me/notifications', permission: 'session', tag: 'supervision', summary: '我的站内提醒', query: z.object({ unread: z.enum(['1', 'true']).optional() }),
    response: z.object({ items: z.array(notificationOutSchema), unread: z.number() }),
    handler: async ({ db, actor, query }) => {
      return listMyNotifications(db, actor, !!query.unread);
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/me/notifications/:id/read', permission: 'session', tag: 'supervision', summary: '标记提醒为已读', params: idParam,
    handler: async ({ db, actor, params }) => {
      await readNotification({ db, actor }, params.id);
      return { ok: true };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/plans/:id/deliveries', permission: 'notice.manage', tag: 'supervision', summary: '邮件与群机器人发送记录(含重试)', params: idParam,
    response: z.object({ items: z.array(deliveryOutSchema) }),
    handler: async ({ db, actor, params }) => {
      await getVisiblePlan(db, actor, params.id);
      return { items: await listPlanDeliveries(db, params.id) };
    },
  }),
];
