// An office imports a project list from the Excel it already keeps. The file is read (projectTable.ts), every row
// checked (name, sums as numbers, dates, owner unit known in the office's region, place, duplicates) and the rows
// with their errors returned; nothing is saved while any row has an error. With `confirm` and no errors, every row
// becomes a project (createProject's insertProject, origin 'excel') in one transaction, each audited.
import { and, inArray, sql } from 'drizzle-orm';
import { AppError } from '../../shared/errors.js';
import { createProjectBodySchema, PROJECT_PHASE_LABELS, type ProjectImportPreview, type ProjectPhase } from '../../shared/projects.js';
import { projects, regions, units } from '../db/schema/index.js';
import type { DbOrTx } from '../db/client.js';
import { requireOwnRegion } from '../access.js';
import { now } from '../clock.js';
import { lastOfMonth } from '../domain/dates.js';
import { readProjectSheet, type ProjectField, type ProjectSheet } from '../reports/xlsx/projectTable.js';
import { insertProject } from './createProject.js';
import type { OpContext } from './context.js';

/** "2024年3月", "2024.3", "2024-03-15", "2024/3/1", "2024年" → YYYY-MM-DD (month-only: first day, or last day for an end). */
export function parseSheetDate(text: string, end: boolean): string | null | 'invalid' {
  const t = text.replace(/\s+/g, '');
  if (!t) return null;
  let m = /^(\d{4})[年.\-/](\d{1,2})[月.\-/](\d{1,2})日?$/.exec(t);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return 'invalid';
    return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  m = /^(\d{4})[年.\-/](\d{1,2})月?(?:底|末|初)?$/.exec(t);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (mo < 1 || mo > 12) return 'invalid';
    return end ? lastOfMonth(y, mo) : `${y}-${String(mo).padStart(2, '0')}-01`;
  }
  m = /^(\d{4})年?(?:底|末)?$/.exec(t);
  if (m) return end ? `${m[1]}-12-31` : `${m[1]}-01-01`;
  return 'invalid';
}

/** "12,000" / "1.2亿元" / "3500万元" → 万元; '' → null; words → 'invalid' */
export function parseSheetMoney(text: string, scale = 1): number | null | 'invalid' {
  const t = text.replace(/[,，\s]/g, '');
  if (!t || t === '-' || t === '—' || t === '/') return null;
  const m = /^(\d+(?:\.\d+)?)(亿元|亿|万元|万)?$/.exec(t);
  if (!m) return 'invalid';
  const v = Number(m[1]) * (m[2]?.startsWith('亿') ? 10000 : m[2] ? 1 : scale);
  return Math.round(v * 100) / 100;
}

const phaseByLabel = new Map<string, ProjectPhase>(Object.entries(PROJECT_PHASE_LABELS).map(([k, v]) => [v, k as ProjectPhase]));
phaseByLabel.set('储备', 'planning').set('谋划', 'planning').set('前期工作', 'preparation').set('新开工', 'construction').set('续建', 'construction').set('建设中', 'construction');

async function regionTree(db: DbOrTx, regionId: number) {
  const res = await db.execute(sql`with recursive down(id) as (select ${regionId}::int union select r.id from regions r join down on r.parent_id = down.id) select id from down`);
  return (res as unknown as { rows: { id: number }[] }).rows.map((r) => r.id);
}

export interface ImportProjectsInput {
  bytes: Uint8Array;
  regionId: number | null;
  year?: number;
  confirm: boolean;
}

