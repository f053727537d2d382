import { describe, expect, it } from 'vitest';
import { parseText } from '../../server/parser/index.js';
import { validateParsed } from '../../server/parser/validate.js';
import { identityDoc } from '../../server/parser/doc.js';
import { defaultRegistry } from '../../server/parser/registry.js';

describe('validateParsed', () => {
  it('repairs what it safely can and reports everything as warnings', () => {
    const text = '一、任务\n(一)推进改造。内容。(牵头单位:区财政局)';
    const plan = parseText(text);
    const ctx = { doc: identityDoc(text), registry: defaultRegistry(), warnings: plan.warnings, region: null };
    plan.tasks[0].source = { start: 5, end: 9999 };
    plan.tasks[0].outlineId = 'o99';
    plan.tasks.push({ ...plan.tasks[0], source: { start: 0, end: 1 } });
    plan.outline[1].parentId = 'o42';
    expect(() => validateParsed(plan, ctx)).not.toThrow();
    expect(plan.tasks[0].source).toEqual({ start: 5, end: text.length });
    expect(plan.tasks[0].outlineId).toBeNull();
    expect(plan.outline[1].parentId).toBeNull();
    const msgs = plan.warnings.filter((w) => w.code === 'PARSE_INCONSISTENT').map((w) => w.message);
    expect(msgs.some((m) => m.includes('越界'))).toBe(true);
    expect(msgs.some((m) => m.includes('任务编号 t1 重复'))).toBe(true);
    expect(msgs.some((m) => m.includes('o99'))).toBe(true);
    expect(msgs.some((m) => m.includes('o42'))).toBe(true);
  });
});
