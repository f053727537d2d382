// Number formatting for the Chinese reason sentences; one place so every sentence rounds alike.

export function round(x: number, decimals = 1): number {
  const f = 10 ** decimals;
  // The epsilon stops 2.675-style binary artefacts from rounding the wrong way.
  return Math.round((x + Math.sign(x) * Number.EPSILON * Math.abs(x)) * f) / f;
}

/** Percent / points: at most one decimal, no trailing ".0" ("60", "33.5"). */
export function fmtPct(x: number): string {
  const r = round(x, 1);
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}

/** Fixed decimals ("31.0"), for indicator values that are read side by side. */
export function fmtFixed(x: number, decimals: number): string {
  const r = round(x, decimals);
  return (Object.is(r, -0) ? 0 : r).toFixed(decimals);
}

export function decimalsOf(x: number | null | undefined): number {
  if (x === null || x === undefined || !Number.isFinite(x)) return 0;
  const s = String(x);
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}
