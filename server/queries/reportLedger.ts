// The ledger Excel of a unit's report grid: the rows to download (prefilled), and what an uploaded ledger would
// save, row by row, with every error found before anything is saved. Saving is the grid's (operations/saveReports).
import { reportBodySchema } from '../../shared/reporting.js';
import type { LedgerPreview, LedgerRow, ReportGrid } from '../../shared/bulk.js';
import { reportedTaskStatusSchema } from '../domain/status.js';
import type { LedgerOutRow, LedgerSheet } from '../reports/xlsx/reportLedger.js';

const norm = (s: string) => s.normalize('NFKC').replace(/[\s\u3000]+/g, '').replace(/^[\d一二三四五六七八九十]+[、.．]\s*/, '');

export function ledgerRows(grid: ReportGrid): LedgerOutRow[] {
  return grid.rows
    .filter((r) => r.editable)
    .map((r) => {
      const from = r.report ?? r.previous;
      return {
        plan: r.planTitle, task: r.taskTitle, period: r.period.label, taskId: r.taskId,
        reportedStatus: from?.reportedStatus ?? null, progress: from?.progress ?? null,
        progressText: from?.progressText ?? '', problems: from?.problems ?? '', nextSteps: from?.nextSteps ?? '',
      };
    });
}

function progressOf(cell: { text: string; number: number | null } | undefined): { value: number | null; error?: string } {
  if (!cell || !cell.text) return { value: null };
  if (cell.number !== null) return { value: cell.number };
  const m = /^(-?\d+(?:\.\d+)?)\s*[%%]?$/.exec(cell.text.replace(/\s+/g, ''));
  if (!m) return { value: null, error: `完成进度“${cell.text}”不是数字,请填写 0 到 100 之间的数字` };
  return { value: Number(m[1]) };
}

export function ledgerPreview(grid: ReportGrid, sheet: LedgerSheet): LedgerPreview {
  const rows: LedgerRow[] = [];
  const named = new Set<number>();
  const byTitle = new Map<string, ReportGrid['rows']>();
  for (const g of grid.rows) byTitle.set(norm(g.taskTitle), [...(byTitle.get(norm(g.taskTitle)) ?? []), g]);
  for (const r of sheet.rows) {
    const c = r.cells;
    const errors: string[] = [];
    const title = c.title?.text ?? '';
    // the task: by its number when the row keeps it, else by its title among the unit's due tasks
    let g: ReportGrid['rows'][number] | undefined;
    const idText = c.taskId?.text ?? '';
    if (idText) {
      g = grid.rows.find((x) => String(x.taskId) === idText.replace(/\.0+$/, ''));
      if (!g) errors.push(`任务编号 ${idText} 不是本单位本期应报的任务`);
    } else {
      const same = title ? (byTitle.get(norm(title)) ?? []) : [];
      const ofPlan = c.plan?.text ? same.filter((x) => norm(x.planTitle) === norm(c.plan!.text)) : same;
      if (ofPlan.length === 1) g = ofPlan[0];
      else if (!title) errors.push('本行没有任务名称或任务编号');
      else if (!same.length) errors.push(`任务“${title}”不是本单位本期应报的任务(请核对任务名称,或保留下载台账中的任务编号列)`);
      else errors.push(`任务“${title}”在多个规划中都有,请保留任务编号列或填写规划名称`);
    }
    if (g && named.has(g.taskId)) errors.push(`任务“${g.taskTitle}”在台账中出现了不止一次`);
    if (g && !g.editable) errors.push(g.period.state === 'locked' ? `${g.period.label}报送期已锁定` : `该任务${g.period.label}的报告已报送,不能再修改`);
    if (g) named.add(g.taskId);

    const progress = progressOf(c.progress);
    if (!progress.error && progress.value !== null && (progress.value < 0 || progress.value > 100)) progress.error = `完成进度 ${progress.value} 超出范围,请填写 0 到 100 之间的数字`;
    if (progress.error) errors.push(progress.error);
    const text = { progressText: c.progressText?.text ?? '', problems: c.problems?.text ?? '', nextSteps: c.nextSteps?.text ?? '' };
    for (const [k, v] of Object.entries(text)) if (v.length > 5000) errors.push(`${fieldName(k)}超过 5000 字(${v.length} 字),请精简`);
    const statusText = (c.reportedStatus?.text ?? '').replace(/\s+/g, '');
    const blank = !statusText && progress.value === null && !progress.error && !text.progressText && !text.problems && !text.nextSteps;
    let report: LedgerRow['report'] = null;
    if (blank) errors.push('本行未填写任何进展,不保存');
    else {
      const status = reportedTaskStatusSchema.safeParse(statusText || (progress.value !== null && progress.value >= 100 ? '已完成' : '推进中'));
      if (!status.success) errors.push(`推进状态“${statusText}”不在可选范围内(${reportedTaskStatusSchema.options.join('、')})`);
      if (g && !errors.length && status.success) {
        const body = { period: g.period.key, reportedStatus: status.data, progress: progress.value, ...text, ...(g.report ? { version: g.report.version } : {}) };
        const parsed = reportBodySchema.safeParse(body);
        if (!parsed.success) for (const i of parsed.error.issues) errors.push(`${fieldName(i.path[0])}:${i.message}`);
        else report = { period: g.period.key, reportedStatus: status.data, progress: parsed.data.progress, progressText: parsed.data.progressText, problems: parsed.data.problems, nextSteps: parsed.data.nextSteps, ...(g.report ? { version: g.report.version } : {}) };
      }
    }
    const stored = g?.report;
    const unchanged = !!(report && stored && stored.reportedStatus === report.reportedStatus && stored.progress === report.progress && stored.progressText === report.progressText && stored.problems === report.problems && stored.nextSteps === report.nextSteps);
    rows.push({ rowNumber: r.rowNumber, taskId: g?.taskId ?? null, taskTitle: g?.taskTitle ?? title, planTitle: g?.planTitle ?? null, periodKey: g?.period.key ?? null, report: errors.length ? null : report, cells: { reportedStatus: c.reportedStatus?.text ?? '', progress: c.progress?.text ?? '', progressText: text.progressText }, unchanged, errors });
  }
  const missing = grid.rows.filter((g) => g.editable && !named.has(g.taskId)).map((g) => ({ taskId: g.taskId, taskTitle: g.taskTitle }));
  return { sheetName: sheet.sheetName, headerRow: sheet.headerRow, columns: sheet.columns.map((x) => ({ header: x.header, field: x.field })), rows, missing };
}

function fieldName(k: PropertyKey | undefined): string {
  return ({ progress: '完成进度', progressText: '完成情况', problems: '存在问题', nextSteps: '下步计划', reportedStatus: '推进状态' } as Record<string, string>)[String(k)] ?? String(k ?? '数据');
}
