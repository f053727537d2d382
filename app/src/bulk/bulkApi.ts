// HTTP calls of bulk work (issue #11), typed from the server's contracts in shared/bulk.ts.
import type { z } from 'zod';
import type {
  AssignTasksOut, assignTasksBodySchema, BatchResult, LedgerPreview, recheckNoticesBodySchema, remindUnitsBodySchema, RemindUnitsOut, ReportGrid,
  reviewReportsBodySchema, SaveReportsOut,
} from '../../../shared/bulk';
import { request, upload } from '../api';

export type { BatchResult, LedgerPreview, ReportGrid, ReportGridRow } from '../../../shared/bulk';
export type AssignBody = z.input<typeof assignTasksBodySchema>;

export interface GridItem {
  taskId: number;
  period: string;
  reportedStatus: string;
  progress: number | null;
  progressText: string;
  problems: string;
  nextSteps: string;
  version?: number;
}

export const bulkApi = {
  grid: () => request<ReportGrid>('/api/me/report-grid'),
  saveReports: (items: GridItem[], submit: boolean) => request<SaveReportsOut>('/api/me/reports', { method: 'POST', body: { items, submit } }),
  ledgerUrl: '/api/me/report-ledger',
  uploadLedger: (file: File, onProgress: (p: number) => void) => {
    const form = new FormData();
    form.append('file', file);
    return upload<LedgerPreview>('/api/me/report-ledger', form, onProgress);
  },
  assign: (planId: number, body: AssignBody) => request<AssignTasksOut>(`/api/plans/${planId}/tasks/assign`, { method: 'POST', body }),
  reviewReports: (planId: number, body: z.input<typeof reviewReportsBodySchema>) => request<BatchResult>(`/api/plans/${planId}/reports/review`, { method: 'POST', body }),
  remind: (planId: number, body: z.input<typeof remindUnitsBodySchema>) => request<RemindUnitsOut>(`/api/plans/${planId}/remind`, { method: 'POST', body }),
  recheckNotices: (planId: number, body: z.input<typeof recheckNoticesBodySchema>) => request<BatchResult>(`/api/plans/${planId}/notices/recheck`, { method: 'POST', body }),
};

/** "3 项已完成,1 项未完成:…" — a batch's outcome in words, with each refusal's reason. */
export function batchSummary(res: BatchResult, verb: string, nameOf: (id: number) => string = (id) => `#${id}`): { ok: boolean; text: string } {
  const failed = res.items.filter((i) => !i.ok);
  const text = failed.length
    ? `${res.done} 项已${verb},${failed.length} 项未${verb}:${failed.map((f) => `${nameOf(f.id)}(${f.error?.message ?? '失败'})`).join(';')}`
    : `${res.done} 项已${verb}`;
  return { ok: !failed.length, text };
}
