// The one HTTP client of the web app: JSON over fetch with the session cookie,
// the CSRF header on changes, Chinese error messages shown to the user, 401 → login.
import type { input, z } from 'zod';
import type {
  auditEventSchema,
  createUnitBodySchema,
  importCorrectionSchema,
  ImportJob,
  indicatorOutSchema,
  Me,
  PlanDetail,
  PlanSummary,
  projectOutSchema,
  Task,
  taskDetailSchema,
  taskRoleSchema,
  targetOutSchema,
  Unit,
} from '../../shared/api';
import type { Region } from '../../shared/regions';

/** A review correction as sent (defaults of the contract may be left out). */
export type ImportCorrection = input<typeof importCorrectionSchema>;
/** the patch of one kind of correction ('updateMeta', 'updateTask', …) */
export type CorrectionPatch<Op extends ImportCorrection['op']> = Extract<ImportCorrection, { op: Op; patch: unknown }>['patch'];
/** POST /api/units as sent */
export type NewUnitBody = input<typeof createUnitBodySchema>;

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Notify = (text: string) => void;

let csrfToken: string | null = null;
let notifyError: Notify = (text) => console.error(text);
let onUnauthorized: () => void = () => {
  if (!location.pathname.startsWith('/login')) location.assign('/login');
};

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}
export function setErrorNotifier(fn: Notify): void {
  notifyError = fn;
}
export function setUnauthorizedHandler(fn: () => void): void {
  onUnauthorized = fn;
}

const fallbackMessages: Record<number, string> = {
  400: '请求有误',
  401: '请先登录',
  403: '没有权限执行此操作',
  404: '未找到相应记录',
  409: '数据已被他人修改,请刷新后重试',
  413: '文件过大,无法上传',
  429: '操作过于频繁,请稍后再试',
  500: '系统内部错误,请联系管理员',
};

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | undefined | null>;
  /** do not show the error to the user (the caller handles it) */
  quiet?: boolean;
  /** do not redirect to the login page on 401 */
  no401Redirect?: boolean;
}

function withQuery(path: string, query?: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

async function toError(res: Response): Promise<ApiError> {
  let code = 'HTTP_' + res.status;
  let message = fallbackMessages[res.status] ?? `请求失败(状态码 ${res.status})`;
  try {
    const data = (await res.json()) as { error?: { code?: string; message?: string } };
    if (data?.error?.message) message = data.error.message;
    if (data?.error?.code) code = data.error.code;
  } catch {
    /* not JSON: keep the fallback wording */
  }
  return new ApiError(res.status, code, message);
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  const isForm = typeof FormData !== 'undefined' && opts.body instanceof FormData;
  if (opts.body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.query), {
      method,
      credentials: 'include',
      headers,
      body: opts.body === undefined ? undefined : isForm ? (opts.body as FormData) : JSON.stringify(opts.body),
    });
  } catch {
    const err = new ApiError(0, 'NETWORK', '无法连接服务器,请检查网络后重试');
    if (!opts.quiet) notifyError(err.message);
    throw err;
  }
  if (!res.ok) {
    const err = await toError(res);
    if (res.status === 401 && !opts.no401Redirect) {
      csrfToken = null;
      onUnauthorized();
    } else if (!opts.quiet) notifyError(err.message);
    throw err;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Upload with progress (fetch has no upload progress): XMLHttpRequest; the caller shows errors. */
export function upload<T>(path: string, form: FormData, onProgress: (percent: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => {
      reject(new ApiError(0, 'NETWORK', '上传失败:无法连接服务器'));
    };
    xhr.onload = () => {
      let data: { error?: { code?: string; message?: string } } | undefined;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        data = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data as T);
      const err = new ApiError(xhr.status, data?.error?.code ?? 'HTTP_' + xhr.status, data?.error?.message ?? fallbackMessages[xhr.status] ?? '上传失败');
      if (xhr.status === 401) onUnauthorized();
      reject(err); // the upload screen shows the reason beside the drop zone

    };
    xhr.send(form);
  });
}

// ---- typed endpoints -------------------------------------------------------

