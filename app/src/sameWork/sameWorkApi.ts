// The same work across plans of one region (issue #13): the routes the plan tab and the task detail call.
import type { z } from 'zod';
import type { proposeSameWorkOutSchema, SameWorkKind, SameWorkList } from '../../../shared/sameWork';
import { request } from '../api';

export const sameWorkApi = {
  ofPlan: (planId: number) => request<SameWorkList>(`/api/plans/${planId}/same-work`),
  ofItem: (kind: SameWorkKind, id: number) => request<SameWorkList>(`/api/${kind === 'task' ? 'tasks' : 'indicators'}/${id}/same-work`, { quiet: true }),
  propose: (planId: number) => request<z.infer<typeof proposeSameWorkOutSchema>>(`/api/plans/${planId}/same-work/propose`, { method: 'POST', body: {} }),
  confirm: (planId: number, linkId: number) => request(`/api/plans/${planId}/same-work/confirm`, { method: 'POST', body: { linkId } }),
  reject: (planId: number, linkId: number, note?: string) => request(`/api/plans/${planId}/same-work/reject`, { method: 'POST', body: { linkId, ...(note ? { note } : {}) } }),
};
