// A synthetic city for the scale benchmarks (issue #15): regions, units, users, plans with outlines, tasks and
// their units, indicators, reporting periods, reports, contributions, notices and audit rows, loaded through the
// project's own migrations with COPY. Deterministic: the same --seed and --today give the same rows.
//
//   npx tsx bench/city/generate.ts --size district|city|province [--plans N] [--seed 1] [--today 2026-12-04] [--db postgres://…/luoshi_bench]
//
// The database named in --db (default postgres://postgres@127.0.0.1:5432/luoshi_bench) is dropped and created anew.
// Sizes (issue #15's measured city: 38 districts, 2,474 units, 300 plans, 90,000 tasks, 440,000 links,
// 2.05 M reports, 3.84 M contributions, 2.04 M audit rows):
//   district  1 district (65 units) + the city's departments, 30 plans × 300 tasks = 9,000 tasks
//   city      38 districts, 300 plans × 300 tasks = 90,000 tasks
//   province  the city × 2.5 (95 districts, 750 plans, ≈5 M reports)
// --plans N: N plans in each district instead of the size's (a smaller or larger district for the embedded database's
// limit: `--size district --plans 3` is a tenth of a district)
// Every user's password is BENCH_PASSWORD (config.ts); usernames: city_office, d01_office, d01_leader, d01_u01_rep,
// d01_u01_head (unit 01 of district 01), city_u01_rep …
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { openDb } from '../../server/db/client.js';
import { hashPassword } from '../../server/auth/password.js';
import { generatePeriods, type ReportingPeriod } from '../../server/domain/reportingPeriods.js';
import { searchTokens } from '../../server/search.js';

import { BENCH_PASSWORD, DEFAULT_BENCH_DB } from './config.js';
import { benchArgs } from './args.js';

type Size = 'district' | 'city' | 'province';
interface Shape { districts: number; plansPerDistrict: number; cityPlans: number; tasksPerPlan: number; towns: number; depts: number; cityDepts: number }
const SHAPES: Record<Size, Shape> = {
  district: { districts: 1, plansPerDistrict: 30, cityPlans: 0, tasksPerPlan: 300, towns: 25, depts: 40, cityDepts: 40 },
  city: { districts: 38, plansPerDistrict: 7.5, cityPlans: 15, tasksPerPlan: 300, towns: 25, depts: 40, cityDepts: 44 },
  province: { districts: 95, plansPerDistrict: 7.5, cityPlans: 37, tasksPerPlan: 300, towns: 25, depts: 40, cityDepts: 44 },
};

// ---------- arguments ----------
const args = benchArgs();
const size = (args.get('size') ?? 'district') as Size;
if (!SHAPES[size]) throw new Error(`--size district|city|province, not ${size}`);
const seed = Number(args.get('seed') ?? 1);
const today = args.get('today') ?? new Date().toISOString().slice(0, 10);
const dbUrl = args.get('db') ?? process.env.LUOSHI_BENCH_DB ?? DEFAULT_BENCH_DB;
const shape = { ...SHAPES[size], ...(args.has('plans') ? { plansPerDistrict: Number(args.get('plans')) } : {}) };
if (!(shape.plansPerDistrict > 0)) throw new Error(`--plans takes a number above 0, not ${args.get('plans')}`);

// ---------- deterministic randomness ----------
function mulberry32(a: number) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = mulberry32(seed * 2654435761);
const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
const chance = (p: number) => rnd() < p;
function sample<T>(xs: readonly T[], n: number): T[] {
  const copy = [...xs];
  const out: T[] = [];
  for (let i = 0; i < n && copy.length; i++) out.push(copy.splice(Math.floor(rnd() * copy.length), 1)[0]);
  return out;
}

