// The region's office says a proposed pair is not the same work (issue #13), with an optional note; the pair is not
// proposed again. A confirmed link may be undone the same way. Audited; deciding what is already decided changes
// nothing and writes nothing.
import { z } from 'zod';
import { rejectSameWorkBodySchema } from '../../shared/sameWork.js';
import { decideSameWorkLink } from './decideSameWorkLink.js';
import type { OpContext } from './context.js';

export async function rejectSameWorkLink(ctx: OpContext, planId: number, input: z.input<typeof rejectSameWorkBodySchema>) {
  const data = rejectSameWorkBodySchema.parse(input);
  return decideSameWorkLink(ctx, planId, data.linkId, 'rejected', data.note ?? null);
}