export async function importProjects({ db, actor }: OpContext, input: ImportProjectsInput): Promise<ProjectImportPreview> {
  const regionId = input.regionId ?? actor.regionIds[0] ?? null;
  if (regionId === null) throw new AppError('VALIDATION_FAILED', [{ path: ['regionId'], message: '请选择项目所在区域' }]);
  requireOwnRegion(actor, regionId);
  const sheet: ProjectSheet = await readProjectSheet(input.bytes);
  const tree = await regionTree(db, regionId);
  const unitRows = await db.select({ id: units.id, name: units.name, aliases: units.aliases }).from(units).where(inArray(units.regionId, tree));
  const unitByName = new Map<string, number>();
  for (const u of unitRows) for (const n of [u.name, ...u.aliases]) unitByName.set(n.replace(/\s+/g, ''), u.id);
  const regionRows = await db.select({ id: regions.id, name: regions.name }).from(regions).where(inArray(regions.id, tree));
  const existing = new Set((await db.select({ name: projects.name }).from(projects).where(and(inArray(projects.regionId, tree), sql`${projects.planId} is null`))).map((p) => p.name));
  const year = input.year ?? Number(now().toISOString().slice(0, 4));
  const colOf = (f: ProjectField) => Object.entries(sheet.columns).find(([, v]) => v === f)?.[0];
  const seen = new Map<string, number>();
  const parsed: { rowNumber: number; name: string; values: Record<string, string>; errors: string[]; body: unknown }[] = [];
  for (const r of sheet.rows) {
    const get = (f: ProjectField) => {
      const c = colOf(f);
      return c === undefined ? '' : (r.cells[Number(c)] ?? '').trim();
    };
    const scaleOf = (f: ProjectField) => sheet.scale[Number(colOf(f))] ?? 1;
    const errors: string[] = [];
    const values: Record<string, string> = {};
    for (const [c, f] of Object.entries(sheet.columns)) if (f !== 'ignore' && f !== 'seq') values[f] = (r.cells[Number(c)] ?? '').trim();
    const name = get('name');
    if (name.length < 2) errors.push('缺少项目名称');
    if (name && seen.has(name)) errors.push(`与第${seen.get(name)}行项目名称重复`);
    else if (name) seen.set(name, r.rowNumber);
    if (name && existing.has(name)) errors.push('项目库中已有同名项目');
    const money = (f: ProjectField, label: string) => {
      const v = parseSheetMoney(get(f), scaleOf(f));
      if (v === 'invalid') {
        errors.push(`${label}“${get(f)}”不是数字`);
        return null;
      }
      return v;
    };
    const total = money('total', '总投资');
    const annual = money('annual', '年度计划投资');
    if (total !== null && annual !== null && annual > total) errors.push(`年度计划投资${annual}万元超过总投资${total}万元`);
    const date = (f: ProjectField, label: string, end: boolean) => {
      const v = parseSheetDate(get(f), end);
      if (v === 'invalid') {
        errors.push(`${label}“${get(f)}”不是可识别的日期(如 2024年3月、2024-03-15)`);
        return null;
      }
      return v;
    };
    let start = date('start', '开工时间', false);
    let finish = date('finish', '竣工时间', true);
    const span = /^(\d{4})\s*[-—~至到]+\s*(\d{4})年?$/.exec(get('span').replace(/年(?=\s*[-—~至到])/, ''));
    if (get('span') && !span) errors.push(`建设起止年限“${get('span')}”应写作 2024-2026`);
    if (span) {
      start ??= `${span[1]}-01-01`;
      finish ??= `${span[2]}-12-31`;
    }
    if (start && finish && start > finish) errors.push('竣工时间早于开工时间');
    const ownerName = get('owner').replace(/\s+/g, '');
    const ownerUnitId = ownerName ? (unitByName.get(ownerName) ?? null) : null;
    if (ownerName && ownerUnitId === null) errors.push(`业主单位“${get('owner')}”不在本区域单位库中,请先在单位管理中新建或改为库中名称`);
    let placeId = regionId;
    const place = get('region');
    if (place) {
      const hit = regionRows.find((x) => x.name === place || x.name.replace(/(镇|街道|区|县)$/, '') === place.replace(/(镇|街道|区|县)$/, ''));
      if (!hit) errors.push(`所在区县/镇街“${place}”不在本区域内`);
      else placeId = hit.id;
    }
    const phaseText = get('phase');
    const phase = phaseText ? phaseByLabel.get(phaseText) : 'planning';
    if (!phase) errors.push(`项目阶段“${phaseText}”应为 谋划储备、前期、年度计划、在建 之一`);
    else if (phase === 'completed' || phase === 'terminated') errors.push(`已${phaseText}的项目不导入项目库`);
    const body = {
      name, text: get('text'), location: get('location') || null, regionId: placeId, ownerUnitId, category: get('category') || null,
      totalInvestment: total, startDate: start, finishDate: finish, phase: phase && phase !== 'completed' && phase !== 'terminated' ? phase : 'planning',
      list: phase === 'scheduled' || phase === 'construction' ? 'annual' : 'reserve', year, annualPlans: annual !== null ? [{ year, plannedInvestment: annual }] : [], origin: 'excel',
    };
    const check = createProjectBodySchema.safeParse(body);
    if (!errors.length && !check.success) errors.push(...check.error.issues.map((i) => i.message));
    parsed.push({ rowNumber: r.rowNumber, name, values, errors, body: check.success ? check.data : body });
  }
  const errorCount = parsed.reduce((n, r) => n + r.errors.length, 0);
  const preview: ProjectImportPreview = {
    sheetName: sheet.sheetName, headerRow: sheet.headerRow, headers: sheet.headers,
    columns: Object.fromEntries(Object.entries(sheet.columns).map(([k, v]) => [k, v])),
    rows: parsed.map(({ body: _b, ...r }) => r), errorCount, saved: 0, projectIds: [],
  };
  if (!input.confirm) return preview;
  if (errorCount) throw new AppError('PROJECT_IMPORT_ROWS', { rows: preview.rows.filter((r) => r.errors.length).map((r) => ({ rowNumber: r.rowNumber, errors: r.errors })) });
  if (!parsed.length) throw new AppError('IMPORT_EMPTY');
  const ids = await db.transaction(async (tx) => {
    const out: number[] = [];
    for (const r of parsed) out.push((await insertProject(tx, actor, r.body as ReturnType<typeof createProjectBodySchema.parse>)).id);
    return out;
  });
  return { ...preview, saved: ids.length, projectIds: ids };
}

