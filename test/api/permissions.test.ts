// Every route names its permission; anonymous callers are refused everywhere but public routes,
// and each role reaches exactly the routes its grants allow.
import { describe, expect, it } from 'vitest';
import { allRoutes } from '../../server/http/routes/index.js';
import { can } from '../../server/policy.js';
import { roleSchema } from '../../shared/roles.js';
import { Client, useTestApp } from '../helpers/app.js';
import { makeUser, PASSWORD } from '../helpers/factories.js';

const expected: Record<string, string> = {
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'session',
  'GET /api/auth/me': 'session',
  'POST /api/auth/password': 'session',
  'GET /api/regions': 'unit.read',
  'GET /api/units': 'unit.read',
  'POST /api/units': 'unit.manage',
  'GET /api/plans': 'plan.read',
  'GET /api/plans/:id': 'plan.read',
  'PATCH /api/plans/:id': 'plan.manage',
  'GET /api/plans/:id/public-preview': 'plan.manage',
  'POST /api/plans/:id/publish': 'plan.manage',
  'GET /api/plans/:id/document': 'plan.read',
  'GET /api/plans/:id/indicators': 'plan.read',
  'GET /api/plans/:id/projects': 'plan.read',
  'GET /api/plans/:id/targets': 'plan.read',
  'GET /api/plans/:id/conflicts': 'plan.read',
  'GET /api/plans/:id/tasks': 'task.read',
  'GET /api/me/tasks': 'task.read',
  'GET /api/tasks/:id': 'task.read',
  'GET /api/tasks/:id/history': 'task.read',
  'POST /api/plans/:id/tasks': 'task.manage',
  'PATCH /api/tasks/:id': 'task.manage',
  'DELETE /api/tasks/:id': 'task.manage',
  'POST /api/imports': 'plan.import',
  'GET /api/imports': 'plan.import',
  'GET /api/imports/:id': 'plan.import',
  'POST /api/imports/:id/corrections': 'plan.import',
  'POST /api/imports/:id/confirm': 'plan.import',
  'GET /api/audit': 'audit.read',
  'GET /api/users': 'user.manage',
  'POST /api/users': 'user.manage',
  'PATCH /api/users/:id': 'user.manage',
  'POST /api/users/:id/reset-password': 'user.manage',
  'GET /api/plans/:id/reporting': 'plan.read',
  'PATCH /api/plans/:id/reporting': 'plan.manage',
  'POST /api/plans/:id/periods/:period/lock': 'report.review',
  'POST /api/plans/:id/periods/:period/unlock': 'report.review',
  'GET /api/plans/:id/status': 'plan.read',
  'GET /api/plans/:id/board': 'report.review',
  'GET /api/plans/:id/reports': 'report.read',
  'GET /api/tasks/:id/reports': 'report.read',
  'POST /api/tasks/:id/reports': 'report.submit',
  'POST /api/tasks/:id/contributions': 'report.submit',
  'POST /api/tasks/:id/subtasks': 'report.submit',
  'GET /api/reports/:id': 'report.read',
  'POST /api/reports/:id/review': 'report.review',
  'POST /api/reports/:id/unit-review': 'report.review_unit',
  'POST /api/reports/:id/attachments': 'report.submit',
  'GET /api/attachments/:id': 'report.read',
  'DELETE /api/attachments/:id': 'report.submit',
  'PUT /api/indicators/:id/split': 'plan.manage',
  'GET /api/notices': 'report.read',
  'GET /api/notices/:id': 'report.read',
  'GET /api/notices/:id/history': 'report.read',
  'POST /api/plans/:id/notices': 'notice.manage',
  'POST /api/notices/:id/respond': 'notice.respond',
  'POST /api/notices/:id/recheck': 'notice.manage',
  'POST /api/notices/:id/close': 'notice.manage',
  'GET /api/me/notifications': 'session',
  'POST /api/me/notifications/:id/read': 'session',
  'GET /api/plans/:id/deliveries': 'notice.manage',
  'GET /api/plans/:id/scores': 'evaluation.read',
  'GET /api/plans/:id/score-settings': 'evaluation.read',
  'PATCH /api/plans/:id/score-settings': 'evaluation.manage',
  'GET /api/plans/:id/evaluations': 'evaluation.read',
  'POST /api/plans/:id/evaluations': 'evaluation.manage',
  'GET /api/evaluations/:id': 'evaluation.read',
  'PATCH /api/evaluations/:id': 'evaluation.manage',
  'GET /api/evaluations/:id/export': 'evaluation.read',
  'GET /api/notices/:id/export': 'report.read',
  'GET /api/plans/:id/exports/tasks': 'evaluation.read',
  'GET /api/plans/:id/exports/indicators': 'evaluation.read',
  'GET /api/plans/:id/exports/reporting': 'evaluation.read',
  'POST /api/imports/table': 'plan.import',
  'GET /api/imports/:id/table': 'plan.import',
  'POST /api/imports/:id/mapping': 'plan.import',
  'GET /api/plans/:id/dashboard/status': 'plan.read',
  'GET /api/plans/:id/dashboard/indicators': 'plan.read',
  'GET /api/plans/:id/dashboard/reporting': 'evaluation.read',
  'GET /api/plans/:id/dashboard/ranking': 'evaluation.read',
  'GET /api/public/plans': 'public',
  'GET /api/public/plans/:id': 'public',
  'GET /api/home/office': 'report.review',
  'GET /api/home/unit': 'report.submit',
  'GET /api/home/district': 'evaluation.read',
  'GET /api/search': 'plan.read',
  'GET /api/checkups': 'checkup.read',
  'POST /api/checkups': 'checkup.manage',
  'GET /api/checkups/:id': 'checkup.read',
  'POST /api/checkups/:id/indicators': 'checkup.manage',
  'POST /api/checkups/:id/values': 'checkup.submit',
  'POST /api/checkups/:id/import': 'checkup.submit',
  'GET /api/checkups/:id/export': 'checkup.read',
  'POST /api/checkup-problems/:id/assign': 'checkup.manage',
  'POST /api/checkup-problems/:id/task': 'checkup.manage',
  'POST /api/checkups/:id/cycle': 'checkup.manage',
  'POST /api/checkup-problems/:id/project': 'checkup.manage',
  'GET /api/map': 'plan.read',
  'GET /api/plans/:id/take-up': 'task.read',
  'GET /api/plans/:id/coverage': 'task.read',
  'GET /api/plans/:id/exports/coverage': 'task.read',
  'PUT /api/plans/:id/rollup-rule': 'plan.manage',
  'GET /api/tasks/:id/take-up-suggestions': 'task.read',
  'POST /api/tasks/:id/take-up': 'task.manage',
  'POST /api/tasks/:id/untake': 'task.manage',
  'POST /api/tasks/:id/not-applicable': 'task.manage',
  'GET /api/plans/:id/same-work': 'plan.read',
  'POST /api/plans/:id/same-work/propose': 'plan.manage',
  'POST /api/plans/:id/same-work/confirm': 'plan.manage',
  'POST /api/plans/:id/same-work/reject': 'plan.manage',
  'GET /api/tasks/:id/same-work': 'task.read',
  'GET /api/indicators/:id/same-work': 'plan.read',
  'POST /api/plans/:id/tasks/assign': 'task.manage',
  'GET /api/me/report-grid': 'report.submit',
  'POST /api/me/reports': 'report.submit',
  'GET /api/me/report-ledger': 'report.submit',
  'POST /api/me/report-ledger': 'report.submit',
  'POST /api/plans/:id/reports/review': 'report.review',
  'POST /api/plans/:id/remind': 'report.review',
  'POST /api/plans/:id/notices/recheck': 'notice.manage',
  'GET /api/projects': 'plan.read',
  'GET /api/projects/export': 'plan.read',
  'GET /api/projects/ledger': 'plan.read',
  'POST /api/projects': 'plan.manage',
  'POST /api/projects/roll': 'plan.manage',
  'POST /api/projects/import': 'plan.manage',
  'GET /api/projects/:id': 'plan.read',
  'PATCH /api/projects/:id': 'plan.manage',
  'POST /api/projects/:id/phase': 'plan.manage',
  'PUT /api/projects/:id/links': 'plan.manage',
  'GET /api/projects/:id/reports': 'report.read',
  'POST /api/projects/:id/reports': 'report.submit',
};

