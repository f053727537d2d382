// Chinese full-text search that works the same on PGlite and PostgreSQL: segment with jieba,
// store space-joined tokens, match with to_tsvector('simple', …) @@ to_tsquery('simple', …).
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { sql, type SQL, type AnyColumn } from 'drizzle-orm';

let jieba: Jieba | null = null;
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

const isWord = (t: string) => /[\p{L}\p{N}]/u.test(t);

/** Words of a phrase (precise mode), for comparing names. */
export function segmentWords(text: string): string[] {
  return segmenter().cut(text, false).map((t) => t.trim()).filter(isWord);
}

export function searchTokens(text: string): string {
  const tokens = segmenter().cutForSearch(text, true).map((t) => t.trim().toLowerCase()).filter(isWord);
  return [...new Set(tokens)].join(' ');
}

/**
 * Longest search text a plan keeps: its title's and full text's distinct tokens, first seen first. A tsvector holds
 * at most 1 MB; 100,000 characters of CJK tokens (≤ 300 KB, ~40,000 lexemes with their positions) stay well inside.
 */
export const PLAN_SEARCH_TEXT_MAX = 100_000;

/** A plan's search text: the tokens of its title and of its whole document (the 十四五 a 纲要's title never names). */
export function planSearchText(title: string, documentText: string | null | undefined): string {
  const all = searchTokens(`${title}\n${documentText ?? ''}`);
  if (all.length <= PLAN_SEARCH_TEXT_MAX) return all;
  const cut = all.slice(0, PLAN_SEARCH_TEXT_MAX);
  return cut.slice(0, cut.lastIndexOf(' '));
}

/** `%q%` for like/ilike, with the pattern characters of the input taken literally. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
}

/** the queries segmented lately (at most SEGMENTED_MAX, all dropped past it; a query is at most 100 characters) */
const segmented = new Map<string, string | undefined>();
const SEGMENTED_MAX = 2000;

/**
 * The tsquery text a search query becomes (every token, AND), or undefined when it has no word: all `matchSearch`
 * sends of the query, so two queries with the same text match the same rows (the answer cache keys on it).
 */
export function searchQuery(q: string | undefined): string | undefined {
  if (!q?.trim()) return undefined;
  const text = q.trim();
  // a cached answer's key asks this on every request: the same few queries are segmented once (issue #15)
  if (segmented.has(text)) return segmented.get(text);
  const tokens = segmenter().cut(text, true).map((t) => t.trim().toLowerCase()).filter(isWord);
  // quote each token as a tsquery lexeme so punctuation in user input cannot break the query
  const query = tokens.length ? tokens.map((t) => `'${t.replace(/'/g, "''").replace(/\\/g, '')}'`).join(' & ') : undefined;
  if (segmented.size >= SEGMENTED_MAX) segmented.clear();
  segmented.set(text, query);
  return query;
}

/** A condition matching every token of the query (AND), or undefined for an empty query. */
export function matchSearch(column: AnyColumn, q: string | undefined): SQL | undefined {
  const query = searchQuery(q);
  if (query === undefined) return undefined;
  return sql`to_tsvector('simple', ${column}) @@ to_tsquery('simple', ${query})`;
}
