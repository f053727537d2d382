// Take-up suggestions (issue #13): the words, the units' kinds and the chapter each count; the chapter (the upper
// task's chapter path against the district task's) changes which district task is proposed first.
import { describe, expect, it } from 'vitest';
import { scoreSuggestion, SUGGESTION_WEIGHTS, type SuggestionSide } from '../../server/domain/takeUpSuggestions.js';
import { searchTokens } from '../../server/search.js';

const side = (text: string, chapterPath: string[] = [], unitKinds: string[] = []): SuggestionSide => ({
  searchText: searchTokens(text), unitKinds, chapterTokens: searchTokens(chapterPath.join('\n')), chapter: chapterPath.at(-1) ?? null,
});
const rank = (upper: SuggestionSide, candidates: Record<string, SuggestionSide>) =>
  Object.entries(candidates).map(([name, c]) => ({ name, ...scoreSuggestion(upper, c) })).sort((a, b) => b.score - a.score).map((x) => x.name);
const withoutChapter = (s: SuggestionSide): SuggestionSide => ({ ...s, chapterTokens: '', chapter: null });

describe('take-up suggestion score', () => {
  const upper = side('加快推进城镇老旧小区改造,完善配套设施', ['提升城市宜居品质', '推进老旧小区改造']);
  // the same work under the district's own chapter of 老旧小区改造, worded differently
  const renewal = side('实施小区改造工程,完善加装电梯', ['建设宜居城市', '老旧小区改造提升']);
  // a task in an industry chapter that happens to share more of the upper task's words
  const industry = side('完善园区配套设施,推进产业发展', ['发展现代产业', '园区建设']);

  it('without the chapter the industry task is first; with it the renewal task is', () => {
    expect(rank(withoutChapter(upper), { renewal: withoutChapter(renewal), industry: withoutChapter(industry) })).toEqual(['industry', 'renewal']);
    expect(rank(upper, { renewal, industry })).toEqual(['renewal', 'industry']);
  });

  it('the chapter adds its weight × the Dice of the chapters’ words, and says so in words', () => {
    const plain = scoreSuggestion(withoutChapter(upper), withoutChapter(renewal));
    const full = scoreSuggestion(upper, renewal);
    expect(full.score).toBeGreaterThan(plain.score);
    expect(full.score - plain.score).toBeLessThanOrEqual(SUGGESTION_WEIGHTS.chapter + 0.001);
    expect(full.reasons.find((r) => r.startsWith('章节相近'))).toMatch(/^章节相近:「推进老旧小区改造」与「老旧小区改造提升」\(.+\)$/);
    expect(plain.reasons.some((r) => r.startsWith('章节相近'))).toBe(false);
    // a chapter with nothing in common adds nothing
    expect(scoreSuggestion(upper, industry).reasons.some((r) => r.startsWith('章节相近'))).toBe(false);
  });

  it('a shared kind of unit still adds 0.2, and no words and no chapter give 0', () => {
    const a = scoreSuggestion(side('推进老旧小区改造', [], ['住房城乡建委']), side('推进老旧小区改造', [], ['住房城乡建委']));
    expect(a.score).toBe(1.2);
    expect(a.reasons).toEqual(expect.arrayContaining([expect.stringMatching(/^同类单位:住房城乡建委/)]));
    expect(scoreSuggestion(side('推进老旧小区改造'), side('发展数字经济')).score).toBe(0);
  });
});
