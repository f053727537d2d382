// luoshi: serve | demo | parse | import | user add | db migrate. Each command calls the same operations as the API.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { eq, sql } from 'drizzle-orm';
import { openDb } from '../db/client.js';
import { buildApp } from '../http/app.js';
import { systemActor } from '../policy.js';
import { roleSchema } from '../../shared/roles.js';
import { regions, units, users } from '../db/schema/index.js';
import { addUser } from '../operations/addUser.js';
import { importPlan } from '../operations/importPlan.js';
import { confirmImport } from '../operations/confirmImport.js';
import { getImportJob } from '../queries/imports.js';
import { seedRegistry } from '../seed/seedRegistry.js';
import { seedDemo, demoAccounts, DEMO_PASSWORD } from '../seed/demo.js';
import { runParse } from './parse.js';
import { AppError } from '../../shared/errors.js';
import { startScheduler } from '../jobs/scheduler.js';

const program = new Command('luoshi').description('落实:规划实施管理平台');

async function serve(port: number, host: string, db: Awaited<ReturnType<typeof openDb>>) {
  const app = await buildApp({ db: db.db, logger: process.env.LUOSHI_LOG === '1' });
  await app.listen({ port, host });
  const stopJobs = startScheduler(db.db); // reporting reminders, 督办 rules and escalation, e-mail/webhook delivery
  const stop = async () => {
    stopJobs();
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return app;
}

program
  .command('serve')
  .description('启动服务(DATABASE_URL 指定 PostgreSQL,否则使用内嵌数据库 ./data/pglite)')
  .option('-p, --port <port>', '端口', (v) => Number(v), Number(process.env.PORT ?? 3000))
  .option('--host <host>', '监听地址', process.env.HOST ?? '127.0.0.1')
  .action(async (o) => {
    const db = await openDb();
    await seedRegistry(db.db, systemActor);
    await serve(o.port, o.host, db);
    console.log(`落实已启动:http://${o.host}:${o.port}/ (数据库:${db.kind})`);
    const [{ n }] = await db.db.select({ n: sql<number>`count(*)::int` }).from(users);
    if (!n) console.log('尚无任何用户。请先创建管理员:luoshi user add --username admin --name 管理员 --role admin --region 重庆市 --password <至少10位,含字母和数字>');
  });

program
  .command('demo')
  .description('演示模式:导入语料中的五份规划并创建演示账号,然后启动服务')
  .option('-p, --port <port>', '端口', (v) => Number(v), Number(process.env.PORT ?? 3000))
  .option('--host <host>', '监听地址', process.env.HOST ?? '127.0.0.1')
  .option('--no-serve', '只导入数据,不启动服务')
  .action(async (o) => {
    const db = await openDb(process.env.DATABASE_URL ?? process.env.LUOSHI_DEMO_DB ?? './data/demo');
    await seedDemo(db.db, (s) => console.log(s));
    if (!o.serve) return db.close();
    await serve(o.port, o.host, db);
    console.log(`\n落实演示已启动:http://${o.host}:${o.port}/\n演示账号(密码均为 ${DEMO_PASSWORD}):`);
    for (const a of demoAccounts) console.log(`  ${a.username.padEnd(12)} ${a.displayName}`);
  });

program
  .command('parse <file>')
  .description('解析规划文件,输出结构')
  .option('--json', '输出 JSON(解析结果契约)')
  .option('--no-text', 'JSON 中不含原文')
  .action(async (file, o) => {
    process.stdout.write(await runParse(file, { json: !!o.json, text: o.text !== false }));
  });

program
  .command('import <file>')
  .description('导入规划文件到数据库(待审核);--confirm 直接确认')
  .option('--region <name>', '所属区划,如 永川区')
  .option('--confirm', '确认导入(未知单位须已在单位库中,或用 --create-units)')
  .option('--create-units', '确认时新建单位库中没有的单位')
  .action(async (file, o) => {
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
      await db.close();
    }
  });

const user = program.command('user').description('用户管理');
user
  .command('add')
  .description('新建用户(首个管理员用它创建)')
  .requiredOption('--username <u>')
  .requiredOption('--name <displayName>')
  .option('--role <role...>', `角色:${roleSchema.options.join(' / ')}`, ['admin'])
  .option('--region <name>', '所属区划')
  .option('--unit <name>', '所属单位')
  .option('--password <pw>', '密码(也可用环境变量 LUOSHI_PASSWORD)')
  .action(async (o) => {
    const password = o.password ?? process.env.LUOSHI_PASSWORD;
    if (!password) throw new Error('请用 --password 或 LUOSHI_PASSWORD 提供密码');
    const db = await openDb();
    try {
      await seedRegistry(db.db, systemActor);
      const [region] = o.region ? await db.db.select().from(regions).where(eq(regions.name, o.region)) : [];
      const [unit] = o.unit ? await db.db.select().from(units).where(eq(units.name, o.unit)) : [];
      if (o.unit && !unit) throw new Error(`未知单位:${o.unit}`);
      const u = await addUser(db.db, systemActor, { username: o.username, displayName: o.name, password, roles: o.role, regionId: region?.id ?? unit?.regionId ?? null, unitId: unit?.id ?? null });
      console.log(`已创建用户 ${u.username}(${u.roles.join(',')})`);
    } finally {
      await db.close();
    }
  });

program
  .command('db')
  .description('数据库')
  .command('migrate')
  .description('执行数据库迁移')
  .action(async () => {
    const db = await openDb();
    console.log(`迁移完成(${db.kind})`);
    await db.close();
  });

program.parseAsync().catch((err) => {
  console.error(err instanceof AppError ? `错误 ${err.code}:${err.message}${err.details ? ' ' + JSON.stringify(err.details) : ''}` : `错误:${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
