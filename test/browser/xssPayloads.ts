// Hostile text in every free-text field a user can set through the API (issue #10, stored XSS), set the way
// the office, a unit's reporter, its head and the administrator would: a plan imported from a document whose
// headings carry payloads, review corrections of indicators (name, unit, category, table, baseline text) and
// tasks, the plan's title, new units, task fields, reports, a return reason, a contribution, a sub-task, an
// attachment's name, a 督办 notice and its feedback, an evaluation narrative, award names, a user's name.
import { apiSession } from './runServer';

/** an image whose error handler would run */
export const IMG = '<img src=x onerror=window.__xss=1>';
/** breaks out of an attribute value and starts an element whose load handler would run */
export const SVG = '"><svg onload=window.__xss=1>';
/** a link target that would run */
export const JS = 'javascript:window.__xss=1';
/** for fields of at most 20 characters */
export const SHORT = '<svg/onload=__xss=1>';
export const ALL = `${IMG}${SVG}${JS}`;
export const PAYLOADS = [IMG, SVG, JS, SHORT];

type Api = Awaited<ReturnType<typeof apiSession>>;

export interface Seeded {
  planId: number;
  importId: number;
  taskId: number;
  otherTaskId: number;
  reportId: number;
  noticeId: number;
  evaluationId: number;
  /** steps the server refused (a stricter server may refuse some hostile text: that is fine, and reported) */
  refused: string[];
}

const doc = `永川区城市安全专项规划(2026—2030年)

一、总体要求${IMG}
（一）发展目标
到2030年，城市安全水平明显提升。${SVG}${JS}

表1 主要指标
指标 | 单位 | 2025年 | 2028年目标 | 2030年目标 | 属性
城市燃气管网更新率 | % | 20 | 60 | 100 | 约束性
应急避难场所人均面积 | 平方米 | 1.5 | 2 | 2.5 | 预期性

二、重点任务${SVG}
（一）推进燃气管网改造
1.加快老旧燃气管道更新改造，2027年底前完成全部老旧管网改造。（牵头单位：区住房城乡建委；责任单位：区发展改革委）
2.完善应急避难场所建设。（牵头单位：区住房城乡建委）
`;

/** a multipart upload of one file, with the session of `user` */
async function upload(base: string, user: string, url: string, filename: string, bytes: Buffer, type = 'application/octet-stream') {
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: user, password: 'luoshi2026' }) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), filename);
  const r = await fetch(base + url, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken }, body: form });
  const text = await r.text();
  if (!r.ok) throw new Error(`POST ${url} → ${r.status} ${text}`);
  return JSON.parse(text);
}

