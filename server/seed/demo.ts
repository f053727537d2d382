// Demo data: the registry, demo accounts, and the five corpus documents imported and confirmed.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { plans, regions, tasks, units, users } from '../db/schema/index.js';
import { systemActor } from '../policy.js';
import { seedRegistry } from './seedRegistry.js';
import { addUser } from '../operations/addUser.js';
import { importPlan } from '../operations/importPlan.js';
import { confirmImport } from '../operations/confirmImport.js';
import { previewPublicPlan, publishPlan } from '../operations/publishPlan.js';
import { updatePlan } from '../operations/updatePlan.js';
import { getImportJob } from '../queries/imports.js';
import { actorForUser } from '../auth/sessions.js';
import type { Role } from '../../shared/roles.js';
import { repoRoot } from '../paths.js';
import { takeUpTask } from '../operations/takeUpTask.js';
import { todayInShanghai } from '../domain/dates.js';
import { markNotApplicable } from '../operations/markNotApplicable.js';
import { demoCheckup } from './demoCheckup.js';
import { demoProjects } from './demoProjects.js';

export const corpusDir = () => process.env.LUOSHI_CORPUS ?? path.resolve(repoRoot, '../shared/corpus');
export const DEMO_PASSWORD = 'luoshi2026';

export interface DemoAccount {
  username: string;
  displayName: string;
  roles: Role[];
  region: string;
  unit?: string;
}

export const demoAccounts: DemoAccount[] = [
  { username: 'admin', displayName: '系统管理员', roles: ['admin'], region: '重庆市' },
  { username: 'yc_office', displayName: '永川区城市更新办 王敏', roles: ['office'], region: '永川区' },
  { username: 'yc_leader', displayName: '永川区 分管领导', roles: ['leader'], region: '永川区' },
  { username: 'yc_jw', displayName: '区住房城乡建委 填报员 李强', roles: ['unit_reporter'], region: '永川区', unit: '区住房城乡建委' },
  { username: 'yc_jw_head', displayName: '区住房城乡建委 负责人 张华', roles: ['unit_head'], region: '永川区', unit: '区住房城乡建委' },
  { username: 'yc_fgw', displayName: '区发展改革委 填报员 陈静', roles: ['unit_reporter'], region: '永川区', unit: '区发展改革委' },
  { username: 'yc_town', displayName: '青峰镇 填报员 刘洋', roles: ['unit_reporter'], region: '永川区', unit: '青峰镇' },
  // owner units of 004's 专栏 projects (issue #14): they report their projects' monthly investment
  { username: 'yc_sl', displayName: '区水利局 填报员 陈静', roles: ['unit_reporter'], region: '永川区', unit: '区水利局' },
  { username: 'yc_jt', displayName: '区交通局 填报员 周鹏', roles: ['unit_reporter'], region: '永川区', unit: '区交通局' },
  { username: 'tl_office', displayName: '铜梁区城市更新办', roles: ['office'], region: '铜梁区' },
  { username: 'bs_office', displayName: '璧山区规划办', roles: ['office'], region: '璧山区' },
  { username: 'cq_office', displayName: '重庆市规划办', roles: ['office'], region: '重庆市' },
  // the city leader (issue #13): reads every district's take-up of the city's scheme, sets nothing
  { username: 'cq_leader', displayName: '重庆市 分管领导', roles: ['leader'], region: '重庆市' },
  { username: 'evaluator', displayName: '第三方评估 赵磊', roles: ['evaluator'], region: '重庆市' },
];

/** Which demo office imports which corpus document. */
const importerOf: Record<string, string> = { '000': 'yc_office', '001': 'tl_office', '002': 'cq_office', '003': 'bs_office', '004': 'yc_office' };

