// The public API: published plans only, no session (a 401 never sends anyone to the login page).
import type { z } from 'zod';
import type { publicPlanSchema, publicPlanSummarySchema } from '../../../shared/evaluation';
import { request } from '../api';

export type PublicPlanSummary = z.infer<typeof publicPlanSummarySchema>;
export type PublicPlan = z.infer<typeof publicPlanSchema>;

export const publicApi = {
  plans: () => request<{ items: PublicPlanSummary[] }>('/api/public/plans', { no401Redirect: true }),
  plan: (id: number) => request<PublicPlan>(`/api/public/plans/${id}`, { no401Redirect: true }),
};
