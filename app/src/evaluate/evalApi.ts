// HTTP calls for evaluating a plan: scores and settings, evaluation drafts, dashboards, file exports.
import type { z } from 'zod';
import type { evaluationKindSchema, updateEvaluationBodySchema } from '../../../shared/evaluation';
import type {
  EvaluationDetail, EvaluationOut, IndicatorDashboard, ReportingDashboard, ScoresOut, ScoreSettings, ScoreSettingsPatch, StatusDashboard,
} from '../../../shared/evaluation';
import { request } from '../api';

export type {
  EvaluationDetail, EvaluationOut, IndicatorDashboard, Narrative, ReportingDashboard, ScoresOut, ScoreSettings, ScoreSettingsPatch, StatusDashboard,
} from '../../../shared/evaluation';
export type UnitScoreOut = ScoresOut['items'][number];
export type EvaluationKind = z.infer<typeof evaluationKindSchema>;
export type EvaluationPatch = z.input<typeof updateEvaluationBodySchema>;

export const evalApi = {
  scores: (planId: number, period?: string) => request<ScoresOut>(`/api/plans/${planId}/scores`, { query: { period } }),
  scoreSettings: (planId: number) => request<ScoreSettings>(`/api/plans/${planId}/score-settings`),
  updateScoreSettings: (planId: number, body: ScoreSettingsPatch) => request<ScoreSettings>(`/api/plans/${planId}/score-settings`, { method: 'PATCH', body }),
  evaluations: (planId: number) => request<{ items: EvaluationOut[] }>(`/api/plans/${planId}/evaluations`),
  createEvaluation: (planId: number, body: { kind: EvaluationKind; year: number; title?: string | null }) =>
    request<EvaluationDetail>(`/api/plans/${planId}/evaluations`, { method: 'POST', body }),
  evaluation: (id: number) => request<EvaluationDetail>(`/api/evaluations/${id}`),
  updateEvaluation: (id: number, body: EvaluationPatch) =>
    request<EvaluationOut>(`/api/evaluations/${id}`, { method: 'PATCH', body }),
  statusDashboard: (planId: number) => request<StatusDashboard>(`/api/plans/${planId}/dashboard/status`),
  indicatorDashboard: (planId: number) => request<IndicatorDashboard>(`/api/plans/${planId}/dashboard/indicators`),
  reportingDashboard: (planId: number, year?: number) => request<ReportingDashboard>(`/api/plans/${planId}/dashboard/reporting`, { query: { year } }),
};

/** Plain links: the browser downloads with the session cookie and keeps the server's file name. */
export const exportUrls = {
  evaluation: (id: number) => `/api/evaluations/${id}/export`,
  tasks: (planId: number) => `/api/plans/${planId}/exports/tasks`,
  indicators: (planId: number) => `/api/plans/${planId}/exports/indicators`,
  reporting: (planId: number, year?: number) => `/api/plans/${planId}/exports/reporting${year ? `?year=${year}` : ''}`,
  notice: (id: number) => `/api/notices/${id}/export`,
};

export const evaluationKindLabels: Record<EvaluationKind, string> = { annual: '年度监测报告', midterm: '中期评估报告', final: '总结评估报告' };