export async function seedDemo(db: Db, log: (s: string) => void = () => {}) {
  const reg = await seedRegistry(db, systemActor);
  log(`单位库:新增 ${reg.regions} 个区划、${reg.units} 个单位`);
  for (const a of demoAccounts) {
    const [exists] = await db.select({ id: users.id }).from(users).where(eq(users.username, a.username));
    if (exists) continue;
    const [region] = await db.select().from(regions).where(eq(regions.name, a.region));
    const [unit] = a.unit ? await db.select().from(units).where(sql`${units.name} = ${a.unit} and ${units.regionId} = ${region.id}`) : [];
    // the published demo password is below the password rule: the demo seed is the one caller allowed to skip it
    await addUser(db, systemActor, { username: a.username, displayName: a.displayName, password: DEMO_PASSWORD, roles: a.roles, regionId: region?.id ?? null, unitId: unit?.id ?? null }, { internalDemoSeed: true });
  }
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(plans);
  if (n > 0) return;
  const dir = corpusDir();
  const planOf: Record<string, number> = {};
  if (!existsSync(dir)) throw new Error(`找不到语料目录 ${dir}(可用 LUOSHI_CORPUS 指定)`);
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
    const t0 = Date.now();
    // each office imports its own plan, as it would in practice; its region is the fallback when the text never names one
    const [office] = await db.select().from(users).where(eq(users.username, importerOf[f.slice(0, 3)] ?? 'admin'));
    const actor = office ? await actorForUser(db, office, null) : systemActor;
    const row = await importPlan({ db, actor }, { bytes: readFileSync(path.join(dir, f)), filename: f });
    const job = await getImportJob(db, row.id, false);
    // demo only: create every unit the registry lacks, explicitly and audited, so the plans can be confirmed
    const plan = await confirmImport({ db, actor }, row.id, { createUnits: job.unknownUnits.map((u) => u.name), status: 'active' });
    log(`导入 ${f} → 规划 #${plan.id}「${plan.title}」(${Date.now() - t0} ms)`);
    planOf[f.slice(0, 3)] = plan.id;
    const demoStep = demoSteps[f.slice(0, 3)];
    if (demoStep) {
      const { publish, ...patch } = demoStep.patch;
      if (Object.keys(patch).length) await updatePlan({ db, actor }, plan.id, patch);
      if (publish) {
        // published as an office does it: the preview first, then that preview confirmed
        const today = todayInShanghai(new Date());
        const preview = await previewPublicPlan(db, actor, plan.id, today);
        await publishPlan({ db, actor }, plan.id, { publish: true, fingerprint: preview.fingerprint }, today);
      }
      log(`  演示设置:${demoStep.note}`);
    }
  }
  await demoTakeUp(db, planOf, log);
  await demoCheckup(db, planOf['000'], log);
  await demoProjects(db, planOf['004'], log);
}

/** Character pairs of a text: a rough likeness of two task titles, to pick the district task a demo link goes to. */
const pairs = (s: string) => new Set(Array.from({ length: Math.max(0, s.length - 1) }, (_, i) => s.slice(i, i + 2)));
function likeness(a: string, b: string) {
  const pa = pairs(a);
  let n = 0;
  for (const p of pairs(b)) if (pa.has(p)) n++;
  return n;
}

/**
 * Issue #13: the municipal scheme (002) says every district carries out its tasks. 永川's office takes up its first
 * tasks through its own operations (audited): linked to the likeliest tasks of its 城市更新 plan (000), one also to a
 * task of its outline (004), whose period has ended, so that link is overdue (lagging); one task is 不适用. 铜梁's
 * office takes up the first task too, and 璧山's three (two more 不适用, with reasons), so the city's matrix has three
 * districts to compare.
 */
