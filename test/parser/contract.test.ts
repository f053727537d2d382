import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsedPlanJsonSchema, schemaPath } from '../../server/cli/exportSchema.js';

describe('published parse contract', () => {
  it('docs/parsed-plan.schema.json matches the Zod schema (regenerate: npx tsx server/cli/exportSchema.ts)', () => {
    expect(readFileSync(schemaPath, 'utf8')).toBe(parsedPlanJsonSchema());
  });
});
