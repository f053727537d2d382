// The plan a running screen works on: kept in the address (?plan=), defaulting to the first active plan.
import { useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { PlanSummary } from '../../../shared/api';
import { api } from '../api';
import { useRequest } from '../useRequest';

export function usePlanChoice(fixed?: number) {
  const [params, setParams] = useSearchParams();
  const plans = useRequest(() => api.plans({ pageSize: 100 }), []);
  const items: PlanSummary[] = plans.data?.items ?? [];
  const fromUrl = Number(params.get('plan')) || undefined;
  const fallback = items.find((p) => p.status === 'active')?.id ?? items[0]?.id;
  const planId = fixed ?? fromUrl ?? fallback;
  useEffect(() => {
    if (!fixed && !fromUrl && fallback) setParams((p) => (p.set('plan', String(fallback)), p), { replace: true });
  }, [fixed, fromUrl, fallback, setParams]);
  const setPlanId = (id: number) => setParams((p) => (p.set('plan', String(id)), p));
  return { plans: items, loading: plans.loading, planId, setPlanId, plan: items.find((p) => p.id === planId) };
}
