import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runParse } from '../../server/cli/parse.js';
import { parsedPlanSchema } from '../../shared/parsedPlan.js';
import { corpusPath } from '../helpers/corpus.js';

const file = corpusPath('002_a8cf94ceb730f871.txt');

describe('luoshi parse', () => {
  it('--json prints the contract, with or without the text', async () => {
    const withText = parsedPlanSchema.parse(JSON.parse(await runParse(file, { json: true, text: true })));
    expect(withText.text?.length).toBe(withText.meta.charCount);
    expect(withText.tasks.length).toBe(26);
    const noText = JSON.parse(await runParse(file, { json: true, text: false }));
    expect(noText.text).toBeUndefined();
  });

  it('prints a summary for people', async () => {
    const out = await runParse(file, { json: false, text: true });
    expect(out).toContain('26 项任务');
    expect(out).toContain('CASCADE_ALL_DISTRICTS');
  });
});

describe('luoshi --help', () => {
  it('speaks Chinese, including the headings and help lines commander writes in English', () => {
    const bin = path.resolve(__dirname, '../../bin/luoshi.js');
    const out = execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(out).toContain('用法:');
    expect(out).toContain('命令:');
    expect(out).toContain('显示帮助');
    expect(out).not.toMatch(/display help|Usage:|Options:|Commands:/);
  });
});
