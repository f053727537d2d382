// docs/parsed-plan.schema.json is generated from the Zod contract; a test fails when it is stale.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from '../paths.js';
import { z } from 'zod';
import { parsedPlanSchema } from '../../shared/parsedPlan.js';

export const schemaPath = path.resolve(repoRoot, 'docs/parsed-plan.schema.json');

export function parsedPlanJsonSchema(): string {
  const schema = z.toJSONSchema(parsedPlanSchema, { io: 'output' });
  return JSON.stringify({ ...schema, $id: 'https://luoshi.local/schemas/parsed-plan.json', title: 'Luoshi parsed plan (luoshi parse --json)' }, null, 2) + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  writeFileSync(schemaPath, parsedPlanJsonSchema());
  console.log(`wrote ${schemaPath}`);
}