export async function seedPayloads(base: string): Promise<Seeded> {
  const refused: string[] = [];
  /** a step a stricter server may refuse; the journey still checks everything else */
  const tolerate = async (what: string, f: () => Promise<unknown>) => {
    try {
      await f();
    } catch (e) {
      refused.push(`${what}: ${(e as Error).message.slice(0, 200)}`);
    }
  };
  const office = await apiSession(base, 'yc_office');
  const reporter = await apiSession(base, 'yc_jw');
  const head = await apiSession(base, 'yc_jw_head');

  // 1. the document, reviewed with hostile corrections, confirmed
  let job = await upload(base, 'yc_office', '/api/imports', '城市安全专项规划.txt', Buffer.from(doc));
  for (let i = 0; job.status !== 'review' && i < 120; i++) {
    if (job.status === 'failed') throw new Error(`导入失败: ${JSON.stringify(job.error)}`);
    await new Promise((r) => setTimeout(r, 500));
    job = await office('GET', `/api/imports/${job.id}`);
  }
  const importId: number = job.id;
  const parsed = job.parsed as { tasks: { id: string }[]; indicators: { baseline: { year: number; value: number } }[] };
  const [b0, b1] = parsed.indicators.map((x) => x.baseline);
  await office('POST', `/api/imports/${importId}/corrections`, {
    corrections: [
      { op: 'updateIndicator', index: 0, patch: { name: `燃气管网更新率${IMG}`, unit: IMG, category: JS, table: `表1 主要指标${SVG}`, baseline: { ...b0, text: `20${SVG}` } } },
      { op: 'updateIndicator', index: 1, patch: { name: `${SVG}避难场所面积`, unit: SVG, note: ALL, baseline: { ...b1, text: `1.5${JS}` } } },
      { op: 'updateTask', taskId: parsed.tasks[0].id, patch: { title: `老旧燃气管道更新改造${IMG}`, text: ALL } },
      { op: 'updateTask', taskId: parsed.tasks[1].id, patch: { title: `${SVG}避难场所建设`, text: JS } },
      { op: 'updateMeta', patch: { title: `城市安全专项规划${SVG}` } },
    ],
  });
  const { planId } = await office<{ planId: number }>('POST', `/api/imports/${importId}/confirm`, {});

  // 2. the plan's title, published so the public page shows it too
  await office('PATCH', `/api/plans/${planId}`, { title: `城市安全专项规划${IMG}${SVG}` });
  const preview = await office<{ fingerprint: string }>('GET', `/api/plans/${planId}/public-preview`);
  await office('POST', `/api/plans/${planId}/publish`, { publish: true, fingerprint: preview.fingerprint });

  // 3. units with hostile names, taking part in the first task
  const tasks = await office<{ items: { id: number; title: string }[] }>('GET', `/api/plans/${planId}/tasks?pageSize=50`);
  const task = tasks.items.find((t) => t.title.includes('燃气'))!;
  const other = tasks.items.find((t) => t.id !== task.id)!;
  const detail = await office<{ units: { unitId: number | null; role: string }[] }>('GET', `/api/tasks/${task.id}`);
  const leadUnitId = detail.units.find((u) => u.role === 'lead')!.unitId!;
  const jw = await office<{ items: { id: number; regionId: number }[] }>('GET', `/api/units?q=${encodeURIComponent('区住房城乡建委')}`);
  const regionId = jw.items.find((u) => u.id === leadUnitId)!.regionId;
  const fgw = await office<{ items: { id: number; name: string; regionId: number }[] }>('GET', `/api/units?q=${encodeURIComponent('区发展改革委')}`);
  const made: number[] = [];
  for (const name of [`单位${IMG}`, `${SVG}单位`, JS]) {
    await tolerate(`新建单位「${name}」`, async () => made.push((await office<{ id: number }>('POST', '/api/units', { name, regionId })).id));
  }
  const units = [
    ...detail.units.filter((u) => u.unitId !== null).map((u) => ({ unitId: u.unitId!, role: u.role })),
    ...made.map((unitId, i) => ({ unitId, role: i === 0 ? 'responsible' : 'cooperating' })),
    ...fgw.items.filter((u) => u.name === '区发展改革委' && u.regionId === regionId).map((u) => ({ unitId: u.id, role: 'cooperating' })),
  ].filter((u, i, all) => all.findIndex((x) => x.unitId === u.unitId) === i);
  await office('PATCH', `/api/tasks/${task.id}`, {
    units,
    assignee: IMG.slice(0, 50),
    leaders: [SVG, JS],
    targetText: ALL,
    standard: IMG,
    deadlineText: SVG,
  });

  // 4. a report, returned with a hostile reason, resubmitted; an attachment with a hostile name; a contribution
  const body = { reportedStatus: '推进中', progress: 30, progressText: ALL, problems: IMG, nextSteps: SVG };
  const report = await reporter<{ id: number }>('POST', `/api/tasks/${task.id}/reports`, { ...body, submit: false });
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  await tolerate('附件名', () => upload(base, 'yc_jw', `/api/reports/${report.id}/attachments`, `${IMG}.png`, png, 'image/png'));
  await reporter('POST', `/api/tasks/${task.id}/reports`, { ...body, submit: true });
  await office('POST', `/api/reports/${report.id}/review`, { decision: 'return', reason: ALL });
  await reporter('POST', `/api/tasks/${task.id}/reports`, { ...body, progress: 35, progressText: `${ALL}(已补充)`, submit: true });
  await tolerate('配合情况', async () => (await apiSession(base, 'yc_fgw'))('POST', `/api/tasks/${task.id}/contributions`, { text: ALL }));
  await tolerate('子任务', () => head('POST', `/api/tasks/${task.id}/subtasks`, { title: `子任务${IMG}`, text: SVG, assignee: SVG, targetText: JS, deadline: '2027-06', standard: ALL }));

  // 5. a 督办 notice with hostile title and requirement; the unit signs and feeds back hostile text
  const notice = await office<{ id: number }>('POST', `/api/plans/${planId}/notices`, { unitId: leadUnitId, taskId: task.id, title: `督办${IMG}`, requirement: ALL });
  await reporter('POST', `/api/notices/${notice.id}/respond`, { action: 'sign', text: SVG });
  await tolerate('督办办理', () => reporter('POST', `/api/notices/${notice.id}/respond`, { action: 'handle', text: JS }));
  await tolerate('督办反馈', () => reporter('POST', `/api/notices/${notice.id}/respond`, { action: 'feedback', text: ALL }));
  await tolerate('督办件(单位名)', async () => made[0] && office('POST', `/api/plans/${planId}/notices`, { unitId: made[0], title: `${SVG}督办`, requirement: JS }));

  // 6. an evaluation document whose title, office and narrative are hostile; award names
  const evaluation = await office<{ id: number }>('POST', `/api/plans/${planId}/evaluations`, { kind: 'annual', year: 2026, title: `年度监测报告${IMG}`, issuingOffice: `${SVG}规划办` });
  await office('PATCH', `/api/evaluations/${evaluation.id}`, {
    narrative: {
      foreword: [ALL],
      overview: [IMG],
      closing: [SVG],
      extraSections: [{ heading: `专题${IMG}`, paragraphs: [JS], subsections: [{ heading: SVG, paragraphs: [ALL] }] }],
      problems: [{ title: IMG, text: ALL, units: [SVG] }],
      nextSteps: [{ title: SVG, text: JS, units: [IMG] }],
    },
  });
  await tolerate('奖项名称', () => office('PATCH', `/api/plans/${planId}/score-settings`, { ranking: { topN: 3, bottomN: 1, topAward: SHORT, bottomAward: SHORT } }));
  await tolerate('提醒 webhook', () => office('PATCH', `/api/plans/${planId}/reporting`, { reminders: { webhookUrl: JS } }));

  // 7. a person whose display name is hostile, who then changes the task (the history names them)
  await tolerate('用户显示名', async () => {
    const admin = await apiSession(base, 'admin');
    const password = 'Xss-Journey-2026!safe';
    await admin('POST', '/api/users', { username: 'xss_office', displayName: IMG, password, roles: ['office'], regionId });
    const evil: Api = await apiSession(base, 'xss_office', password);
    await evil('PATCH', `/api/tasks/${other.id}`, { text: `${ALL}(修改)` });
  });
  return { planId, importId, taskId: task.id, otherTaskId: other.id, reportId: report.id, noticeId: notice.id, evaluationId: evaluation.id, refused };
}
