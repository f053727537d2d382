// Confirm a reviewed import: every unit mention must resolve to a registry unit (or be created
// now, explicitly); then the plan, its outline, tasks, indicators, targets and projects are written.
import { eq } from 'drizzle-orm';
import { AppError } from '../../shared/errors.js';
import { uniqueBy } from '../../shared/input.js';
import type { ParsedPlan, ParsedUnit } from '../../shared/parsedPlan.js';
import { documents, imports, indicators, outlineNodes, plans, projects, targets, taskUnits, tasks } from '../db/schema/index.js';
import { projectSearchText } from '../domain/projectStatus.js';
import { writeAudit } from '../audit.js';
import { planSearchText, searchTokens } from '../search.js';
import { unitMatcher } from '../queries/units.js';
import { unresolvedUnits } from '../queries/imports.js';
import { createUnit } from './createUnit.js';
import type { OpContext } from './context.js';

export interface ConfirmInput {
  createUnits: string[];
  status: 'draft' | 'active' | 'archived';
}

export async function confirmImport({ db, actor }: OpContext, importId: number, input: ConfirmInput) {
  return db.transaction(async (tx) => {
    const [imp] = await tx.select().from(imports).where(eq(imports.id, importId)).for('update');
    if (!imp) throw new AppError('NOT_FOUND');
    if (imp.status !== 'review') throw new AppError('IMPORT_NOT_PENDING_REVIEW');
    const parsed = imp.parsed as ParsedPlan;
    // an import whose text never names its region belongs to the office that confirms it
    const regionId = imp.regionId ?? actor.regionIds[0] ?? null;
    if (!regionId && input.createUnits.length) throw new AppError('VALIDATION_FAILED', { regionId: '无法确定规划所属区划,不能新建单位' });

    const mapped = { ...imp.unitMappings };
    const wanted = new Set(input.createUnits);
    for (const { name } of unresolvedUnits(parsed, await unitMatcher(tx, regionId), mapped)) {
      if (mapped[name] || !wanted.has(name) || !regionId) continue;
      const unit = await createUnit(tx, actor, { name, regionId, kind: /镇|街道/.test(name) ? 'town' : 'department' });
      mapped[name] = unit.id;
    }
    const match = await unitMatcher(tx, regionId);
    const resolve = (u: ParsedUnit): number | null => (u.scope !== 'unit' ? null : (mapped[u.name] ?? match(u.name)));
    const unresolved = [...new Set(parsed.tasks.flatMap((t) => [...t.lead, ...t.responsible, ...t.cooperating]).filter((u) => u.scope === 'unit' && !resolve(u)).map((u) => u.name))];
    if (unresolved.length) throw new AppError('IMPORT_UNMAPPED_UNITS', { names: unresolved });

    const m = parsed.meta;
    const [doc] = imp.documentId ? await tx.select({ text: documents.text }).from(documents).where(eq(documents.id, imp.documentId)) : [];
    const [plan] = await tx
      .insert(plans)
      .values({
        title: m.title,
        regionId,

        level: m.level,
        type: m.type,
        periodStart: m.periodStart,
        periodEnd: m.periodEnd,
        status: input.status,
        documentId: imp.documentId,
        notes: parsed.notes.map((n) => ({ code: n.code, text: n.text, start: n.source.start, end: n.source.end })),
        searchText: planSearchText(m.title, doc?.text),
      })
      .returning();

    const outlineIds = new Map<string, number>();
    for (const [i, n] of parsed.outline.entries()) {
      const [row] = await tx
        .insert(outlineNodes)
        .values({ planId: plan.id, parentId: n.parentId ? (outlineIds.get(n.parentId) ?? null) : null, level: n.level, kind: n.kind, marker: n.marker, title: n.title, position: i, sourceStart: n.source.start, sourceEnd: n.source.end })
        .returning({ id: outlineNodes.id });
      outlineIds.set(n.id, row.id);
    }
    const node = (id: string | null) => (id ? (outlineIds.get(id) ?? null) : null);

    for (const [i, t] of parsed.tasks.entries()) {
      const [row] = await tx
        .insert(tasks)
        .values({ planId: plan.id, outlineNodeId: node(t.outlineId), title: t.title, text: t.text, leaders: t.leaders, deadline: t.deadline, deadlineText: t.deadlineText, position: i, sourceStart: t.source.start, sourceEnd: t.source.end, searchText: searchTokens(`${t.title} ${t.text}`) })
        .returning({ id: tasks.id });
      // each unit once per role, as a task saved through the API (a document naming one unit over and over
      // would otherwise store every copy, and every copy is a row of each export: issue #10, finding 7)
      const unitRows = (['lead', 'responsible', 'cooperating'] as const).flatMap((role) =>
        uniqueBy((u: ParsedUnit) => resolve(u) ?? `${u.scope}:${u.name}`)(t[role]).map((u, pos) => ({ taskId: row.id, unitId: resolve(u), role, raw: u.raw, scope: u.scope, position: pos })),
      );
      if (unitRows.length) await tx.insert(taskUnits).values(unitRows);
    }
    if (parsed.indicators.length)
      await tx.insert(indicators).values(
        parsed.indicators.map((ind, i) => {
          const target = ind.targets[ind.targets.length - 1];
          return {
            planId: plan.id, name: ind.name, unit: ind.unit, attribute: ind.attribute, kind: target?.kind ?? 'level', category: ind.category, tableName: ind.table,
            direction: /下降|降低|减少|能耗|排放|失业率|死亡率|PM2\.5|≤|</.test(`${ind.name}${target?.text ?? ''}`) || target?.comparator === '<=' || target?.comparator === '<' ? 'lower_better' : 'higher_better',
            baselineYear: ind.baseline?.year ?? null, baselineValue: ind.baseline?.value ?? null, baselineText: ind.baseline?.text ?? null,
            targetYear: target?.year ?? null, targetValue: target?.value ?? null, targetValueMax: target?.valueMax ?? null, comparator: target?.comparator ?? '=', targetText: target?.text ?? null, targets: ind.targets,
            actualText: ind.actual?.text ?? null, note: ind.note, position: i, sourceStart: ind.source.start, sourceEnd: ind.source.end,
          };
        }),
      );
    if (parsed.targets.length)
      await tx.insert(targets).values(
        parsed.targets.map((t) => ({ planId: plan.id, outlineNodeId: node(t.outlineId), subject: t.subject, value: t.value, valueMax: t.valueMax, unit: t.unit, comparator: t.comparator, year: t.year, recurring: t.recurring, decrease: t.decrease, quote: t.quote, sourceStart: t.source.start, sourceEnd: t.source.end })),
      );
    if (parsed.projects.length)
      await tx.insert(projects).values(
        parsed.projects.map((p, i) => ({ planId: plan.id, outlineNodeId: node(p.outlineId), kind: p.kind, column: p.column, group: p.group, name: p.name, text: p.text, position: i, sourceStart: p.source.start, sourceEnd: p.source.end, regionId: plan.regionId, origin: 'import', searchText: projectSearchText({ name: p.name, text: p.text, column: p.column }) })),
      );

    await tx.update(imports).set({ status: 'confirmed', planId: plan.id, regionId, unitMappings: mapped, updatedAt: new Date() }).where(eq(imports.id, importId));
    await writeAudit(tx, actor, { action: 'import.confirm', entityType: 'import', entityId: importId, planId: plan.id, after: { planId: plan.id } });
    await writeAudit(tx, actor, {
      action: 'plan.create', entityType: 'plan', entityId: plan.id, planId: plan.id,
      after: { title: plan.title, tasks: parsed.tasks.length, indicators: parsed.indicators.length, targets: parsed.targets.length, projects: parsed.projects.length, fromImport: importId },
    });
    return plan;
  });
}
