// The search query's tsquery text: the same for the same words however often asked (the answer cache keys on it),
// quoted so input cannot break the query, undefined when nothing is left to search.
import { describe, expect, it } from 'vitest';
import { searchQuery } from '../../server/search.js';

describe('searchQuery', () => {
  it('segments Chinese words into quoted lexemes joined by AND, the same text every time', () => {
    const first = searchQuery(' 城市更新 ');
    expect(first).toMatch(/^'[^']+'( & '[^']+')*$/);
    expect(searchQuery('城市更新')).toBe(first);
    expect(searchQuery('城市更新')).toBe(first);
  });
  it('quotes a quote and drops a backslash', () => {
    const q = searchQuery("road's\\ 城市");
    expect(q).toMatch(/^'(?:[^'\\]|'')+'(?: & '(?:[^'\\]|'')+')*$/);
  });
  it('has nothing to search for blanks and punctuation, asked once or twice', () => {
    expect(searchQuery('   ')).toBeUndefined();
    expect(searchQuery('!!!')).toBeUndefined();
    expect(searchQuery('!!!')).toBeUndefined();
    expect(searchQuery(undefined)).toBeUndefined();
  });
  it('keeps answering after more distinct queries than it remembers', () => {
    const once = searchQuery('排水管网');
    for (let i = 0; i < 2500; i++) expect(searchQuery(`排水管网 ${i}`)).toContain(once);
    expect(searchQuery('城市更新')).toBe(searchQuery('城市更新'));
  });
});
