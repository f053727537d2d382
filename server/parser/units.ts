// Unit lists as written in responsibility notes: "区发展改革委、区财政局等区级有关部门,各镇街".
// Each name keeps its raw text and source; catch-alls become honest scoped mentions.
import type { ParsedUnit } from '../../shared/parsedPlan.js';
import type { ParseContext } from './types.js';
import { resolveUnit } from './registry.js';

// Names end in an organ word; text that does not is commentary, not a unit.
export const UNIT_SUFFIX =
  /(局|委|办|部|院|会|中心|公司|集团|政府|街道|镇|乡|队|所|站|处|室|馆|团|社|行|厅|署|关|台|校|学|组|联|司|区|县|科|股|班|点|场|园|厂|营|总队|支队|大队|分局|分行|支行|银行|协会|单位|部门|街|村)$/;

const ALL_TOWNS = /^(各|相关|有关|所属)?(镇街|街镇|镇\(街道\)|乡镇\(街道\)|镇\(街\)|镇、街道|乡镇街道|镇人民政府、?街道办事处|镇政府、?街道办事处|镇街政府|街镇政府|乡镇人民政府|乡镇政府|乡镇)$/;
const ALL_DISTRICTS = /^(各|相关|有关)?区县(\(自治县\))?(人民)?(政府|党委和政府|党委、政府)?$/;
const OTHERS = /^(其他|其它|各|相关|有关)?(区级|市级|县级|镇级)?(有关|相关|其他|各)?(部门|单位|部门单位|责任单位|职能部门|成员单位|部门和单位|机构)$/;
const GROUP = /成员单位$/;
// "相关管委会" / "各园区管委会": several unnamed units of one kind
const PLURAL = /^(各|相关|有关)(?!区县)(.{1,10})$/;
// "X等区级有关部门" / "X等部门": X is named, the rest is a catch-all
const ETC = /^(.+?)等((区级|市级|县级)?(有关|相关|其他)?(部门|单位|部门和单位|职能部门|区县|镇街)?)$/;

interface Piece {
  text: string;
  start: number; // normalized offset
}

/** Splits on 、,; outside parentheses; joins "各镇人民政府、街道办事处" back together. */
export function splitUnitList(value: string, offset: number): Piece[] {
  const pieces: Piece[] = [];
  let depth = 0;
  let s = 0;
  for (let i = 0; i <= value.length; i++) {
    const c = value[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    if (i === value.length || (depth === 0 && (c === '、' || c === ',' || c === ';' || c === ',' || c === ' ' || c === '\t'))) {
      pushTrimmed(pieces, value.slice(s, i), offset + s);
      s = i + 1;
    }
  }
  // rejoin pairs that only make sense together
  for (let i = 0; i + 1 < pieces.length; i++) {
    const a = pieces[i].text;
    const b = pieces[i + 1].text;
    if (/(镇|乡镇|镇人民政府|镇政府)$/.test(a) && /^街道(办事处)?$/.test(b) && /^(各|相关)/.test(a)) {
      pieces.splice(i, 2, { text: value.slice(pieces[i].start - offset, pieces[i + 1].start - offset + b.length), start: pieces[i].start });
    }
  }
  return pieces;
}

function pushTrimmed(out: Piece[], raw: string, start: number) {
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim().replace(/[。.]$/, '');
  if (text) out.push({ text, start: start + lead });
}

export interface UnitParse {
  units: ParsedUnit[];
  /** pieces that did not read as units (commentary or damage) */
  rejected: Piece[];
}

/** Reads one label's value into unit mentions; `offset` is the value's normalized start. */
export function parseUnitList(ctx: ParseContext, value: string, offset: number): UnitParse {
  const units: ParsedUnit[] = [];
  const rejected: Piece[] = [];
  for (const p of splitUnitList(value, offset)) {
    const got = readPiece(ctx, p);
    if (got) units.push(...got);
    else rejected.push(p);
  }
  return { units, rejected };
}

function mention(ctx: ParseContext, raw: string, start: number, scope: ParsedUnit['scope'], name?: string): ParsedUnit {
  const source = ctx.doc.toSource(start, start + raw.length);
  if (scope !== 'unit') return { raw, name: name ?? raw, known: true, scope, source };
  const r = resolveUnit(raw, ctx.registry, ctx.region);
  return { raw, name: r.name, known: r.known, scope, source };
}

export function looksLikeUnit(text: string): boolean {
  if (text.length < 2 || text.length > 30) return false;
  if (/[。!?:"“”]|\d{3,}/.test(text)) return false;
  return UNIT_SUFFIX.test(text) || ALL_TOWNS.test(text) || ALL_DISTRICTS.test(text);
}

function readPiece(ctx: ParseContext, p: Piece): ParsedUnit[] | null {
  const t = p.text;
  if (ALL_TOWNS.test(t)) return [mention(ctx, t, p.start, 'all_towns', '各镇街')];
  if (ALL_DISTRICTS.test(t)) return [mention(ctx, t, p.start, 'all_districts', '各区县政府')];
  if (GROUP.test(t) && t.length > 4) return [mention(ctx, t, p.start, 'group_members')];
  if (OTHERS.test(t)) return [mention(ctx, t, p.start, 'others', '其他有关单位')];
  if (PLURAL.test(t) && UNIT_SUFFIX.test(t)) return [mention(ctx, t, p.start, 'others', t)];
  const etc = ETC.exec(t);
  if (etc && looksLikeUnit(etc[1])) {
    const head = readPiece(ctx, { text: etc[1], start: p.start }) ?? [];
    const tail = t.slice(etc[1].length);
    return [...head, mention(ctx, tail, p.start + etc[1].length, 'others', '其他有关单位')];
  }
  if (!looksLikeUnit(t)) return null;
  return [mention(ctx, t, p.start, 'unit')];
}

/** A UNIT_UNKNOWN warning once per unknown name. */
export function warnUnknownUnits(ctx: ParseContext, units: ParsedUnit[], seen: Set<string>) {
  for (const u of units) {
    if (u.known || seen.has(u.name)) continue;
    seen.add(u.name);
    ctx.warnings.push({
      code: 'UNIT_UNKNOWN',
      message: `单位“${u.raw}”不在单位库中,已按原文保留,请确认或新建`,
      source: u.source ?? null,
    });
  }
}
