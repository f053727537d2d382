// luoshi: serve | demo | parse | import | user add | db migrate | db verify | db backup | db restore. Each command calls the same operations as the API.
// Commands load their modules when they run (commands.ts), so `luoshi parse` starts in a fraction of a second.
import { Command } from 'commander';
import { roleSchema } from '../../shared/roles.js';
import { AppError } from '../../shared/errors.js';

const commands = () => import('./commands.js');
const program = new Command('luoshi').description('落实:规划实施管理平台');
// help in Chinese, like everything else the CLI says
const TITLES: Record<string, string> = { 'Usage:': '用法:', 'Options:': '选项:', 'Commands:': '命令:', 'Arguments:': '参数:', 'Global Options:': '全局选项:' };
program
  .configureHelp({ styleTitle: (t: string) => TITLES[t] ?? t, showGlobalOptions: false })
  .helpOption('-h, --help', '显示帮助')
  .helpCommand('help [command]', '显示某个命令的帮助')
  .configureOutput({ outputError: (str, write) => write(str.replace(/^error: /, '错误:').replace("unknown command", '未知命令').replace('missing required argument', '缺少参数').replace('unknown option', '未知选项')) });

program
  .command('serve')
  .description('启动服务(DATABASE_URL 指定 PostgreSQL,否则使用内嵌数据库 ./data/pglite)')
  .option('-p, --port <port>', '端口', (v) => Number(v), Number(process.env.PORT ?? 3000))
  .option('--host <host>', '监听地址', process.env.HOST ?? '127.0.0.1')
  .action(async (o) => (await commands()).serveCmd(o));

program
  .command('demo')
  .description('演示模式:导入语料中的五份规划并创建演示账号,然后启动服务')
  .option('-p, --port <port>', '端口', (v) => Number(v), Number(process.env.PORT ?? 3000))
  .option('--host <host>', '监听地址', process.env.HOST ?? '127.0.0.1')
  .option('--no-serve', '只导入数据,不启动服务')
  .action(async (o) => (await commands()).demoCmd(o));

program
  .command('parse <file>')
  .description('解析规划文件,输出结构')
  .option('--json', '输出 JSON(解析结果契约)')
  .option('--no-text', 'JSON 中不含原文')
  .action(async (file, o) => {
    const { runParse } = await import('./parse.js');
    process.stdout.write(await runParse(file, { json: !!o.json, text: o.text !== false }));
  });

program
  .command('import <file>')
  .description('导入规划文件到数据库(待审核);--confirm 直接确认')
  .option('--region <name>', '所属区划,如 永川区')
  .option('--confirm', '确认导入(未知单位须已在单位库中,或用 --create-units)')
  .option('--create-units', '确认时新建单位库中没有的单位')
  .action(async (file, o) => (await commands()).importCmd(file, o));

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
  .action(async (o) => (await commands()).userAddCmd(o));

const db = program.command('db').description('数据库');
db.command('migrate')
  .description('执行数据库迁移')
  .action(async () => (await commands()).migrateCmd());
db.command('verify')
  .description('核对维护的数据:抽样重算单位任务归属(unit_tasks)与今日任务状态(task_statuses),与库中所存比对;不一致时退出码为 1')
  .option('--sample <n>', '抽样数(单位数与状态行数;0 为全部)', (v) => Number(v), 200)
  .action(async (o) => (await commands()).verifyCmd(o));
db.command('backup <file>')
  .description('备份整个数据库到文件(JSON 行,以 .gz 结尾则压缩;PGlite 与 PostgreSQL 通用)')
  .action(async (file) => (await import('./backup.js')).backupCmd(file));
db.command('restore <file>')
  .description('从备份恢复到空数据库(一个事务内完成);目标已有数据时须加 --force,先清空再恢复')
  .option('--force', '目标数据库已有数据时先清空')
  .action(async (file, o) => (await import('./backup.js')).restoreCmd(file, o));

program.parseAsync().catch((err) => {
  console.error(err instanceof AppError ? `错误 ${err.code}:${err.message}${err.details ? ' ' + JSON.stringify(err.details) : ''}` : `错误:${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
