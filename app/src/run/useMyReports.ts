// My unit's tasks in one plan or in all of them, with this period's report of each (each plan has its own
// period), and the indicators my unit owns.
import { useCallback } from 'react';
import type { Task } from '../../../shared/api';
import { api } from '../api';
import { useRequest } from '../useRequest';
import { mapLimit, runApi, type ContributionOut, type IndicatorStatusOut, type PeriodOut, type ReportingCalendar, type ReportOut } from './runApi';

export interface TaskRow {
  task: Task;
  /** the period in force in the task's plan */
  period: PeriodOut;
  report?: ReportOut;
  lastAccepted: number | null;
  contributions: ContributionOut[];
}

export interface MyReports {
  /** each plan's calendar, by plan id */
  calendars: Map<number, ReportingCalendar>;
  /** the calendar when exactly one plan is shown */
  calendar?: ReportingCalendar;
  lead: TaskRow[];
  helping: TaskRow[];
  /** the indicators my unit owns in a plan */
  indicatorsOf: (planId: number) => IndicatorStatusOut[];
  loading: boolean;
  reload: () => void;
  replace: (r: ReportOut) => void;
}

interface State {
  calendars: Map<number, ReportingCalendar>;
  lead: TaskRow[];
  helping: TaskRow[];
  indicators: Map<number, IndicatorStatusOut[]>;
}

/**
 * `planIds` undefined: not known yet. `onlyOpen`: leave out plans whose period in force is locked (they take no
 * report now) — for the view across all plans.
 */
export function useMyReports(planIds: number[] | undefined, unitId: number | null, opts: { onlyOpen?: boolean } = {}): MyReports {
  // read under ['reports', 'mine', …]: a report sent or decided anywhere invalidates ['reports'] and this follows
  const req = useRequest(['reports', 'mine', planIds?.join(','), unitId, !!opts.onlyOpen], async (): Promise<State | undefined> => {
    if (!planIds || !unitId) return undefined;
    const perPlan = await mapLimit(planIds, 3, async (planId) => {
      const [calendar, tasks, status] = await Promise.all([
        runApi.calendar(planId),
        api.planTasks(planId, { unitId, pageSize: 500 }),
        runApi.status(planId, 'indicators').catch(() => undefined),
      ]);
      return { planId, calendar, tasks: tasks.items, indicators: (status?.indicators ?? []).filter((i) => i.units.some((u) => u.unitId === unitId)) };
    });
    const shown = perPlan.filter((p) => !opts.onlyOpen || p.calendar.current.state !== 'locked');
    const all = shown.flatMap((p) => p.tasks.map((task) => ({ task, period: p.calendar.current })));
    const isLead = (t: Task) => t.units.some((u) => u.unitId === unitId && u.role === 'lead');
    const rows = await mapLimit(all, 6, async ({ task, period }): Promise<TaskRow> => {
      if (!isLead(task)) return { task, period, lastAccepted: null, contributions: [] };
      const r = await runApi.taskReports(task.id).catch(() => ({ items: [] as ReportOut[], contributions: [] }));
      const mine = r.items.filter((x) => x.unitId === unitId);
      const accepted = mine.filter((x) => x.status === 'accepted' && x.period.key < period.key).sort((a, b) => b.period.key.localeCompare(a.period.key))[0];
      return { task, period, report: mine.find((x) => x.period.key === period.key), lastAccepted: accepted?.progress ?? null, contributions: r.contributions };
    });
    return {
      calendars: new Map(shown.map((p) => [p.planId, p.calendar])),
      lead: rows.filter((r) => isLead(r.task)),
      helping: rows.filter((r) => !isLead(r.task)),
      indicators: new Map(shown.map((p) => [p.planId, p.indicators])),
    };
  });
  const state = req.data ?? empty;
  const { setData } = req;
  // a report saved in the drawer shows in its row at once, before the list is read again
  const replace = useCallback((r: ReportOut) => setData({ ...state, lead: state.lead.map((row) => (row.task.id === r.taskId ? { ...row, report: r } : row)) }), [state, setData]);
  const indicatorsOf = useCallback((planId: number) => state.indicators.get(planId) ?? [], [state.indicators]);
  const calendar = planIds?.length === 1 ? state.calendars.get(planIds[0]) : undefined;
  return { calendars: state.calendars, calendar, lead: state.lead, helping: state.helping, indicatorsOf, loading: req.loading, reload: req.reload, replace };
}

const empty: State = { calendars: new Map(), lead: [], helping: [], indicators: new Map() };
