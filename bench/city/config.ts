// Shared by the city generator and bench/city.bench.ts.
/** Every generated user's password. */
export const BENCH_PASSWORD = 'Bench-city-2026!';
/** The database the generator drops and loads (its name must start with luoshi_bench). */
export const DEFAULT_BENCH_DB = 'postgres://postgres@127.0.0.1:5432/luoshi_bench';
