// The region's office confirms a proposed link between a task (or indicator) of one plan and one of another plan of
// the region: the two describe the same work (issue #13). From then on each shows the other in its detail, and linked
// indicators' differing figures are flagged. A rejected pair may be confirmed after all. Audited.
import { z } from 'zod';
import { confirmSameWorkBodySchema } from '../../shared/sameWork.js';
import { decideSameWorkLink } from './decideSameWorkLink.js';
import type { OpContext } from './context.js';

export async function confirmSameWorkLink(ctx: OpContext, planId: number, input: z.input<typeof confirmSameWorkBodySchema>) {
  const data = confirmSameWorkBodySchema.parse(input);
  return decideSameWorkLink(ctx, planId, data.linkId, 'confirmed', null);
}
