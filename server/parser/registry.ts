// The unit registry is data (server/data/units/*.json), one file per region;
// district files may expand the common district template. Lookup is region-aware:
// "区发展改革委" in a 永川 plan is 永川区's unit, "市…" is always the city's.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RegistryUnit } from './types.js';

const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '../data/units');
export const CITY = '重庆市';

interface RegionFile {
  region: string;
  template?: string;
  units: { name: string; aliases?: string[]; kind?: string }[];
}

let cached: RegistryUnit[] | null = null;

/** All units from the data directory; a fresh copy so callers may extend it. */
export function defaultRegistry(dir = DATA_DIR): RegistryUnit[] {
  if (!cached || dir !== DATA_DIR) {
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    const read = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8'));
    const templates = new Map<string, RegionFile['units']>();
    for (const f of files) if (f.endsWith('-template.json')) templates.set(f.replace('-template.json', ''), read(f).units);
    const out: RegistryUnit[] = [];
    for (const f of files) {
      if (f.endsWith('-template.json')) continue;
      const data = read(f) as RegionFile;
      const own = data.units.map((u) => ({ name: u.name, aliases: u.aliases ?? [], region: data.region, kind: u.kind }));
      const names = new Set(own.map((u) => u.name));
      const fromTemplate = (data.template ? templates.get(data.template) ?? [] : [])
        .filter((u) => !names.has(u.name))
        .map((u) => ({ name: u.name, aliases: u.aliases ?? [], region: data.region, kind: u.kind }));
      out.push(...own, ...fromTemplate);
    }
    if (dir !== DATA_DIR) return out;
    cached = out;
  }
  return cached.map((u) => ({ ...u, aliases: [...u.aliases] }));
}

/**
 * The data directory's units, one array shared by every parse that brings no registry of its own: the parser only
 * reads it, and its name index (built once per array) is then built once per process, not once per parse.
 */
export function sharedRegistry(): readonly RegistryUnit[] {
  if (!cached) defaultRegistry();
  return cached!;
}

/** "永川区" → "永川"; used to accept "永川区发展改革委" and "永川高新区…" forms. */
function shortRegion(region: string): string {
  return region.replace(/(自治县|区|县|市)$/, '');
}

interface Index {
  byKey: Map<string, RegistryUnit[]>;
  regions: Set<string>;
}
const indexes = new WeakMap<readonly RegistryUnit[], Index>();

export function keyOf(name: string): string {
  return name.replace(/[\s()（）]/g, '').replace(/人民政府/g, '政府');
}

function indexOf(registry: readonly RegistryUnit[]): Index {
  let idx = indexes.get(registry);
  if (idx) return idx;
  const byKey = new Map<string, RegistryUnit[]>();
  const add = (k: string, u: RegistryUnit) => {
    const key = keyOf(k);
    const list = byKey.get(key) ?? [];
    if (!list.includes(u)) list.push(u);
    byKey.set(key, list);
  };
  for (const u of registry) {
    for (const n of [u.name, ...u.aliases]) {
      add(n, u);
      // full forms: "区X" is also written "永川区X"; "市X" also "重庆市X"
      if (n.startsWith('区') && u.region !== CITY) add(u.region + n.slice(1), u);
      if (n.startsWith('市') && u.region === CITY) add(CITY + n.slice(1), u);
    }
  }
  idx = { byKey, regions: new Set(registry.map((u) => u.region)) };
  indexes.set(registry, idx);
  return idx;
}

export interface Resolved {
  name: string;
  known: boolean;
  region: string | null;
}

/** Canonical name for a raw unit name, preferring the plan's region, then the city. */
export function resolveUnit(raw: string, registry: readonly RegistryUnit[], region: string | null): Resolved {
  const idx = indexOf(registry);
  // another city's plan: its "市X" and "区X" are its own units, which the registry does not hold
  if (region && !idx.regions.has(region)) return { name: raw, known: false, region: null };
  let key = keyOf(raw);
  // "永川区X" / "永川X" written out: read as the district's own "区X"
  if (region && region !== CITY) {
    const short = shortRegion(region);
    if (key.startsWith(region) && key.length > region.length) key = '区' + key.slice(region.length);
    else if (key.startsWith(short) && !idx.byKey.has(key)) {
      const alt = '区' + key.slice(short.length);
      if (idx.byKey.has(alt)) key = alt;
    }
  }
  const list = idx.byKey.get(key);
  if (!list || list.length === 0) return { name: raw, known: false, region: null };
  const pick =
    (region && list.find((u) => u.region === region)) ||
    (key.startsWith('市') || key.startsWith('重庆') ? list.find((u) => u.region === CITY) : undefined) ||
    (!region || region === CITY ? undefined : list.find((u) => u.region === CITY)) ||
    // no region known: the district template names are the same everywhere, so the name is still known
    (!region || region === CITY ? list[0] : undefined);
  if (!pick) {
    // a district unit named in another district's plan: known by name, not as this region's unit
    const other = list[0];
    return { name: other.name, known: !key.startsWith('区'), region: other.region };
  }
  return { name: pick.name, known: true, region: pick.region };
}

