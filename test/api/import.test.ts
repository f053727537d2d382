// Upload → review → correct → confirm, through the HTTP stack, on the real corpus.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Client, useTestApp } from '../helpers/app.js';
import { corpus, makeClient, makeUser, PASSWORD, unitId } from '../helpers/factories.js';

const t = useTestApp();
let office: Client;
beforeAll(async () => {
  office = (await makeClient(t.app, t.handle.db, ['office'], { region: '永川区' })).client;
});

const count = async (table: string) => Number(((await t.handle.db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as { rows: { n: number }[] }).rows[0].n);

describe('importing a plan document', () => {
  let importId: number;

  it('parses 000 into a draft for review, with every source pointing into the original text', async () => {
    const res = await office.upload('/api/imports', '000.txt', corpus('000'));
    expect(res.statusCode, res.body).toBe(200);
    const job = res.json();
    importId = job.id;
    expect(job.status).toBe('review');
    expect(job.parsed.tasks.length).toBeGreaterThanOrEqual(91);
    const text: string = job.parsed.text;
    expect(text).toBe(corpus('000').toString('utf8'));
    for (const task of job.parsed.tasks) {
      expect(task.source.end).toBeLessThanOrEqual(text.length);
      expect(task.source.end).toBeGreaterThan(task.source.start);
    }
  });

  it('is idempotent: the same file again returns the same import', async () => {
    const res = await office.upload('/api/imports', 'again.txt', corpus('000'));
    expect(res.json().id).toBe(importId);
  });

  it('records each correction with before and after, and refuses a bad one without changing anything', async () => {
    const job = (await office.get(`/api/imports/${importId}`)).json();
    const task = job.parsed.tasks.find((x: { lead: unknown[] }) => x.lead.length > 0);
    const auditBefore = await count('audit_events');
    const bad = await office.post(`/api/imports/${importId}/corrections`, { corrections: [{ op: 'setTaskUnits', taskId: task.id, role: 'lead', units: [] }, { op: 'removeTask', taskId: 'nope' }] });
    expect(bad.statusCode).toBe(404);
    expect(await count('audit_events')).toBe(auditBefore);
    const unchanged = (await office.get(`/api/imports/${importId}`)).json();
    expect(unchanged.parsed.tasks.find((x: { id: string }) => x.id === task.id).lead).toEqual(task.lead);

    const fix = { raw: '区城市管理局', name: '区城市管理局', known: true, scope: 'unit' };
    const ok = await office.post(`/api/imports/${importId}/corrections`, { corrections: [{ op: 'setTaskUnits', taskId: task.id, role: 'cooperating', units: [fix] }] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().parsed.tasks.find((x: { id: string }) => x.id === task.id).cooperating).toEqual([fix]);
    const history = (await office.get(`/api/audit?entityType=import&entityId=${importId}`)).json().items;
    expect(history.at(-1)).toMatchObject({ action: 'import.setTaskUnits', after: { taskId: task.id, role: 'cooperating' } });
  });

  it('refuses to confirm while units are unmapped, then confirms after mapping or creating them', async () => {
    const job = (await office.get(`/api/imports/${importId}`)).json();
    expect(job.unknownUnits.length).toBeGreaterThan(0);
    const refused = await office.post(`/api/imports/${importId}/confirm`, {});
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('IMPORT_UNMAPPED_UNITS');
    expect(await count('plans')).toBe(0);
    const res = await office.post(`/api/imports/${importId}/confirm`, { createUnits: job.unknownUnits.map((u: { name: string }) => u.name) });
    expect(res.statusCode, res.body).toBe(200);
    const planId = res.json().planId;
    const plan = (await office.get(`/api/plans/${planId}`)).json();
    expect(plan.taskCount).toBe(job.parsed.tasks.length);
    expect(plan.outline.length).toBeGreaterThan(10);
    const again = await office.post(`/api/imports/${importId}/confirm`, {});
    expect(again.json().error.code).toBe('IMPORT_NOT_PENDING_REVIEW');
    // a task that is a heading itself is shown under the heading above it, not under its own name
    const found = (await office.get(`/api/plans/${planId}/tasks?q=${encodeURIComponent('践行高品质示范')}`)).json();
    const heading = found.items.find((x: { title: string }) => x.title === '践行高品质示范');
    expect(heading.chapter).toMatch(/^二、提升城市发展能级/);
  });

  it('shows the corrected unit in that unit\'s task view', async () => {
    const cg = await unitId(t.handle.db, '区城市管理局');
    const reporter = await makeUser(t.handle.db, ['unit_reporter'], { unitId: cg });
    const c = await new Client(t.app).login(reporter.username, PASSWORD);
    const mine = (await c.get('/api/me/tasks?role=cooperating')).json();
    expect(mine.total).toBeGreaterThanOrEqual(1);
    for (const task of mine.items) expect(task.units.some((u: { unitId: number }) => u.unitId === cg)).toBe(true);
  });

  it.each([
    ['empty.txt', Buffer.alloc(0), 'IMPORT_EMPTY'],
    ['bin.txt', Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7, 8, 0, 0, 0]), 'IMPORT_BINARY'],
    ['broken.docx', Buffer.from('PK\u0003\u0004 not really a zip'), 'IMPORT_CORRUPT'],
    ['plan.exe', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 0x90)]), 'IMPORT_BINARY'],
    ['legacy.doc', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]), 'IMPORT_UNSUPPORTED_FORMAT'],
  ])('refuses %s with the right code and stores no plan', async (name, bytes, code) => {
    const plansBefore = await count('plans');
    const res = await office.upload('/api/imports', name, bytes as Buffer);
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.json().error.code).toBe(code);
    expect(await count('plans')).toBe(plansBefore);
  });

  it('refuses a file over 20 MB', async () => {
    const res = await office.upload('/api/imports', 'big.txt', Buffer.alloc(21 * 1024 * 1024, 0x41));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('IMPORT_TOO_LARGE');
  });
});