// ---------- vocabulary ----------
const DEPTS = ['发展改革委', '教委', '科技局', '经济信息委', '公安局', '民政局', '司法局', '财政局', '人力社保局', '规划自然资源局', '生态环境局', '住房城乡建委', '城市管理局', '交通运输委', '水利局', '农业农村委', '商务委', '文化旅游委', '卫生健康委', '退役军人事务局', '应急管理局', '审计局', '国资委', '市场监管局', '体育局', '统计局', '医保局', '林业局', '大数据发展局', '机关事务局', '信访办', '乡村振兴局', '供销社', '税务局', '消防救援支队', '气象局', '邮政管理局', '电力公司', '水务集团', '城投集团', '融媒体中心', '档案馆', '总工会', '团委'];
const SYL = ['青', '峰', '永', '兴', '金', '龙', '双', '石', '河', '宝', '安', '平', '来', '凤', '板', '桥', '松', '溉', '仙', '朱', '沱', '吉', '何', '埂', '五', '间', '茶', '山', '竹', '林', '卫', '星', '南', '大', '新', '临', '江', '红', '花', '白', '马'];
const DISTRICT_NAMES = ['万州', '黔江', '涪陵', '渝中', '大渡口', '江北', '沙坪坝', '九龙坡', '南岸', '北碚', '綦江', '大足', '渝北', '巴南', '长寿', '江津', '合川', '永川', '南川', '璧山', '铜梁', '潼南', '荣昌', '开州', '梁平', '武隆', '城口', '丰都', '垫江', '忠县', '云阳', '奉节', '巫山', '巫溪', '石柱', '秀山', '酉阳', '彭水'];
const VERBS = ['推进', '实施', '完善', '加快', '深化', '健全', '强化', '开展', '建设', '提升', '落实', '优化'];
const OBJECTS = ['老旧小区改造', '城市更新', '排水管网建设', '社区养老服务', '智慧城市平台', '乡村振兴示范', '营商环境', '生态修复工程', '交通基础设施', '公共文化服务', '义务教育优质均衡', '医疗卫生服务体系', '产业园区提质', '数字经济发展', '消防安全整治', '河长制落实', '垃圾分类', '城市绿道', '危旧房改造', '农村人居环境'];
const PHRASES = ['按照时间节点有序推进', '已完成年度目标的阶段任务', '组织召开专题推进会', '协调解决项目用地问题', '资金已拨付到位', '完成方案编制并报审', '开展现场督导检查', '建立工作台账动态更新', '完成招标采购工作', '施工进度符合预期', '群众满意度进一步提升', '配套政策文件已印发'];
const PROBLEMS = ['资金缺口较大', '征地拆迁进度偏慢', '部门协调机制有待完善', '专业人才不足', '暂无', '审批环节较多'];
const NEXT = ['加快推进剩余工程建设', '加强部门协同', '做好验收准备工作', '继续跟踪问效', '争取上级资金支持'];
const sentence = (n: number) => Array.from({ length: n }, () => pick(PHRASES)).join(',') + '。';

// ---------- COPY ----------
const esc = (v: unknown): string => {
  if (v === null || v === undefined) return '\\N';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') return escText(JSON.stringify(v));
  return escText(String(v));
};
const escText = (s: string) => s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');

/** One COPY … FROM STDIN on its own connection; write() waits when the socket is full. */
class Copier {
  private stream!: NodeJS.WritableStream & { on: (e: string, f: (...a: unknown[]) => void) => void };
  private buf: string[] = [];
  private done!: Promise<void>;
  rows = 0;
  constructor(private client: pg.Client, private table: string, private cols: string[]) {}
  async start() {
    this.stream = this.client.query(copyFrom(`copy ${this.table} (${this.cols.join(', ')}) from stdin`)) as never;
    this.done = new Promise((resolve, reject) => {
      this.stream.on('finish', () => resolve());
      this.stream.on('error', (e) => reject(e));
    });
    return this;
  }
  async row(values: unknown[]) {
    this.buf.push(values.map(esc).join('\t'));
    this.rows++;
    if (this.buf.length >= 2000) await this.flush();
  }
  private async flush() {
    if (!this.buf.length) return;
    const chunk = this.buf.join('\n') + '\n';
    this.buf = [];
    if (!this.stream.write(chunk)) await new Promise<void>((r) => this.stream.once('drain', () => r()));
  }
  async end() {
    await this.flush();
    this.stream.end();
    await this.done;
  }
}

async function connect() {
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  await c.query('set synchronous_commit = off');
  return c;
}
async function copyAll(table: string, cols: string[], rows: unknown[][]) {
  const c = await connect();
  const cp = await new Copier(c, table, cols).start();
  for (const r of rows) await cp.row(r);
  await cp.end();
  await c.end();
  return rows.length;
}

