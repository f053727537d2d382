// My unit's tasks in a plan with this period's report of each, and the indicators my unit owns.
import { useCallback, useEffect, useState } from 'react';
import type { Task } from '../../../shared/api';
import { api } from '../api';
import { mapLimit, runApi, type ContributionOut, type IndicatorStatusOut, type ReportingCalendar, type ReportOut } from './runApi';

export interface TaskRow {
  task: Task;
  report?: ReportOut;
  lastAccepted: number | null;
  contributions: ContributionOut[];
}

export interface MyReports {
  calendar?: ReportingCalendar;
  lead: TaskRow[];
  helping: TaskRow[];
  indicators: IndicatorStatusOut[];
  loading: boolean;
  reload: () => void;
  replace: (r: ReportOut) => void;
}

export function useMyReports(planId: number | undefined, unitId: number | null): MyReports {
  const [state, setState] = useState<Omit<MyReports, 'reload' | 'replace' | 'loading'>>({ lead: [], helping: [], indicators: [] });
  const [loading, setLoading] = useState(false);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!planId || !unitId) return;
    let alive = true;
    setLoading(true);
    (async () => {
      const [calendar, tasks, status] = await Promise.all([
        runApi.calendar(planId),
        api.planTasks(planId, { unitId, pageSize: 500 }),
        runApi.status(planId).catch(() => undefined),
      ]);
      const key = calendar.current.key;
      const rows = await mapLimit(tasks.items, 6, async (task): Promise<TaskRow> => {
        const lead = task.units.some((u) => u.unitId === unitId && u.role === 'lead');
        if (!lead) return { task, lastAccepted: null, contributions: [] };
        const r = await runApi.taskReports(task.id).catch(() => ({ items: [] as ReportOut[], contributions: [] }));
        const mine = r.items.filter((x) => x.unitId === unitId);
        const accepted = mine.filter((x) => x.status === 'accepted' && x.period.key < key).sort((a, b) => b.period.key.localeCompare(a.period.key))[0];
        return { task, report: mine.find((x) => x.period.key === key), lastAccepted: accepted?.progress ?? null, contributions: r.contributions };
      });
      if (!alive) return;
      const isLead = (t: Task) => t.units.some((u) => u.unitId === unitId && u.role === 'lead');
      setState({
        calendar,
        lead: rows.filter((r) => isLead(r.task)),
        helping: rows.filter((r) => !isLead(r.task)),
        indicators: (status?.indicators ?? []).filter((i) => i.units.some((u) => u.unitId === unitId)),
      });
    })()
      .catch(() => undefined)
      .finally(() => alive && setLoading(false));
    return () => {
      alive = false;
    };
  }, [planId, unitId, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  const replace = useCallback((r: ReportOut) => setState((s) => ({ ...s, lead: s.lead.map((row) => (row.task.id === r.taskId ? { ...row, report: r } : row)) })), []);
  return { ...state, loading, reload, replace };
}
