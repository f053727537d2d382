// Plans confirmed before their full text was searched kept only their title's tokens: at start, each such plan
// gets its title's and document's tokens (search.ts planSearchText), once — a plan already indexed is not read
// again. Audited as the system's change.
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { documents, plans } from '../db/schema/index.js';
import type { Db } from '../db/client.js';
import { writeAudit } from '../audit.js';
import { systemActor } from '../policy.js';
import { planSearchText, searchTokens } from '../search.js';

export async function indexPlanTexts(db: Db): Promise<number> {
  // a title's own tokens are at most a few per character: a longer search text already holds more than the title
  const candidates = await db
    .select({ id: plans.id, title: plans.title, searchText: plans.searchText, documentId: plans.documentId })
    .from(plans)
    .where(and(isNotNull(plans.documentId), sql`length(${plans.searchText}) <= 4 * length(${plans.title}) + 16`));
  let done = 0;
  for (const p of candidates) {
    if (p.searchText !== searchTokens(p.title) && p.searchText !== '') continue;
    const [doc] = await db.select({ text: documents.text }).from(documents).where(eq(documents.id, p.documentId!));
    if (!doc?.text) continue;
    const searchText = planSearchText(p.title, doc.text);
    if (searchText === p.searchText) continue;
    await db.transaction(async (tx) => {
      await tx.update(plans).set({ searchText }).where(eq(plans.id, p.id));
      await writeAudit(tx, systemActor, { action: 'plan.index_text', entityType: 'plan', entityId: p.id, planId: p.id, after: { searchTextLength: searchText.length } });
    });
    done++;
  }
  return done;
}