async function demoTakeUp(db: Db, planOf: Record<string, number>, log: (s: string) => void) {
  if (!planOf['002']) return;
  // top-level tasks of these plans, and only of plans issued by `regionId` (a district links its own tasks only)
  const topTasks = (planIds: number[], regionId?: number) =>
    planIds.length
      ? db.select({ id: tasks.id, title: tasks.title, planId: tasks.planId }).from(tasks).innerJoin(plans, eq(plans.id, tasks.planId))
          .where(and(inArray(tasks.planId, planIds), isNull(tasks.parentTaskId), regionId === undefined ? undefined : eq(plans.regionId, regionId)))
          .orderBy(asc(tasks.position), asc(tasks.id))
      : Promise.resolve([]);
  const upper = await topTasks([planOf['002']]);
  if (upper.length < 4) return;
  const best = (title: string, among: { id: number; title: string }[]) => among.reduce((a, b) => (likeness(title, b.title) > likeness(title, a.title) ? b : a));
  const actorOf = async (username: string) => {
    const [u] = await db.select().from(users).where(eq(users.username, username));
    return u ? actorForUser(db, u, null) : null;
  };
  const yc = await actorOf('yc_office');
  const ycPlan = yc ? await topTasks([planOf['000']].filter(Boolean), yc.regionIds[0]) : [];
  const ycOutline = yc ? await topTasks([planOf['004']].filter(Boolean), yc.regionIds[0]) : [];
  if (yc && ycPlan.length && ycOutline.length) {
    for (const [i, u] of upper.slice(0, 4).entries()) {
      if (i === 2) {
        await markNotApplicable({ db, actor: yc }, u.id, { reason: '该项任务由市级部门统筹实施,永川区无对应建设内容' });
        continue;
      }
      const ids = [best(u.title, ycPlan).id];
      if (i === 1) ids.push(best(u.title, ycOutline).id);
      await takeUpTask({ db, actor: yc }, u.id, { taskIds: [...new Set(ids)] });
    }
    log('  区县落实:永川区落实市级方案前 4 项任务(其中 1 项不适用、1 项关联的纲要任务已逾期)');
  }
  const tl = await actorOf('tl_office');
  const tlPlan = tl ? await topTasks([planOf['001']].filter(Boolean), tl.regionIds[0]) : [];
  if (tl && tlPlan.length) {
    await takeUpTask({ db, actor: tl }, upper[0].id, { taskIds: [best(upper[0].title, tlPlan).id] });
    log('  区县落实:铜梁区落实市级方案第 1 项任务');
  }
  // 璧山's office takes up three tasks with the likeliest tasks of its own plan (003) and says why two do not apply
  const bs = await actorOf('bs_office');
  const bsPlan = bs ? await topTasks([planOf['003']].filter(Boolean), bs.regionIds[0]) : [];
  if (bs && bsPlan.length && upper.length >= 6) {
    for (const u of [upper[0], upper[1], upper[3]]) await takeUpTask({ db, actor: bs }, u.id, { taskIds: [best(u.title, bsPlan).id] });
    await markNotApplicable({ db, actor: bs }, upper[4].id, { reason: '璧山区该项工作已纳入成渝地区双城经济圈共建项目,由市级部门统一推进' });
    await markNotApplicable({ db, actor: bs }, upper[5].id, { reason: '璧山区无对应的存量片区,本轮不实施' });
    log('  区县落实:璧山区落实市级方案 3 项任务,2 项说明不适用');
  }
}

/**
 * The corpus plans ran 2021–2025, so today every reporting period of them is closed. To show monthly
 * reporting the demo extends one action plan (as offices do when work carries over) and publishes the
 * outline on the public page; both through the office's own operation, so both are in the audit trail.
 */
const demoSteps: Record<string, { patch: { title?: string; periodEnd?: number; publish?: boolean }; note: string }> = {
  '000': { patch: { periodEnd: 2027 }, note: '实施期延至 2027 年,以便演示按月报送' },
  // the OCR'd preview lost its title page; an office types the title in, as it would at review
  '001': { patch: { title: '铜梁区城市更新提升行动计划' }, note: '原文为缺标题页的 OCR 预览,补录标题' },
  '004': { patch: { publish: true }, note: '预览后在公开页面发布' },
};
