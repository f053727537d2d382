// A page of a plan's reports from GET /api/plans/:id/reports (filtered by period, state and unit, scoped by the server).
import { useState } from 'react';
import { useRequest } from '../useRequest';
import { runApi, type PlanReportsQuery } from './runApi';

export function usePlanReports(planId: number | undefined, filter: Omit<PlanReportsQuery, 'page' | 'pageSize'>, pageSize = 10) {
  const [page, setPage] = useState(1);
  const key = JSON.stringify(filter);
  const [lastKey, setLastKey] = useState(key);
  // a new filter starts again on the first page
  if (key !== lastKey) {
    setLastKey(key);
    setPage(1);
  }
  const req = useRequest(['reports', 'ofPlan', planId, key, page, pageSize], () => (planId ? runApi.planReports(planId, { ...filter, page, pageSize }) : Promise.resolve(undefined)));
  return { ...req, page, setPage, pageSize };
}
