// Reports under one filter across several plans, paged here: the same shape as usePlanReports, so PlanReportTable
// shows either (the 预审 queue of 我的报送 across all the unit's plans).
import { useState } from 'react';
import { useRequest } from '../useRequest';
import { mapLimit, runApi, type PlanReports, type PlanReportsQuery } from './runApi';
import type { usePlanReports } from './usePlanReports';

export function useReportsAcrossPlans(planIds: number[] | undefined, filter: Omit<PlanReportsQuery, 'page' | 'pageSize'>, pageSize = 10): ReturnType<typeof usePlanReports> {
  const [page, setPage] = useState(1);
  const key = JSON.stringify(filter);
  const all = useRequest(['reports', 'acrossPlans', planIds?.join(','), key], async () => {
    if (!planIds?.length) return [];
    const pages = await mapLimit(planIds, 4, (planId) => runApi.planReports(planId, { ...filter, page: 1, pageSize: 500 }));
    return pages.flatMap((p) => p.items);
  });
  const items = all.data ?? [];
  const data: PlanReports | undefined = all.data ? { items: items.slice((page - 1) * pageSize, page * pageSize), total: items.length, page, pageSize } : undefined;
  return { data, loading: all.loading, error: all.error, reload: all.reload, setData: () => undefined, page, setPage, pageSize };
}
