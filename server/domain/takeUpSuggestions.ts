// How a district's own task is scored as a likely carrier of an upper task (issue #13): by the words the two share
// (the jieba tokens kept in tasks.search_text, Dice coefficient), the kinds of units involved (市住房城乡建委 ~
// 区住房城乡建委) and the chapters they stand in (the words of the upper task's chapter path against the district
// task's). Only proposed, with the reasons in words; a person confirms by linking.

/** One side of the comparison: a task's search tokens, its units' kinds, its chapter path (titles, outermost first). */
export interface SuggestionSide {
  searchText: string;
  unitKinds: string[];
  /** the search tokens of the chapter path's titles (searchTokens of the titles joined), '' when the task has none */
  chapterTokens: string;
  /** the innermost chapter's title, for the reason in words; null when the task stands in no chapter */
  chapter: string | null;
}

/** What each signal adds to the score: the words count in full, a shared unit kind 0.2, the chapters' words 0.3 × Dice. */
export const SUGGESTION_WEIGHTS = { words: 1, units: 0.2, chapter: 0.3 } as const;

const tokenSet = (searchText: string) => new Set(searchText.split(' ').filter((t) => t.length >= 2));

/** Dice coefficient of two token sets, with the shared tokens (longest first). */
function dice(a: Set<string>, b: Set<string>) {
  const shared = [...a].filter((t) => b.has(t)).sort((x, y) => y.length - x.length);
  return { value: a.size + b.size ? (2 * shared.length) / (a.size + b.size) : 0, shared };
}

/** The score of a candidate district task for an upper task, and the reasons in words. */
export function scoreSuggestion(upper: SuggestionSide, candidate: SuggestionSide): { score: number; reasons: string[] } {
  const words = dice(tokenSet(upper.searchText), tokenSet(candidate.searchText));
  const mineKinds = new Set(upper.unitKinds.filter(Boolean));
  const sharedKinds = [...new Set(candidate.unitKinds)].filter((k) => mineKinds.has(k));
  const chapter = dice(tokenSet(upper.chapterTokens), tokenSet(candidate.chapterTokens));
  const score = SUGGESTION_WEIGHTS.words * words.value + (sharedKinds.length ? SUGGESTION_WEIGHTS.units : 0) + SUGGESTION_WEIGHTS.chapter * chapter.value;
  const reasons = [
    ...(words.shared.length ? [`共同词语:${words.shared.slice(0, 6).join('、')}`] : []),
    ...(sharedKinds.length ? [`同类单位:${sharedKinds.slice(0, 3).join('、')}`] : []),
    ...(chapter.shared.length ? [`章节相近:「${upper.chapter ?? ''}」与「${candidate.chapter ?? ''}」(${chapter.shared.slice(0, 3).join('、')})`] : []),
  ];
  return { score: Math.round(score * 1000) / 1000, reasons };
}
