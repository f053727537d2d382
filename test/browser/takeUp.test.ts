// Journey (issue #13): the city's leader (cq_leader) has the city's scheme (002) open on its 区县落实 matrix; 铜梁's
// office takes up one of its tasks by creating a task in its own plan, and the leader, reloading, sees 铜梁's column
// count one more — read-only: no rule setting, no office actions on the plan. Then the city office sets the rule.
// One level down: 青峰镇's office (a town of 永川) takes up 永川's action plan (000) on its 镇街落实 tab, and 永川's
// office sees its tasks × its 23 towns with 青峰镇's column changed.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { englishTextOnPage, login, newPage, VIEWPORT } from './helpers';
import { apiSession, shotBoth, useDemoJourney } from './runServer';

const j = useDemoJourney();

interface Coverage { plan: { id: number }; districts: { id: number; name: string; counts: { taken_up: number } }[] }

describe('区县落实', () => {
  it('铜梁区规划办落实市级任务,市分管领导在矩阵中看到变化', async () => {
    const city = await apiSession(j.server.base, 'cq_office');
    const leaderApi = await apiSession(j.server.base, 'cq_leader');
    const plans = await leaderApi<{ items: { id: number; regionName: string | null }[] }>('GET', '/api/plans?pageSize=50');
    const scheme = plans.items.find((p) => p.regionName === '重庆市')!;
    const before = (await leaderApi<Coverage>('GET', `/api/plans/${scheme.id}/coverage`)).districts.find((d) => d.name === '铜梁区')!.counts.taken_up;

    // the city leader's matrix before: 铜梁's column head says how many of the 26 it has taken up
    const leader = await j.asUser('cq_leader');
    await leader.goto(`/plans/${scheme.id}?tab=take-up`);
    const tlHead = leader.locator('.coverage .ant-table-thead th').filter({ hasText: '铜梁区' }).first();
    await tlHead.waitFor();
    const count = async () => ((await tlHead.locator('small').textContent()) ?? '').split('/')[0];
    await expect.poll(count).toBe(String(before));
    // read-only: the rule is stated, not set; none of the office's plan actions
    await expect.poll(() => leader.locator('.coverage').textContent()).toContain('汇总规则');
    expect(await leader.getByRole('button', { name: /^汇总规则:/ }).count()).toBe(0);
    expect(await leader.getByRole('button', { name: /预览并公开/ }).count()).toBe(0);
    expect(await leader.getByLabel('规划状态').count()).toBe(0);

    const page = await j.asUser('tl_office');
    await page.goto(`/plans/${scheme.id}?tab=take-up`);
    const rows = page.locator('.take-up .ant-table-row');
    await rows.first().waitFor();
    // the first task is taken up by the demo; take up the second by creating a task in 铜梁's plan
    await rows.nth(1).getByRole('button', { name: '新建任务' }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '据此新建本区县任务' });
    await dialog.waitFor();
    // the creating request's answer and the dialog's close first: a failure says which step did not happen
    const created = page.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/tasks\/\d+\/take-up$/.test(r.url()), { timeout: 30_000 });
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    const answer = await created;
    expect(answer.status(), await answer.text()).toBe(200);
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => rows.nth(1).locator('.ant-tag').first().textContent(), { timeout: 30_000 }).toBe('已落实');
    await shotBoth(page, 'take-up-district');
    expect(await englishTextOnPage(page)).toEqual([]);
    await page.close();

    const after = (await leaderApi<Coverage>('GET', `/api/plans/${scheme.id}/coverage`)).districts.find((d) => d.name === '铜梁区')!.counts.taken_up;
    expect(after).toBe(before + 1);
    // the leader's page, reloaded, shows 铜梁's column one more
    await leader.reload();
    await tlHead.waitFor();
    await expect.poll(count, { timeout: 30_000 }).toBe(String(before + 1));
    await shotBoth(leader, 'take-up-matrix-leader', true);
    expect(await englishTextOnPage(leader)).toEqual([]);
    await leader.close();
    // 永川's 住房城乡建委 reports far behind pace on one of its linked tasks: that row's roll-up turns red
    const cov = await city<Coverage & { rows: { cells: { regionId: number; taskIds: number[] }[] }[] }>('GET', `/api/plans/${scheme.id}/coverage`);
    const yc = cov.districts.find((d) => d.name === '永川区')!;
    const linked = cov.rows.flatMap((r) => r.cells.filter((c) => c.regionId === yc.id).flatMap((c) => c.taskIds));
    const reporter = await apiSession(j.server.base, 'yc_jw');
    const mine = await reporter<{ items: { id: number }[] }>('GET', '/api/me/tasks?role=lead&pageSize=200');
    const lagging = linked.find((id) => mine.items.some((t) => t.id === id));
    expect(lagging, '永川区住房城乡建委牵头的区县落实任务').toBeDefined();
    await reporter('POST', `/api/tasks/${lagging}/reports`, { reportedStatus: '推进中', progress: 1, progressText: '前期手续办理中', problems: '资金未到位', nextSteps: '加快推进', submit: true });
    const cityPage = await j.asUser('cq_office');
    await cityPage.goto(`/plans/${scheme.id}?tab=take-up`);
    await cityPage.locator('.coverage .ant-table-row').first().waitFor();
    await expect.poll(() => cityPage.locator('.coverage .ant-table-thead').textContent()).toContain('铜梁区');
    await expect.poll(() => cityPage.locator('.coverage').textContent()).toContain('汇总规则');
    // taken up and reporting: 永川's report for the current period marks its cell 本期已报送; a taken-up cell with nothing
    // sent for the period says 本期未报送 (铜梁's task created above)
    const ycReporting = cov.rows.findIndex((r) => r.cells.some((c) => c.regionId === yc.id && c.taskIds.includes(lagging!)));
    const ycCol = cov.districts.findIndex((d) => d.id === yc.id);
    const ycCell = cityPage.locator('.coverage .ant-table-row').nth(ycReporting).locator('td').nth(2 + ycCol);
    await expect.poll(() => ycCell.textContent()).toContain('本期已报送');
    expect(await cityPage.locator('.coverage .reporting-mark.silent').count()).toBeGreaterThan(0);
    await expect.poll(() => cityPage.locator('.coverage').textContent()).toMatch(/其中本期已报送 [1-9]/);
    await shotBoth(cityPage, 'take-up-matrix', true);
    // the roll-up rule dialog: the city office switches to the share on track at 60 %, the sentence above the matrix follows
    await cityPage.getByRole('button', { name: /汇总规则:取最差颜色/ }).click();
    const ruleDialog = cityPage.locator('.ant-modal').filter({ hasText: '设置汇总规则' });
    await ruleDialog.waitFor();
    await ruleDialog.locator('.ant-select').first().click();
    await cityPage.locator('.ant-select-item-option').filter({ hasText: '按正常推进占比' }).click();
    const threshold = ruleDialog.getByRole('spinbutton');
    await threshold.waitFor();
    await threshold.fill('60');
    await shotBoth(cityPage, 'take-up-rollup-rule');
    expect(await englishTextOnPage(cityPage)).toEqual([]);
    await ruleDialog.getByRole('button', { name: /保\s*存/ }).click();
    await cityPage.getByText('汇总规则已保存').waitFor();
    await expect.poll(() => cityPage.locator('.coverage .ant-alert').first().textContent()).toContain('按正常推进占比');
    await expect.poll(() => cityPage.locator('.coverage').textContent()).toContain('达到60%为绿色');
    await expect.poll(() => cityPage.getByRole('button', { name: /汇总规则:按正常推进占比/ }).count()).toBe(1);
    const saved = await city<{ rollupRule: { kind: string; threshold: number } }>('GET', `/api/plans/${scheme.id}/coverage`);
    expect(saved.rollupRule).toMatchObject({ kind: 'share', threshold: 60 });
    // the filter keeps the tasks whose roll-up is red or yellow: the report far behind pace makes at least one
    await cityPage.getByText('有区县滞后').click();
    await expect.poll(() => cityPage.locator('.coverage .ant-table-row').count()).toBeGreaterThanOrEqual(1);
    await expect.poll(() => cityPage.locator('.coverage .ant-table-row').count()).toBeLessThan(26);
    await cityPage.close();
  });

  it('青峰镇落实永川区行动计划的任务,永川区规划办在镇街落实矩阵中看到变化', async () => {
    const base = j.server.base;
    // 青峰镇's office: a town region of 永川 (the registry's 镇街), its own account and its own work plan, imported by it
    const admin = await apiSession(base, 'admin');
    const regions = await admin<{ items: { id: number; name: string; level: string; parentId: number | null }[] }>('GET', '/api/regions');
    const yc = regions.items.find((r) => r.name === '永川区')!;
    const qf = regions.items.find((r) => r.name === '青峰镇' && r.parentId === yc.id)!;
    const towns = regions.items.filter((r) => r.parentId === yc.id);
    const password = 'Qingfeng-Town-2026!';
    await admin('POST', '/api/users', { username: 'qf_office', displayName: '青峰镇城镇更新办 何莉', password, roles: ['office'], regionId: qf.id });
    const town = await apiSession(base, 'qf_office', password);
    const plan = await importAs(base, 'qf_office', password, '青峰镇城镇更新工作方案.txt', TOWN_PLAN);
    expect((await town<{ regionName: string }>('GET', `/api/plans/${plan}`)).regionName).toBe('青峰镇');

    const plans = await town<{ items: { id: number; title: string; regionName: string | null }[] }>('GET', '/api/plans?pageSize=50');
    const renewal = plans.items.find((p) => p.regionName === '永川区' && p.title.includes('城市更新'))!;
    const list = await town<{ region: { word: string }; canWrite: boolean; items: { task: { title: string } }[] }>('GET', `/api/plans/${renewal.id}/take-up`);
    expect(list).toMatchObject({ canWrite: true, region: { word: '镇街' } });
    const row = Math.max(0, list.items.findIndex((i) => i.task.title.includes('老旧小区')));
    const other = row === 0 ? 1 : 0;

    for (const viewport of [VIEWPORT, { width: 390, height: 844 }]) {
      const phone = viewport.width < 500;
      const { page, errors, close } = await pageWith(j.browser, base, 'qf_office', password, viewport);
      await page.goto(`/plans/${renewal.id}?tab=take-up`);
      // the tab is named for the level below the plan's region (it may sit in the tabs' overflow on a phone)
      await expect.poll(() => page.locator('.ant-tabs-tab-active').first().textContent()).toBe('镇街落实');
      const rows = page.locator('.take-up .ant-table-row');
      await rows.first().waitFor();
      // a plan above the town: none of the office's plan actions (the plan's can.manage, policy's word, is false)
      expect(await page.getByRole('button', { name: /预览并公开/ }).count()).toBe(0);
      expect(await page.getByLabel('规划状态').count()).toBe(0);
      if (!phone) {
        // link the town's own task, picked from the suggestions (nothing is linked until 确定)
        await rows.nth(row).getByRole('button', { name: '关联本镇街任务' }).click();
        const dialog = page.locator('.ant-modal').filter({ hasText: '关联本镇街任务' });
        await dialog.waitFor();
        await dialog.locator('.take-up-suggestions .ant-tag').first().click();
        await dialog.getByRole('button', { name: /确\s*定/ }).click();
        await expect.poll(() => rows.nth(row).locator('.ant-tag').first().textContent(), { timeout: 30_000 }).toBe('已落实');
        await expect.poll(() => rows.nth(row).textContent()).toContain('青峰镇城镇更新工作方案');
        // another does not apply, with the reason the district sees
        await rows.nth(other).getByRole('button', { name: '不适用' }).click();
        const na = page.locator('.ant-modal').filter({ hasText: '不适用于本镇街' });
        await na.waitFor();
        await na.getByRole('textbox').fill('青峰镇无该类设施,本轮不实施');
        await na.getByRole('button', { name: /确\s*定/ }).click();
        await expect.poll(() => rows.nth(other).locator('.ant-tag').first().textContent(), { timeout: 30_000 }).toBe('不适用');
      }
      await expect.poll(() => page.locator('.take-up').textContent()).toMatch(/青峰镇落实情况:已落实 1 项.*不适用 1 项/);
      if (phone) await page.locator('.take-up').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await shotBoth(page, phone ? 'take-up-town-phone' : 'take-up-town');
      expect(await englishTextOnPage(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      expect(errors).toEqual([]);
      await close();
    }

    // 永川's office: its plan's tasks × its towns, 青峰镇's column changed, the rule in the towns' words
    for (const viewport of [VIEWPORT, { width: 390, height: 844 }]) {
      const phone = viewport.width < 500;
      const { page, errors, close } = await pageWith(j.browser, base, 'yc_office', 'luoshi2026', viewport);
      await page.goto(`/plans/${renewal.id}?tab=take-up`);
      const matrix = page.locator('.coverage');
      await matrix.locator('.ant-table-row').first().waitFor();
      // its own plan: the office's plan actions are there (the same page a town office sees without them)
      if (!phone) await expect.poll(() => page.getByLabel('规划状态').count()).toBe(1);
      await expect.poll(() => matrix.locator('.ant-table-thead').textContent()).toContain('青峰镇');
      const head = (await matrix.locator('.ant-table-thead').textContent()) ?? '';
      expect(towns.every((t) => head.includes(t.name)), '永川区的每个镇街一列').toBe(true);
      expect(head).not.toContain('铜梁区');
      await expect.poll(() => matrix.textContent()).toContain('(任务 × 镇街)');
      await expect.poll(() => matrix.locator('.ant-alert').first().textContent()).toContain('每个已落实镇街');
      const qfCol = towns.sort((a, b) => a.id - b.id).findIndex((t) => t.id === qf.id);
      const cell = (r: number) => matrix.locator('.ant-table-tbody .ant-table-row').nth(r).locator('td').nth(2 + qfCol);
      await expect.poll(() => cell(row).textContent()).toContain('本期未报送');
      await expect.poll(() => cell(other).textContent()).toBe('不适用');
      await expect.poll(() => matrix.textContent()).toContain('1个镇街已落实');
      // the town's cell in view, the towns' names held under the top bar
      await cell(row).scrollIntoViewIfNeeded();
      await shotBoth(page, phone ? 'take-up-town-matrix-phone' : 'take-up-town-matrix');
      expect(await englishTextOnPage(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      expect(errors).toEqual([]);
      await close();
    }
    const cov = await apiSession(base, 'yc_office').then((yo) => yo<{ levelWord: string; districts: { id: number; counts: { taken_up: number; not_applicable: number } }[] }>('GET', `/api/plans/${renewal.id}/coverage`));
    expect(cov.levelWord).toBe('镇街');
    expect(cov.districts.find((d) => d.id === qf.id)!.counts).toMatchObject({ taken_up: 1, not_applicable: 1 });
  });
});

/** a town's own work plan, as its office would upload it (its two offices are new to the registry: created on confirm) */
const TOWN_PLAN = `青峰镇城镇更新工作方案(2025—2027年)

一、工作目标
到2027年,全镇城镇更新取得明显成效。

二、重点任务
(一)推进老旧小区改造
1.推进青峰镇老旧小区改造和背街小巷整治,2027年底前完成场镇内老旧小区改造。(牵头单位:镇规划建设管理办公室)
(二)整治场镇环境
2.实施场镇环境综合整治,完善场镇道路、排水和照明设施。(牵头单位:镇规划建设管理办公室;责任单位:镇综合行政执法大队)
`;

/** a multipart upload of the plan by `user`, parsed and confirmed; the new plan's id */
async function importAs(base: string, user: string, password: string, filename: string, text: string): Promise<number> {
  const api = await apiSession(base, user, password);
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: user, password }) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const form = new FormData();
  form.append('file', new Blob([new TextEncoder().encode(text)], { type: 'text/plain' }), filename);
  const r = await fetch(`${base}/api/imports`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken }, body: form });
  if (!r.ok) throw new Error(`上传失败 ${r.status} ${await r.text()}`);
  let job = (await r.json()) as { id: number; status: string; unknownUnits: { name: string }[] };
  for (let i = 0; job.status !== 'review' && i < 120; i++) {
    if (job.status === 'failed') throw new Error(`导入失败 ${JSON.stringify(job)}`);
    await new Promise((ok) => setTimeout(ok, 500));
    job = await api('GET', `/api/imports/${job.id}`);
  }
  const { planId } = await api<{ planId: number }>('POST', `/api/imports/${job.id}/confirm`, { createUnits: job.unknownUnits.map((u) => u.name), status: 'active' });
  return planId;
}

/** a logged-in page at this viewport for an account with its own password; page errors collected */
async function pageWith(browser: import('playwright-core').Browser, base: string, username: string, password: string, viewport: { width: number; height: number }) {
  const { page, context } = await newPage(browser, base);
  await page.setViewportSize(viewport);
  const errors: string[] = [];
  (page as Page).on('pageerror', (e) => errors.push(`[${username}] ${e.message}`));
  await login(page, username, password);
  return { page, errors, close: () => context.close() };
}