// Chongqing's districts and counties by their own names (those another province also uses, such as
// 江北区 or 南岸区, are left out: they do not say the plan is Chongqing's)
const CHONGQING_PLACES =
  /重庆|渝中|渝北|大渡口|沙坪坝|九龙坡|北碚|綦江|大足|巴南|黔江|江津|合川|永川|南川|璧山|铜梁|潼南|荣昌|开州|梁平|武隆|城口|丰都|垫江|忠县|云阳|奉节|巫山|巫溪|石柱|秀山|酉阳|彭水|万州|涪陵|两江新区/;

/** A region outside the registry: every name looked up under it stays unknown. */
export const ELSEWHERE = '(外地)';

/**
 * The region to look names up under. A plan whose region is unknown and whose text never names
 * 重庆 or one of its districts (or a registry region) is another city's: its generic "区财政局" is
 * its own unit, not Chongqing's, so it is looked up as from elsewhere and stays unknown.
 */
export function lookupRegion(region: string | null, text: string, registry: readonly RegistryUnit[]): string | null {
  if (region) return region;
  if (CHONGQING_PLACES.test(text)) return null;
  for (const r of indexOf(registry).regions) if (text.includes(shortRegion(r))) return null;
  return ELSEWHERE;
}

// "宣城市人民政府", "德州市住房城乡建设局", "赣州市" opening a line: a city (or prefecture) named by its own name,
// or a title line "齐齐哈尔市2024年…工作方案" (four-character names such as 齐齐哈尔 and 呼和浩特 too)
const OTHER_CITY =
  /^[ \t\u3000]*(?:关于)?([\u4e00-\u9fa5]{2,4}?)(?:市|州|地区|盟)(?=[\u4e00-\u9fa5]{0,14}(?:人民政府|政府|委员会|局|委|办公室|督查室)|[ \t\u3000]*$|(?:19|20)\d\d[\u4e00-\u9fa5\d—－\-()（）]{0,40}(?:方案|计划|要点|意见|规划|通知|办法|清单)[ \t\u3000]*$)/gm;
const CITY_GOVERNMENT = /(?<![\u4e00-\u9fa5])([\u4e00-\u9fa5]{2,4}?)市(?:人民政府|政府办公厅|人民政府办公厅|委|政府)(?![\u4e00-\u9fa5]*?(?:各部门|各单位))/g;
const NOT_A_CITY = /^(?:重庆|全|本|各|该|城|我|市|省|县|区|地|直|都|城市|县级|地级|副省|设区|全省|各省|沿海|超大|特大|大中|中小)|[全本各该我县区]$/;

/**
 * Does a plan that never names 重庆 name another city in its head (title, issuer, first lines)?
 * Then its "市X" names are that city's, not Chongqing's. A snippet naming no place keeps resolving.
 */
export function namesOtherCity(text: string, registry: readonly RegistryUnit[]): boolean {
  if (CHONGQING_PLACES.test(text)) return false;
  for (const r of indexOf(registry).regions) if (text.includes(shortRegion(r))) return false;
  const head = text.slice(0, 600);
  OTHER_CITY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = OTHER_CITY.exec(head))) if (!NOT_A_CITY.test(m[1])) return true;
  // "日前,成都市人民政府网站公布了…": a city's government named anywhere in the head
  CITY_GOVERNMENT.lastIndex = 0;
  while ((m = CITY_GOVERNMENT.exec(head))) if (!NOT_A_CITY.test(m[1])) return true;
  // "第一名金寨县;第二名霍邱县…": counties named by their own names, none of them Chongqing's
  const counties = new Set<string>();
  OTHER_COUNTY.lastIndex = 0;
  while ((m = OTHER_COUNTY.exec(text.slice(0, 3000)))) if (!NOT_A_CITY.test(m[1]) && !NOT_A_COUNTY.test(m[1])) counties.add(m[1]);
  return counties.size >= 2;
}
const OTHER_COUNTY = /(?:^|(?<=[第名,，、;；:：\s(（]))([\u4e00-\u9fa5]{2})县(?![级城域委政人])/gm;
const NOT_A_COUNTY = /^(?:全|本|各|该|我|每|一|两|区|市|乡|镇|村|省|州|郊|邻|外|试点|示范|贫困|重点)/;

/** Region names in the registry (used by meta to recognise the plan's district). */
export function registryRegions(registry: readonly RegistryUnit[]): string[] {
  return [...new Set(registry.map((u) => u.region))];
}
