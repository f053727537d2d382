// Test documents: the real normalize() once it exists, else a rough stand-in on identityDoc.
import { identityDoc } from '../../server/parser/doc.js';
import type { NormalizedDoc, ParseContext } from '../../server/parser/types.js';
import { corpusText } from '../helpers/corpus.js';

export const corpus = corpusText;

type Normalize = (text: string) => NormalizedDoc;
let real: Normalize | null = null;
try {
  real = ((await import('../../server/parser/normalize.js')) as { normalize: Normalize }).normalize;
} catch {
  real = null;
}

/** the stand-in: the normalizations the stages rely on, offsets kept 1:1 where possible */
export function roughNormalize(text: string): NormalizedDoc {
  const t = text
    .replace(/\[bookmark: [^\]]*\]/g, '')
    .replace(/[（）：；，％]/g, (c) => ({ '（': '(', '）': ')', '：': ':', '；': ';', '，': ',', '％': '%' })[c]!);
  return identityDoc(t);
}

export const usingRealNormalize = () => real !== null;
export const docOf = (text: string): NormalizedDoc => (real ? real(text) : roughNormalize(text));
export const ctxOf = (text: string): ParseContext => ({ doc: docOf(text), registry: [], warnings: [], region: null });
