// The office sets how units are scored and ranked for a plan: weights, credit per colour and
// class, how many units are named at the top and bottom and what the awards are called.
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { scoreSettingsPatchSchema, scoreSettingsSchema, type ScoreSettings } from '../../shared/evaluation.js';
import { plans } from '../db/schema/index.js';
import { writeAudit } from '../audit.js';
import { now } from '../clock.js';
import { can } from '../policy.js';
import { getVisiblePlan } from '../queries/plans.js';
import { scoreSettings } from '../queries/scores.js';
import type { OpContext } from './context.js';

export async function updateScoreSettings({ db, actor }: OpContext, planId: number, input: z.input<typeof scoreSettingsPatchSchema>): Promise<ScoreSettings> {
  const patch = scoreSettingsPatchSchema.parse(input);
  const { p: plan } = await getVisiblePlan(db, actor, planId);
  if (!can(actor, 'evaluation.manage')) throw new AppError('FORBIDDEN');
  const current = scoreSettings(plan);
  const merged = {
    unitScore: {
      weights: { ...current.unitScore.weights, ...patch.weights },
      taskFactors: { ...current.unitScore.taskFactors, ...patch.taskFactors },
      indicatorFactors: { ...current.unitScore.indicatorFactors, ...patch.indicatorFactors },
    },
    ranking: { ...current.ranking, ...patch.ranking },
  };
  const parsed = scoreSettingsSchema.safeParse(merged); // e.g. weights must not all be zero
  if (!parsed.success) throw new AppError('SCORE_SETTINGS_INVALID', parsed.error.issues);
  const next = parsed.data;
  return db.transaction(async (tx) => {
    await tx.update(plans).set({ settings: { ...plan.settings, ...next }, updatedAt: now(), version: sql`${plans.version} + 1` }).where(eq(plans.id, planId));
    await writeAudit(tx, actor, { action: 'plan.score_settings', entityType: 'plan', entityId: planId, planId, before: current, after: next });
    return next;
  });
}