/**
 * What an allowed caller gets from each route when it sends no body and names record 999999: a route with :id
 * answers 404 (no such record); the others answer as listed. Any other status — a 500 above all — fails.
 */
const allowedStatusOf: Record<string, number> = {
  'GET /api/regions': 200,
  'GET /api/checkups': 200,
  'POST /api/checkups': 400,
  'GET /api/map': 200,
  'GET /api/units': 200,
  'POST /api/units': 400,
  'GET /api/plans': 200,
  'GET /api/imports': 200,
  'POST /api/imports': 406, // multipart only
  'POST /api/imports/table': 406, // multipart only
  'GET /api/me/tasks': 200,
  'GET /api/notices': 200,
  'GET /api/users': 200,
  'POST /api/users': 400,
  'GET /api/audit': 400, // entityType and entityId are required
  'GET /api/home/office': 200,
  'GET /api/home/unit': 200,
  'GET /api/home/district': 200,
  'GET /api/search': 400, // q is required
  'GET /api/me/report-grid': 200,
  'POST /api/me/reports': 400,
  'GET /api/me/report-ledger': 200,
  'POST /api/me/report-ledger': 406, // multipart only
  'GET /api/projects': 200,
  'GET /api/projects/export': 200,
  'GET /api/projects/ledger': 400, // the period is required
  'POST /api/projects': 400,
  'POST /api/projects/roll': 400,
  'POST /api/projects/import': 406, // multipart only
};
const allowedStatus = (k: string) => allowedStatusOf[k] ?? (k.includes(':id') ? 404 : undefined);

