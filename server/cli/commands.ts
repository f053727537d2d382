// The commands that need the database or the web server. main.ts loads this module only for them, so
// `luoshi parse` starts without loading drizzle, PGlite, Fastify or the report builders.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { openDb } from '../db/client.js';
import { buildApp } from '../http/app.js';
import { warmUpSubmissions } from '../http/warmUp.js';
import { parseTrustProxy } from '../auth/trustProxy.js';
import { systemActor } from '../policy.js';
import { regions, units, users } from '../db/schema/index.js';
import { addUser } from '../operations/addUser.js';
import { importPlan } from '../operations/importPlan.js';
import { confirmImport } from '../operations/confirmImport.js';
import { indexPlanTexts } from '../operations/indexPlanTexts.js';
import { getImportJob } from '../queries/imports.js';
import { seedRegistry } from '../seed/seedRegistry.js';
import { seedDemo, demoAccounts, DEMO_PASSWORD } from '../seed/demo.js';
import { startScheduler } from '../jobs/scheduler.js';
import { closeParsePool } from '../parser/worker/pool.js';

async function serve(port: number, host: string, db: Awaited<ReturnType<typeof openDb>>) {
  // LUOSHI_TRUST_PROXY: off unless set (behind nginx: the proxy's address, e.g. 127.0.0.1); docs/security.md
  const app = await buildApp({ db: db.db, logger: process.env.LUOSHI_LOG === '1', trustProxy: parseTrustProxy(process.env.LUOSHI_TRUST_PROXY) });
  // the pool's connections open before the first request, not in the first burst (db/client.ts), and each has run a
  // report's submission through its HTTP route, rolled back (http/warmUp.ts; LUOSHI_WARM_UP=0: not)
  await db.openConnections();
  if (process.env.LUOSHI_WARM_UP !== '0') await warmUpSubmissions(db, app);
  await app.listen({ port, host });
  const stopJobs = startScheduler(db.db); // reporting reminders, 督办 rules and escalation, e-mail/webhook delivery
  const stop = async () => {
    stopJobs();
    await app.close();
    await closeParsePool();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return app;
}

/** Plans confirmed before the full text was searched get it now (once; see operations/indexPlanTexts.ts). */
async function indexFullTexts(db: Awaited<ReturnType<typeof openDb>>) {
  const n = await indexPlanTexts(db.db);
  if (n) console.log(`全文检索:已为 ${n} 个规划建立全文索引`);
}

export async function serveCmd(o: { port: number; host: string }) {
  const db = await openDb();
  await seedRegistry(db.db, systemActor);
  await indexFullTexts(db);
  await serve(o.port, o.host, db);
  console.log(`落实已启动:http://${o.host}:${o.port}/ (数据库:${db.kind})`);
  const [{ n }] = await db.db.select({ n: sql<number>`count(*)::int` }).from(users);
  if (!n) console.log('尚无任何用户。请先创建管理员:luoshi user add --username admin --name 管理员 --role admin --region 重庆市 --password <至少10位,含大小写字母、数字、符号中的三类>');
}

export async function demoCmd(o: { port: number; host: string; serve: boolean }) {
  const db = await openDb(process.env.DATABASE_URL ?? process.env.LUOSHI_DEMO_DB ?? './data/demo');
  await seedDemo(db.db, (s) => console.log(s));
  await indexFullTexts(db);
  if (!o.serve) {
    await closeParsePool();
    return db.close();
  }
  await serve(o.port, o.host, db);
  console.log(`\n落实演示已启动:http://${o.host}:${o.port}/\n演示账号(密码均为 ${DEMO_PASSWORD}):`);
  for (const a of demoAccounts) console.log(`  ${a.username.padEnd(12)} ${a.displayName}`);
}

export async function importCmd(file: string, o: { region?: string; confirm?: boolean; createUnits?: boolean }) {
  const db = await openDb();
  try {
    await seedRegistry(db.db, systemActor);
    const [region] = o.region ? await db.db.select().from(regions).where(eq(regions.name, o.region)) : [];
    if (o.region && !region) throw new Error(`未知区划:${o.region}`);
    const row = await importPlan({ db: db.db, actor: systemActor }, { bytes: readFileSync(file), filename: path.basename(file), regionId: region?.id });
    const job = await getImportJob(db.db, row.id, false);
    console.log(`导入 #${job.id}:${job.status};未识别单位 ${job.unknownUnits.length} 个`);
    if (o.confirm) {
      const plan = await confirmImport({ db: db.db, actor: systemActor }, row.id, { createUnits: o.createUnits ? job.unknownUnits.map((u) => u.name) : [], status: 'active' });
      console.log(`已确认:规划 #${plan.id}「${plan.title}」`);
    }
  } finally {
    await closeParsePool();
    await db.close();
  }
}

export async function userAddCmd(o: { username: string; name: string; role: string[]; region?: string; unit?: string; password?: string }) {
  const password = o.password ?? process.env.LUOSHI_PASSWORD;
  if (!password) throw new Error('请用 --password 或 LUOSHI_PASSWORD 提供密码');
  const db = await openDb();
  try {
    await seedRegistry(db.db, systemActor);
    const [region] = o.region ? await db.db.select().from(regions).where(eq(regions.name, o.region)) : [];
    const [unit] = o.unit ? await db.db.select().from(units).where(eq(units.name, o.unit)) : [];
    if (o.unit && !unit) throw new Error(`未知单位:${o.unit}`);
    const u = await addUser(db.db, systemActor, { username: o.username, displayName: o.name, password, roles: o.role as never, regionId: region?.id ?? unit?.regionId ?? null, unitId: unit?.id ?? null });
    console.log(`已创建用户 ${u.username}(${u.roles.join(',')})`);
  } finally {
    await db.close();
  }
}

export async function migrateCmd() {
  const db = await openDb();
  console.log(`迁移完成(${db.kind})`);
  await db.close();
}

/** `luoshi db verify`: the maintained rows of a sample recomputed and compared (queries/verify.ts); exit 1 on a mismatch. */
export async function verifyCmd(o: { sample: number }) {
  if (!Number.isInteger(o.sample) || o.sample < 0) throw new Error('--sample 须为非负整数');
  const { verifyUnitTasks, verifyTaskStatuses } = await import('../queries/verify.js');
  const { shanghaiToday } = await import('../queries/calendar.js');
  const { now } = await import('../clock.js');
  const db = await openDb();
  try {
    const members = await verifyUnitTasks(db.db, { sample: o.sample });
    console.log(`单位任务归属:核对 ${members.units} 个单位、${members.rows} 行,不一致 ${members.wrong.length} 个单位`);
    for (const w of members.wrong.slice(0, 20)) console.log(`  单位 #${w.unitId}:缺 ${w.missing.length} 行${w.missing.length ? `(${w.missing.slice(0, 5).join(', ')})` : ''},多 ${w.extra.length} 行${w.extra.length ? `(${w.extra.slice(0, 5).join(', ')})` : ''}`);
    const statuses = await verifyTaskStatuses(db.db, shanghaiToday(now()), { sample: o.sample });
    console.log(`任务状态:核对今日已算的 ${statuses.rows} 行,不一致 ${statuses.wrong.length} 行`);
    for (const w of statuses.wrong.slice(0, 20)) console.log(`  任务 #${w.taskId}:库中 ${JSON.stringify(w.stored)},重算 ${JSON.stringify(w.computed)}`);
    if (members.wrong.length || statuses.wrong.length) process.exitCode = 1;
  } finally {
    await db.close();
  }
}
