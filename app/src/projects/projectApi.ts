// The project library's endpoints (issue #14), typed by the shared contract.
import type { z } from 'zod';
import type { moveProjectPhaseBodySchema, projectDetailSchema, projectPageSchema, ProjectImportPreview, ProjectPhase, ProjectList } from '../../../shared/projects';
import { request, upload } from '../api';

export type ProjectPage = z.infer<typeof projectPageSchema>;
export type ProjectDetail = z.infer<typeof projectDetailSchema>;
export type ProjectRow = ProjectPage['items'][number];

export interface ProjectFilters {
  phase?: ProjectPhase;
  list?: ProjectList;
  year?: number;
  regionId?: number;
  ownerUnitId?: number;
  category?: string;
  planId?: number;
  status?: string;
  q?: string;
}

const qs = (f: Record<string, unknown>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
};

export const projectApi = {
  list: (f: ProjectFilters, page: number, pageSize: number) => request<ProjectPage>('/api/projects', { query: { ...f, page, pageSize } as Record<string, string | number | undefined> }),
  detail: (id: number) => request<ProjectDetail>(`/api/projects/${id}`),
  create: (body: Record<string, unknown>) => request<{ id: number }>('/api/projects', { method: 'POST', body }),
  update: (id: number, body: Record<string, unknown>) => request<{ id: number }>(`/api/projects/${id}`, { method: 'PATCH', body }),
  phase: (id: number, body: z.input<typeof moveProjectPhaseBodySchema>) => request(`/api/projects/${id}/phase`, { method: 'POST', body }),
  roll: (body: { year: number; moves: { projectId: number; list: ProjectList }[] }) => request('/api/projects/roll', { method: 'POST', body }),
  links: (id: number, links: { kind: string; targetId: number }[]) => request(`/api/projects/${id}/links`, { method: 'PUT', body: { links } }),
  report: (id: number, body: Record<string, unknown>) => request(`/api/projects/${id}/reports`, { method: 'POST', body }),
  importFile: (file: File, confirm: boolean, onProgress: (p: number) => void) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return upload<ProjectImportPreview>(`/api/projects/import${confirm ? '?confirm=1' : ''}`, form, onProgress);
  },
  exportUrl: (f: ProjectFilters) => `/api/projects/export${qs({ ...f })}`,
  ledgerUrl: (f: ProjectFilters, period: string) => `/api/projects/ledger${qs({ ...f, period })}`,
};
