// HTTP calls for running a plan: calendar, reports and review, board, 督办, in-app notifications.
import type { z } from 'zod';
import type {
  AttachmentOut, Board, ContributionOut, createNoticeBodySchema, NoticeOut, NotificationOut, PeriodOut, PlanReports, planReportsQuerySchema, PlanStatusOut, reportBodySchema,
  respondNoticeBodySchema, ReportingCalendar, ReportOut, RunSettings, RunSettingsPatch,
} from '../../../shared/reporting';
import type { ReportedTaskStatus } from '../../../shared/planSettings';
import { api, request, upload, type AuditEvent } from '../api';

export type {
  AttachmentOut, Board, ContributionOut, NoticeOut, NotificationOut, PeriodOut, PlanReportItem, PlanReports, PlanStatusOut, ReportingCalendar, ReportOut,
  RunSettings, RunSettingsPatch,
} from '../../../shared/reporting';
export type IndicatorStatusOut = PlanStatusOut['indicators'][number];
/** GET /api/plans/:id/reports's query (planReportsQuerySchema's fields), as the query string carries them */
export type PlanReportsQuery = { [K in keyof z.input<typeof planReportsQuerySchema>]?: string | number };
export type NoticeResponse = z.input<typeof respondNoticeBodySchema>['action'];
export type ReportedStatus = ReportedTaskStatus;
/** A report as the form sends it (the server's contract; defaults may be left out). */
export type ReportBody = z.input<typeof reportBodySchema>;
export type NoticeBody = z.input<typeof createNoticeBodySchema>;

export const runApi = {
  calendar: (planId: number) => request<ReportingCalendar>(`/api/plans/${planId}/reporting`),
  status: (planId: number, only?: 'indicators') => request<PlanStatusOut>(`/api/plans/${planId}/status${only ? `?only=${only}` : ''}`),
  board: (planId: number, period?: string) => request<Board>(`/api/plans/${planId}/board`, { query: { period } }),
  lockPeriod: (planId: number, key: string, lock: boolean) =>
    request<PeriodOut>(`/api/plans/${planId}/periods/${encodeURIComponent(key)}/${lock ? 'lock' : 'unlock'}`, { method: 'POST', body: {} }),

  taskReports: (taskId: number) => request<{ items: ReportOut[]; contributions: ContributionOut[] }>(`/api/tasks/${taskId}/reports`),
  saveReport: (taskId: number, body: ReportBody) => request<ReportOut>(`/api/tasks/${taskId}/reports`, { method: 'POST', body }),
  contribute: (taskId: number, text: string, period?: string) =>
    request<{ id: number; unitId: number; text: string }>(`/api/tasks/${taskId}/contributions`, { method: 'POST', body: { text, period } }),
  report: (id: number) => request<ReportOut>(`/api/reports/${id}`),
  review: (id: number, decision: 'accept' | 'return', reason: string) => request<ReportOut>(`/api/reports/${id}/review`, { method: 'POST', body: { decision, reason } }),
  unitReview: (id: number, decision: 'approve' | 'return', reason: string) => request<ReportOut>(`/api/reports/${id}/unit-review`, { method: 'POST', body: { decision, reason } }),
  planReports: (planId: number, query: PlanReportsQuery) => request<PlanReports>(`/api/plans/${planId}/reports`, { query: { ...query } }),
  updateSettings: (planId: number, patch: RunSettingsPatch) => request<{ settings: RunSettings }>(`/api/plans/${planId}/reporting`, { method: 'PATCH', body: patch }),
  uploadAttachment: (reportId: number, file: File, onProgress: (p: number) => void) => {
    const form = new FormData();
    form.append('file', file);
    return upload<AttachmentOut>(`/api/reports/${reportId}/attachments`, form, onProgress);
  },
  removeAttachment: (id: number) => request<{ ok: boolean }>(`/api/attachments/${id}`, { method: 'DELETE' }),

  notices: (query: { planId?: number; status?: string; open?: '1' }) => request<{ items: NoticeOut[] }>('/api/notices', { query }),
  notice: (id: number) => request<NoticeOut>(`/api/notices/${id}`),
  issueNotice: (planId: number, body: NoticeBody) => request<NoticeOut>(`/api/plans/${planId}/notices`, { method: 'POST', body }),
  respondNotice: (id: number, action: NoticeResponse, text = '') => request<NoticeOut>(`/api/notices/${id}/respond`, { method: 'POST', body: { action, text } }),
  recheckNotice: (id: number, passed: boolean, note: string) => request<NoticeOut>(`/api/notices/${id}/recheck`, { method: 'POST', body: { passed, note } }),
  closeNotice: (id: number) => request<NoticeOut>(`/api/notices/${id}/close`, { method: 'POST', body: {} }),
  noticeHistory: (id: number) => request<{ items: AuditEvent[] }>(`/api/notices/${id}/history`, { quiet: true }),

  notifications: () => request<{ items: NotificationOut[]; unread: number }>('/api/me/notifications', { quiet: true }),
  readNotification: (id: number) => request<{ ok: boolean }>(`/api/me/notifications/${id}/read`, { method: 'POST', body: {}, quiet: true }),

  plans: () => api.plans({ pageSize: 100 }),
};

/** Run calls with at most `limit` in flight (per-task loads without flooding the server). */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