const t = useTestApp();

const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
const concrete = (url: string) => url.replace(/:id/g, '999999');

describe('route permissions', () => {
  it('every route is listed here with its required permission, and no listed route is missing', () => {
    const actual = Object.fromEntries(allRoutes.map((r) => [key(r), r.permission]));
    for (const k of Object.keys(actual)) expect(expected[k], `route ${k} has no entry in the permission table`).toBeDefined();
    expect(actual).toEqual(expected);
  });

  it('anonymous callers get 401 on every non-public route', async () => {
    for (const r of allRoutes.filter((x) => x.permission !== 'public')) {
      const res = await t.app.inject({ method: r.method, url: concrete(r.url) });
      expect(res.statusCode, key(r)).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
  });

  it.each(roleSchema.options)('role %s is refused exactly the routes it lacks the permission for', async (role) => {
    const u = await makeUser(t.handle.db, [role]);
    const c = await new Client(t.app).login(u.username, PASSWORD);
    for (const r of allRoutes.filter((x) => x.permission !== 'public' && x.permission !== 'session')) {
      const res = await c.request({ method: r.method, url: concrete(r.url), payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {} });
      if (can({ ...c, roles: [role] } as never, r.permission)) {
        expect(allowedStatus(key(r)), `route ${key(r)} has no allowed status in allowedStatusOf`).toBeDefined();
        expect(res.statusCode, `${role} ${key(r)}: ${res.body}`).toBe(allowedStatus(key(r)));
      } else expect(res.statusCode, `${role} ${key(r)}`).toBe(403);
    }
  });

  it('publishes an OpenAPI document naming each route permission', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/plans/{id}/tasks'].get['x-permission']).toBe('task.read');
    expect(Object.values(doc.paths).reduce((n: number, p) => n + Object.keys(p as object).length, 0)).toBe(allRoutes.length);
  });
});
