// Unit cells go through the document parser's own splitter and registry lookup
// (server/parser/units.ts), so a table import and a document import name units alike.
// The parser reads width-folded text; folding is one character for one, so offsets
// into the fold are offsets into ParsedPlan.text.
import type { ParsedUnit, ParseWarning } from '../../../shared/parsedPlan.js';
import { widthFold } from '../../parser/normalize.js';
import { defaultRegistry } from '../../parser/registry.js';
import type { ParseContext, RegistryUnit } from '../../parser/types.js';
import { parseUnitList, warnUnknownUnits } from '../../parser/units.js';

// "(牵头)" after a name in a 牵头单位 cell is a role, not part of the name
const roleInBrackets = /\((牵头|负责|配合|主责|责任单位|牵头单位|按职责分工负责)\)/g;

export interface UnitResolver {
  resolve(cell: string, cellStart: number): ParsedUnit[];
  warnings: ParseWarning[];
}

export function parserUnitResolver(text: string, registry: RegistryUnit[] = defaultRegistry(), region: string | null = null): UnitResolver {
  const ctx: ParseContext = {
    doc: { original: text, text: widthFold(text), map: new Int32Array(0), lines: [], toSource: (start, end) => ({ start, end }) },
    registry,
    warnings: [],
    region,
  };
  const seen = new Set<string>();
  return {
    warnings: ctx.warnings,
    resolve(cell, cellStart) {
      const folded = widthFold(cell).replace(roleInBrackets, (m) => ' '.repeat(m.length));
      const { units, rejected } = parseUnitList(ctx, folded, cellStart);
      // a table cell holds nothing but units: what the parser rejects is kept for the reviewer
      const kept: ParsedUnit[] = rejected.map((p) => ({ raw: p.text, name: p.text, known: false, scope: 'unit', source: { start: p.start, end: p.start + p.text.length } }));
      const all = [...units, ...kept]
        .map((u) => (u.source ? { ...u, raw: text.slice(u.source.start, u.source.end) } : u))
        .sort((a, b) => (a.source?.start ?? 0) - (b.source?.start ?? 0));
      warnUnknownUnits(ctx, all, seen);
      return all;
    },
  };
}
