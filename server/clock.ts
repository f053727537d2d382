// The server's notion of "now". Routes read it here so API tests can pin a date (the reporting
// calendar depends on it); jobs take `now` as an argument instead.
let current: () => Date = () => new Date();

export function now(): Date {
  return current();
}

/** Tests only: pin or move the clock; `null` restores the real one. */
export function setClock(fn: (() => Date) | null): void {
  current = fn ?? (() => new Date());
}
