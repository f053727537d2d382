// Types shared by the parser stages. Stages work on normalized text and convert
// positions back to the original with `doc.toSource` before anything leaves the parser.
import type { Source, ParseWarning } from '../../shared/parsedPlan.js';

export interface Line {
  /** offsets in normalized text; `text` excludes the line break */
  start: number;
  end: number;
  text: string;
}

export interface NormalizedDoc {
  original: string;
  /** simplified Chinese, half-width ASCII punctuation for ( ) : ; , % and the like, junk removed */
  text: string;
  /** map[i] = offset in `original` of normalized char i; map[text.length] = original.length */
  map: Int32Array;
  lines: Line[];
  /** original [start,end) of the normalized range [nStart,nEnd) */
  toSource(nStart: number, nEnd: number): Source;
}

export interface RegistryUnit {
  name: string; // canonical
  aliases: string[];
  region: string; // 重庆市 / 永川区 / …
  kind?: string; // department / town / committee / company / party
}

export interface ParseContext {
  doc: NormalizedDoc;
  registry: readonly RegistryUnit[];
  warnings: ParseWarning[];
  /** region the document is about, when known (helps resolve "区发展改革委") */
  region: string | null;
}
