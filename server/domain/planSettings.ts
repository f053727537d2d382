// The per-plan knobs of every rule in this folder, in one schema the API can store in
// plans.settings and hand back to the functions unchanged.
import { z } from 'zod';
import { reportingConfigSchema } from './reportingPeriods.js';
import { taskThresholdsSchema } from './status.js';
import { rankOptionsSchema, unitScoreConfigSchema } from './unitScore.js';

// prefault, not default: zod 4 returns a default as-is, while a prefault is parsed, so inner
// defaults fill in when a plan has saved only some of its settings.
export const planDomainSettingsSchema = z.object({
  reporting: reportingConfigSchema.prefault({}),
  taskThresholds: taskThresholdsSchema.prefault({}),
  indicator: z
    .object({
      tolerance: z.number().min(0).max(1).default(0.05),
      toleranceAbsolute: z.number().min(0).default(0),
    })
    .prefault({}),
  split: z
    .object({
      toleranceRelative: z.number().min(0).max(1).default(0.001),
      toleranceAbsolute: z.number().min(0).default(0),
    })
    .prefault({}),
  unitScore: unitScoreConfigSchema.prefault({}),
  ranking: rankOptionsSchema.prefault({}),
});
export type PlanDomainSettings = z.infer<typeof planDomainSettingsSchema>;
export type PlanDomainSettingsInput = z.input<typeof planDomainSettingsSchema>;

/** Reads the domain settings out of a plan's free-form settings record, ignoring other keys. */
export function readPlanDomainSettings(settings: unknown): PlanDomainSettings {
  return planDomainSettingsSchema.parse(settings ?? {});
}