// Response types are the server's contracts (shared/), never re-declared here.
export type { Region } from '../../shared/regions';
export type TaskRole = z.infer<typeof taskRoleSchema>;
export type TaskDetail = z.infer<typeof taskDetailSchema>;
export type AuditEvent = z.infer<typeof auditEventSchema>;
export type Indicator = z.infer<typeof indicatorOutSchema>;
export type Project = z.infer<typeof projectOutSchema>;
export type Target = z.infer<typeof targetOutSchema>;
export interface TaskQuery {
  unitId?: number;
  role?: TaskRole;
  outlineNodeId?: number;
  q?: string;
  /** computed status colour or state */
  status?: string;
  page?: number;
  pageSize?: number;
}

export const api = {
  login: (username: string, password: string) => request<Me>('/api/auth/login', { method: 'POST', body: { username, password }, no401Redirect: true, quiet: true }),
  logout: () => request<{ ok: boolean }>('/api/auth/logout', { method: 'POST', body: {} }),
  me: () => request<Me>('/api/auth/me', { no401Redirect: true, quiet: true }),

  regions: () => request<{ items: Region[] }>('/api/regions'),
  units: (q?: string, regionId?: number) => request<{ items: Unit[] }>('/api/units', { query: { q, regionId } }),
  createUnit: (body: NewUnitBody) => request<Unit>('/api/units', { method: 'POST', body }),

  plans: (query: { q?: string; status?: string; page?: number; pageSize?: number }) => request<Paged<PlanSummary>>('/api/plans', { query }),
  plan: (id: number) => request<PlanDetail>(`/api/plans/${id}`),
  updatePlan: (id: number, body: { title?: string; status?: string; published?: boolean; periodStart?: number | null; periodEnd?: number | null; version?: number }) =>
    request<PlanDetail>(`/api/plans/${id}`, { method: 'PATCH', body }),
  planDocument: (id: number) => request<{ filename: string | null; text: string }>(`/api/plans/${id}/document`),
  planTasks: (id: number, query: TaskQuery) => request<Paged<Task>>(`/api/plans/${id}/tasks`, { query: { ...query } }),
  planIndicators: (id: number) => request<{ items: Indicator[] }>(`/api/plans/${id}/indicators`),
  planProjects: (id: number) => request<{ items: Project[] }>(`/api/plans/${id}/projects`),
  planTargets: (id: number) => request<{ items: Target[] }>(`/api/plans/${id}/targets`),

  task: (id: number) => request<TaskDetail>(`/api/tasks/${id}`),
  taskHistory: (id: number) => request<{ items: AuditEvent[] }>(`/api/tasks/${id}/history`),
  createTask: (planId: number, body: Record<string, unknown>) => request<TaskDetail>(`/api/plans/${planId}/tasks`, { method: 'POST', body }),
  createSubtask: (taskId: number, body: Record<string, unknown>) => request<Task>(`/api/tasks/${taskId}/subtasks`, { method: 'POST', body }),
  updateTask: (id: number, body: Record<string, unknown>) => request<TaskDetail>(`/api/tasks/${id}`, { method: 'PATCH', body }),
  deleteTask: (id: number) => request<{ ok: boolean }>(`/api/tasks/${id}`, { method: 'DELETE' }),
  myTasks: (query: { role?: TaskRole; q?: string; page?: number; pageSize?: number }) => request<Paged<Task>>('/api/me/tasks', { query: { ...query } }),

  imports: () => request<{ items: ImportJob[] }>('/api/imports'),
  importJob: (id: number) => request<ImportJob>(`/api/imports/${id}`),
  uploadImport: (file: File, regionId: number | null, onProgress: (p: number) => void) => {
    const form = new FormData();
    if (regionId) form.append('regionId', String(regionId));
    form.append('file', file);
    return upload<ImportJob>('/api/imports', form, onProgress);
  },
  correctImport: (id: number, corrections: ImportCorrection[]) => request<ImportJob>(`/api/imports/${id}/corrections`, { method: 'POST', body: { corrections } }),
  confirmImport: (id: number, createUnits: string[], status: 'draft' | 'active') =>
    request<{ planId: number }>(`/api/imports/${id}/confirm`, { method: 'POST', body: { createUnits, status } }),

  audit: (entityType: string, entityId: string | number) => request<{ items: AuditEvent[] }>('/api/audit', { query: { entityType, entityId } }),
};
