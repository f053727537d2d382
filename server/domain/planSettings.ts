// The per-plan knobs of every rule in this folder: the schema (stored in plans.settings, handed back to the
// functions unchanged) is the contract in shared/planSettings.ts.
import { planDomainSettingsSchema, type PlanDomainSettings } from '../../shared/planSettings.js';

export { planDomainSettingsSchema } from '../../shared/planSettings.js';
export type { PlanDomainSettings, PlanDomainSettingsInput } from '../../shared/planSettings.js';


/** Reads the domain settings out of a plan's free-form settings record, ignoring other keys. */
export function readPlanDomainSettings(settings: unknown): PlanDomainSettings {
  return planDomainSettingsSchema.parse(settings ?? {});
}