// ---------- main ----------
const t0 = Date.now();
const log = (s: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${s}`);

const admin = new pg.Client({ connectionString: dbUrl.replace(/\/[^/]*$/, '/postgres') });
await admin.connect();
const dbName = dbUrl.replace(/^.*\//, '').replace(/\?.*$/, '');
if (!/^luoshi_bench\w*$/.test(dbName)) throw new Error(`the bench database's name must start with luoshi_bench (not ${dbName}): it is dropped and created anew`);
await admin.query(`drop database if exists ${dbName} with (force)`);
await admin.query(`create database ${dbName}`);
await admin.end();
const handle = await openDb(dbUrl); // the project's migrations
await handle.close();
log(`database ${dbName} created and migrated; size ${size}, seed ${seed}, today ${today}`);

const passwordHash = await hashPassword(BENCH_PASSWORD);
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

// regions: the city, its districts, their towns
const regionRows: unknown[][] = [[1, '重庆市', 'city', null]];
let regionId = 1;
interface District { no: number; regionId: number; name: string; townRegions: number[] }
const districts: District[] = [];
for (let d = 1; d <= shape.districts; d++) {
  const name = `${DISTRICT_NAMES[(d - 1) % DISTRICT_NAMES.length]}${d > DISTRICT_NAMES.length ? Math.ceil(d / DISTRICT_NAMES.length) : ''}区`;
  const dist: District = { no: d, regionId: ++regionId, name, townRegions: [] };
  regionRows.push([dist.regionId, name, 'district', 1]);
  districts.push(dist);
}

// units: the city's departments (region 1), each district's departments and towns (towns stay in their district)
interface Unit { id: number; regionId: number; kind: string; name: string; code: string }
const unitRows: unknown[][] = [];
const unitsOf = new Map<number, Unit[]>(); // region → its units
let unitId = 0;
const addUnit = (u: Omit<Unit, 'id'>) => {
  const unit = { ...u, id: ++unitId };
  unitRows.push([unit.id, unit.name, [], unit.kind, unit.regionId]);
  (unitsOf.get(unit.regionId) ?? unitsOf.set(unit.regionId, []).get(unit.regionId)!).push(unit);
  return unit;
};
for (let i = 0; i < shape.cityDepts; i++) addUnit({ regionId: 1, kind: 'department', name: `市${DEPTS[i % DEPTS.length]}${i >= DEPTS.length ? i : ''}`, code: `city_u${pad(i + 1)}` });
for (const d of districts) {
  for (let i = 0; i < shape.depts; i++) addUnit({ regionId: d.regionId, kind: 'department', name: `区${DEPTS[i % DEPTS.length]}${i >= DEPTS.length ? i : ''}`, code: `d${pad(d.no)}_u${pad(i + 1)}` });
  const used = new Set<string>();
  for (let i = 0; i < shape.towns; i++) {
    let name: string;
    do name = `${pick(SYL)}${pick(SYL)}${i % 5 === 4 ? '街道' : '镇'}`;
    while (used.has(name));
    used.add(name);
    addUnit({ regionId: d.regionId, kind: 'town', name, code: `d${pad(d.no)}_u${pad(shape.depts + i + 1)}` });
    const tr = ++regionId;
    regionRows.push([tr, name, 'town', d.regionId]);
    d.townRegions.push(tr);
  }
}

// users: an office and a leader per district and for the city, a reporter and a head per unit
const userRows: unknown[][] = [];
let userId = 0;
const officeOf = new Map<number, number>(); // region → office user
const reporterOf = new Map<number, number>(); // unit → reporter user
const addUser = (username: string, displayName: string, roles: string[], unit: number | null, region: number) => {
  userRows.push([++userId, username, displayName, passwordHash, roles, unit, region, `${username}@bench.invalid`]);
  return userId;
};
officeOf.set(1, addUser('city_office', '市规划办', ['office'], null, 1));
addUser('city_leader', '市分管领导', ['leader'], null, 1);
for (const d of districts) {
  officeOf.set(d.regionId, addUser(`d${pad(d.no)}_office`, `${d.name}规划办`, ['office'], null, d.regionId));
  addUser(`d${pad(d.no)}_leader`, `${d.name}分管领导`, ['leader'], null, d.regionId);
}
for (const us of unitsOf.values())
  for (const u of us) {
    reporterOf.set(u.id, addUser(`${u.code}_rep`, `${u.name} 填报员`, ['unit_reporter'], u.id, u.regionId));
    addUser(`${u.code}_head`, `${u.name} 负责人`, ['unit_head'], u.id, u.regionId);
  }

await copyAll('regions', ['id', 'name', 'level', 'parent_id'], regionRows);
await copyAll('units', ['id', 'name', 'aliases', 'kind', 'region_id'], unitRows);
await copyAll('users', ['id', 'username', 'display_name', 'password_hash', 'roles', 'unit_id', 'region_id', 'email'], userRows);
log(`${regionRows.length} regions, ${unitRows.length} units, ${userRows.length} users`);

// plans: the city's own, then each district's (7 or 8 each at city size)
interface Plan { id: number; regionId: number; startMonth: string; createdAt: Date; periods: (ReportingPeriod & { id: number })[]; units: Unit[]; towns: boolean }
const plans: Plan[] = [];
const todayMonth = today.slice(0, 7);
const monthsBack = (n: number) => {
  const [y, m] = todayMonth.split('-').map(Number);
  const t = y * 12 + (m - 1) - n;
  return `${Math.floor(t / 12)}-${pad((t % 12) + 1)}`;
};
let planNo = 0;
const makePlan = (region: number, units: Unit[]) => {
  const startMonth = monthsBack(int(18, 30));
  plans.push({ id: ++planNo, regionId: region, startMonth, createdAt: new Date(`${startMonth}-01T02:00:00Z`), periods: [], units, towns: region !== 1 });
};
for (let i = 0; i < shape.cityPlans; i++) makePlan(1, unitsOf.get(1)!);
for (const d of districts) {
  const n = Math.floor(shape.plansPerDistrict) + (d.no % 2 === 0 && shape.plansPerDistrict % 1 ? 1 : 0);
  for (let i = 0; i < n; i++) makePlan(d.regionId, unitsOf.get(d.regionId)!);
}

const planRows: unknown[][] = [];
const outlineRows: unknown[][] = [];
const periodRows: unknown[][] = [];
const indicatorRows: unknown[][] = [];
const indicatorUnitRows: unknown[][] = [];
const indicatorValueRows: unknown[][] = [];
let outlineId = 0;
let periodId = 0;
let indicatorId = 0;
let indicatorUnitId = 0;
let indicatorValueId = 0;
interface Task { id: number; plan: Plan; lead: Unit; others: { unit: Unit; role: string }[]; sectionId: number }
const allTasks: Task[] = [];
const taskRows: unknown[][] = [];
const taskUnitRows: unknown[][] = [];
let taskId = 0;
let taskUnitId = 0;
for (const p of plans) {
  const y0 = Number(p.startMonth.slice(0, 4));
  const title = `${p.regionId === 1 ? '重庆市' : districts.find((d) => d.regionId === p.regionId)!.name}${pick(OBJECTS)}${pick(['三年行动计划', '实施方案', '工作方案', '专项规划'])}(${y0}—${y0 + 4}年)`;
  const settings = { startMonth: p.startMonth };
  planRows.push([p.id, title, p.regionId, p.regionId === 1 ? 'municipal' : 'district', '实施方案', y0, y0 + 4, 'active', chance(0.3), settings, searchTokens(title), p.createdAt, p.createdAt]);
  // outline: 8 chapters × 3 sections
  const sections: number[] = [];
  for (let c = 1; c <= 8; c++) {
    const chapter = ++outlineId;
    outlineRows.push([chapter, p.id, null, 1, 'chapter', `${'一二三四五六七八'[c - 1]}、`, `${pick(VERBS)}${pick(OBJECTS)}`, c * 100]);
    for (let s = 1; s <= 3; s++) {
      const sec = ++outlineId;
      outlineRows.push([sec, p.id, chapter, 2, 'section', `(${'一二三'[s - 1]})`, `${pick(VERBS)}${pick(OBJECTS)}`, c * 100 + s]);
      sections.push(sec);
    }
  }
  // periods from the first reporting month to the end of next year (what the app materializes as they are touched)
  const periods = generatePeriods({ frequency: 'monthly', startMonth: p.startMonth, endMonth: `${Number(today.slice(0, 4)) + 1}-12` });
  for (const per of periods) {
    const id = ++periodId;
    p.periods.push({ ...per, id });
    periodRows.push([id, p.id, per.key, per.label, per.start, per.end, per.dueDate, per.opensOn, per.locksOn]);
  }
  // the plan's units: 55–65 of its region's (district plans also name towns)
  const planUnits = sample(p.units, Math.min(p.units.length, int(55, 65)));
  // tasks
  for (let k = 0; k < shape.tasksPerPlan; k++) {
    const lead = pick(planUnits);
    const nOthers = int(3, 5); // ≈5 links per task with the lead and the odd 各镇街
    const others = sample(planUnits.filter((u) => u !== lead), nOthers).map((unit, i) => ({ unit, role: i < 2 ? 'responsible' : 'cooperating' }));
    const t: Task = { id: ++taskId, plan: p, lead, others, sectionId: sections[Math.floor((k * sections.length) / shape.tasksPerPlan)] };
    allTasks.push(t);
    const ttl = `${pick(VERBS)}${pick(OBJECTS)}`;
    const text = `${ttl}。${sentence(int(3, 6))}`;
    const deadline = chance(0.6) ? `${y0 + int(0, 4)}-${pad(int(1, 12))}` : null;
    taskRows.push([t.id, p.id, t.sectionId, null, ttl, text, [], deadline, 1, k, searchTokens(`${ttl} ${text}`), p.createdAt, p.createdAt]);
    let pos = 0;
    taskUnitRows.push([++taskUnitId, t.id, lead.id, 'lead', lead.name, 'unit', pos++]);
    for (const o of others) taskUnitRows.push([++taskUnitId, t.id, o.unit.id, o.role, o.unit.name, 'unit', pos++]);
    if (p.towns && chance(0.01)) taskUnitRows.push([++taskUnitId, t.id, null, 'responsible', '各镇街', 'all_towns', pos]);
  }
  // indicators: 20 per plan, a third split to 2–4 units
  for (let k = 0; k < 20; k++) {
    const id = ++indicatorId;
    const base = int(20, 80);
    indicatorRows.push([id, p.id, `${pick(OBJECTS)}完成率`, '%', chance(0.3) ? 'binding' : 'expected', 'level', 'higher_better', y0 - 1, base, y0 + 4, base + int(5, 20), '>=', k]);
    const owners = sample(planUnits, chance(0.33) ? int(2, 4) : 1);
    for (const o of owners) indicatorUnitRows.push([++indicatorUnitId, id, o.id, owners.length > 1 ? int(10, 40) : null, null]);
    for (let yy = y0; yy <= Number(today.slice(0, 4)); yy++) {
      if (yy === Number(today.slice(0, 4)) && chance(0.5)) continue;
      for (const o of owners.length > 1 ? owners : [null]) indicatorValueRows.push([++indicatorValueId, id, o?.id ?? null, `${yy}-06-30`, base + int(0, 15)]);
    }
  }
}
await copyAll('plans', ['id', 'title', 'region_id', 'level', 'type', 'period_start', 'period_end', 'status', 'published', 'settings', 'search_text', 'created_at', 'updated_at'], planRows);
await copyAll('outline_nodes', ['id', 'plan_id', 'parent_id', 'level', 'kind', 'marker', 'title', 'position'], outlineRows);
await copyAll('report_periods', ['id', 'plan_id', 'key', 'label', 'start', '"end"', 'due_date', 'opens_on', 'locks_on'], periodRows);
await copyAll('indicators', ['id', 'plan_id', 'name', 'unit', 'attribute', 'kind', 'direction', 'baseline_year', 'baseline_value', 'target_year', 'target_value', 'comparator', 'position'], indicatorRows);
await copyAll('indicator_units', ['id', 'indicator_id', 'unit_id', 'share', 'weight'], indicatorUnitRows);
await copyAll('indicator_values', ['id', 'indicator_id', 'unit_id', 'date', 'value'], indicatorValueRows);
log(`${plans.length} plans, ${outlineRows.length} outline nodes, ${periodRows.length} periods, ${indicatorRows.length} indicators`);
const taskCols = ['id', 'plan_id', 'outline_node_id', 'parent_task_id', 'title', 'text', 'leaders', 'deadline', 'weight', 'position', 'search_text', 'created_at', 'updated_at'];
await copyAll('tasks', taskCols, taskRows);
await copyAll('task_units', ['id', 'task_id', 'unit_id', 'role', 'raw', 'scope', 'position'], taskUnitRows);
log(`${taskRows.length} tasks, ${taskUnitRows.length} task-unit links`);
// tasks' progress and reported status are set after the reports (the last accepted one), as acceptance leaves them
const lastAccepted = new Map<number, { progress: number; status: string }>();

// reports, contributions, audit rows: streamed, plan by plan
const [cR, cC, cA] = await Promise.all([connect(), connect(), connect()]);
const reportsCp = await new Copier(cR, 'reports', ['id', 'plan_id', 'task_id', 'period_id', 'unit_id', 'status', 'reported_status', 'progress', 'progress_text', 'problems', 'next_steps', 'return_reason', 'submissions', 'returns', 'submitted_at', 'submitted_by', 'reviewed_at', 'reviewed_by', 'created_by', 'created_at', 'updated_at']).start();
const contribCp = await new Copier(cC, 'report_contributions', ['id', 'task_id', 'period_id', 'unit_id', 'text', 'created_by', 'updated_at']).start();
const auditCp = await new Copier(cA, 'audit_events', ['id', 'at', 'actor_user_id', 'actor_name', 'action', 'entity_type', 'entity_id', 'plan_id', 'before', 'after', 'ip']).start();
let reportId = 0;
let contribId = 0;
let auditId = 0;
let noticeId = 0;
const noticeRows: unknown[][] = [];
const at = (day: string, hour: number) => new Date(`${day}T${pad(hour)}:${pad(int(0, 59))}:00+08:00`);
const addDaysIso = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
for (const p of plans) {
  const office = officeOf.get(p.regionId)!;
  await auditCp.row([++auditId, p.createdAt, office, '规划办', 'plan.create', 'plan', p.id, p.id, null, { status: 'active' }, '10.0.0.1']);
  const open = p.periods.filter((per) => per.opensOn <= today && per.dueDate >= today);
  const due = p.periods.filter((per) => per.dueDate < today);
  const planTasks = allTasks.filter((x) => x.plan === p);
  for (const t of planTasks) {
    const reporter = reporterOf.get(t.lead.id)!;
    const behind = chance(0.12); // a task that falls behind
    let progress = 0;
    let completed = false;
    const n = due.length + open.length;
    for (let i = 0; i < n; i++) {
      if (completed) break; // no reports after 已完成 was accepted
      const per = i < due.length ? due[i] : open[i - due.length];
      const isOpen = i >= due.length;
      if (!isOpen && chance(0.05)) continue; // missing
      if (isOpen && chance(0.6)) continue; // not yet written
      progress = Math.min(100, progress + (behind ? int(0, 4) : int(2, 7)));
      const reportedStatus = progress >= 100 ? '已完成' : behind && chance(0.5) ? '滞后' : '推进中';
      const late = chance(0.08);
      const submittedDay = late ? addDaysIso(per.dueDate, int(1, 4)) : addDaysIso(per.dueDate, -int(0, 10));
      const returned = !isOpen && chance(0.03);
      const status = isOpen ? (chance(0.3) ? 'draft' : 'submitted') : chance(0.06) && i >= due.length - 2 ? 'submitted' : returned && chance(0.3) ? 'returned' : 'accepted';
      const submittedAt = status === 'draft' ? null : at(submittedDay, int(9, 20));
      const reviewedAt = status === 'accepted' || status === 'returned' ? at(addDaysIso(submittedDay, int(1, 5)), int(9, 18)) : null;
      const id = ++reportId;
      await reportsCp.row([id, p.id, t.id, per.id, t.lead.id, status, reportedStatus, progress, `${per.label}:${sentence(int(3, 6))}`, pick(PROBLEMS), pick(NEXT),
        status === 'returned' ? '请补充佐证材料' : null, status === 'draft' ? 0 : returned ? 2 : 1, returned ? 1 : 0, submittedAt, status === 'draft' ? null : reporter,
        reviewedAt, reviewedAt ? office : null, reporter, submittedAt ?? at(per.opensOn, 10), reviewedAt ?? submittedAt ?? at(per.opensOn, 10)]);
      if (status === 'accepted') {
        lastAccepted.set(t.id, { progress, status: reportedStatus });
        if (reportedStatus === '已完成') completed = true;
      }
      // responsible and cooperating units write their part most periods
      for (const o of t.others) if (chance(0.47)) await contribCp.row([++contribId, t.id, per.id, o.unit.id, `${o.unit.name}:${sentence(int(1, 3))}`, reporterOf.get(o.unit.id)!, submittedAt ?? at(per.opensOn, 11)]);
      if (submittedAt) await auditCp.row([++auditId, submittedAt, reporter, '填报员', 'report.submit', 'report', id, p.id, null, { status: 'submitted', progress }, '10.0.0.2']);
    }
  }
  // 督办: a few notices per plan, most fed back
  for (let k = 0; k < 12; k++) {
    const t = pick(planTasks);
    const deadline = addDaysIso(today, -int(-20, 300));
    const id = ++noticeId;
    const fed = chance(0.7) && deadline < today ? at(addDaysIso(deadline, int(-6, 2)), 15) : null;
    noticeRows.push([id, p.id, t.lead.id, t.id, 'red_task', 'manual', `关于${pick(OBJECTS)}进度滞后的督办`, '请于期限内整改并反馈', 'blue', fed ? 'fed_back' : 'issued', deadline, fed ? '已整改' : null, fed, office, at(addDaysIso(deadline, -10), 9)]);
    if (fed) await auditCp.row([++auditId, fed, reporterOf.get(t.lead.id)!, '填报员', 'notice.feedback', 'notice', id, p.id, null, { status: 'fed_back' }, '10.0.0.2']);
  }
  if (p.id % 10 === 0) log(`plan ${p.id}/${plans.length}: ${reportsCp.rows} reports, ${contribCp.rows} contributions, ${auditCp.rows} audit rows`);
}
await Promise.all([reportsCp.end(), contribCp.end(), auditCp.end()]);
await cR.end();
await cC.end();
await cA.end();
await copyAll('notices', ['id', 'plan_id', 'unit_id', 'task_id', 'kind', 'origin', 'title', 'requirement', 'level', 'status', 'response_deadline', 'feedback', 'fed_back_at', 'issued_by', 'issued_at'], noticeRows);
log(`${reportsCp.rows} reports, ${contribCp.rows} contributions, ${auditCp.rows} audit rows, ${noticeRows.length} notices`);

{
  const c = await connect();
  await c.query('create temp table accepted (id int primary key, progress float8, reported_status text)');
  const cp = await new Copier(c, 'accepted', ['id', 'progress', 'reported_status']).start();
  for (const [id, a] of lastAccepted) await cp.row([id, a.progress, a.status]);
  await cp.end();
  await c.query('update tasks t set progress = a.progress, reported_status = a.reported_status from accepted a where a.id = t.id');
  // serial columns go on after the ids given here
  for (const [table, n] of Object.entries({ regions: regionId, units: unitId, users: userId, plans: planNo, outline_nodes: outlineId, report_periods: periodId, tasks: taskId, task_units: taskUnitId, indicators: indicatorId, indicator_units: indicatorUnitId, indicator_values: indicatorValueId, reports: reportId, report_contributions: contribId, audit_events: auditId, notices: noticeId }))
    await c.query(`select setval(pg_get_serial_sequence('${table}', 'id'), ${Math.max(1, n)})`);
  log('vacuum analyze …');
  await c.query('vacuum analyze');
  const { rows } = await c.query(`select pg_size_pretty(pg_database_size(current_database())) as size`);
  log(`done: ${rows[0].size}`);
  await c.end();
}
