// The plan a running screen works on, kept in the address (?plan=). Screens that list across plans (我的报送, 考核评估)
// pass `all`: without ?plan= they show all the user's plans, never one picked for them. The others default to the
// first active plan still running this year.
import { useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { PlanSummary } from '../../../shared/api';
import { api } from '../api';
import { useRequest } from '../useRequest';

export function usePlanChoice(fixed?: number, opts: { all?: boolean } = {}) {
  const [params, setParams] = useSearchParams();
  const plans = useRequest(['plans', 'all'], () => api.plans({ pageSize: 100 }));
  const items: PlanSummary[] = plans.data?.items ?? [];
  const fromUrl = Number(params.get('plan')) || undefined;
  // a plan still being carried out this year comes first: an ended plan has nothing left to report
  const year = new Date().getFullYear();
  const active = items.filter((p) => p.status === 'active');
  const fallback = opts.all ? undefined : (active.find((p) => p.periodEnd != null && p.periodEnd >= year) ?? active.find((p) => p.periodEnd == null) ?? active[0] ?? items[0])?.id;
  const planId = fixed ?? fromUrl ?? fallback;
  useEffect(() => {
    if (!fixed && !fromUrl && fallback) setParams((p) => (p.set('plan', String(fallback)), p), { replace: true });
  }, [fixed, fromUrl, fallback, setParams]);
  /** 0: all plans (only where `all` is offered) */
  const setPlanId = (id: number) => setParams((p) => (id ? p.set('plan', String(id)) : p.delete('plan'), p));
  return { plans: items, loading: plans.loading, planId, setPlanId, plan: items.find((p) => p.id === planId), all: !!opts.all && planId === undefined };
}
