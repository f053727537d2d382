// Reports waiting for the office's review in one period. The API has no plan-wide report list yet, so
// this reads the reports of the lead tasks of each unit the board says has submitted something.
import { useCallback, useEffect, useState } from 'react';
import type { Task } from '../../../shared/api';
import { api } from '../api';
import { mapLimit, runApi, type Board, type ReportOut } from './runApi';

export interface PendingReport {
  report: ReportOut;
  task: Task;
  unitName: string;
}

export function usePendingReports(planId: number | undefined, board: Board | undefined) {
  const [items, setItems] = useState<PendingReport[]>([]);
  const [loading, setLoading] = useState(false);
  const [tick, setTick] = useState(0);
  const key = board?.period.key;
  const units = (board?.units ?? []).filter((u) => u.submitted > 0);
  const unitKey = units.map((u) => `${u.unitId}:${u.submitted}`).join(',');
  useEffect(() => {
    if (!planId || !key) return;
    let alive = true;
    setLoading(true);
    (async () => {
      const tasks = new Map<number, Task>();
      for (const page of await mapLimit(units, 4, (u) => api.planTasks(planId, { unitId: u.unitId, role: 'lead', pageSize: 500 }))) for (const t of page.items) tasks.set(t.id, t);
      const names = new Map((board?.units ?? []).map((u) => [u.unitId, u.unitName]));
      const lists = await mapLimit([...tasks.values()], 6, async (t) => ((await runApi.taskReports(t.id).catch(() => ({ items: [] as ReportOut[] }))).items.map((r) => ({ r, t }))));
      const out = lists
        .flat()
        .filter(({ r }) => r.period.key === key && r.status === 'submitted')
        .map(({ r, t }) => ({ report: r, task: t, unitName: names.get(r.unitId) ?? '' }))
        .sort((a, b) => (a.report.submittedAt ?? '').localeCompare(b.report.submittedAt ?? ''));
      if (alive) setItems(out);
    })()
      .catch(() => undefined)
      .finally(() => alive && setLoading(false));
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [planId, key, unitKey, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  const drop = useCallback((id: number) => setItems((xs) => xs.filter((x) => x.report.id !== id)), []);
  return { items, loading, reload, drop };
}
