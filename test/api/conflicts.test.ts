// Two plans of one district that state the same figure differently: shown, never merged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestApp, type TestApp } from '../helpers/app.js';
import { corpus, makeUser, PASSWORD } from '../helpers/factories.js';

let t: TestApp;
let office: Client;
const confirm = async (file: string) => {
  const job = (await office.upload('/api/imports', `${file}.txt`, corpus(file))).json();
  const planId = (await office.post(`/api/imports/${job.id}/confirm`, { createUnits: job.unknownUnits.map((u: { name: string }) => u.name) })).json().planId;
  return { job, planId };
};
beforeAll(async () => {
  t = await startTestApp();
  const u = await makeUser(t.handle.db, ['office'], { region: '永川区' });
  office = await new Client(t.app).login(u.username, PASSWORD);
});
afterAll(() => t.close());

describe('figure conflicts between plans of one region', () => {
  it('warns at import of 004 that 000 states the digital-economy share differently, and lists it on both plans', async () => {
    const first = await confirm('000');
    const second = await confirm('004');
    const warnings = second.job.parsed.warnings.filter((w: { code: string }) => w.code === 'FIGURE_CONFLICT');
    const digital = warnings.find((w: { message: string }) => w.message.includes('数字经济'));
    expect(digital, JSON.stringify(warnings.map((w: { message: string }) => w.message))).toBeDefined();
    expect(digital.message).toMatch(/33%/);
    expect(digital.message).toMatch(/12%/);
    expect(warnings.some((w: { message: string }) => /安全事故死亡率/.test(w.message))).toBe(true);
    // equal figures (研发投入强度 3%, 文化产业 4%) are not conflicts
    expect(warnings.some((w: { message: string }) => /文化产业/.test(w.message))).toBe(false);

    const onFirst = (await office.get(`/api/plans/${first.planId}/conflicts`)).json().items;
    expect(onFirst.some((c: { here: { value: number }; there: { value: number; planId: number } }) => c.here.value === 12 && c.there.value === 33 && c.there.planId === second.planId)).toBe(true);
    const onSecond = (await office.get(`/api/plans/${second.planId}/conflicts`)).json().items;
    expect(onSecond.some((c: { here: { value: number }; there: { value: number } }) => c.here.value === 33 && c.there.value === 12)).toBe(true);
  });
});
