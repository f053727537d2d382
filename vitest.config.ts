import { defineConfig } from 'vitest/config';

// Three projects: pure code once; everything that touches a database once on
// embedded PGlite and once on a PostgreSQL server (LUOSHI_TEST_DB=pg).
const dbTests = ['test/api/**/*.test.ts', 'test/db/**/*.test.ts'];
// the migrated schema, built once per run and cloned by each file's createTestDb
const globalSetup = ['test/helpers/dbTemplate.ts'];
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      { test: { name: 'unit', include: ['test/parser/**/*.test.ts', 'test/domain/**/*.test.ts', 'test/reports/**/*.test.ts', 'test/static/**/*.test.ts'], testTimeout: 60_000 } },
      { test: { name: 'pglite', include: dbTests, globalSetup, env: { LUOSHI_TEST_DB: 'pglite' }, testTimeout: 60_000, hookTimeout: 120_000 } },
      { test: { name: 'pg', include: dbTests, globalSetup, env: { LUOSHI_TEST_DB: 'pg' }, testTimeout: 60_000, hookTimeout: 120_000, fileParallelism: false } },
      // (a page under a loaded CI machine can take seconds to settle: expect.poll waits up to 15 s, not vitest's 1 s; no
      // assertion is about speed, which bench/ measures)
      { test: { name: 'browser', include: ['test/browser/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 300_000, fileParallelism: false, expect: { poll: { timeout: 15_000 } } } },
    ],
  },
});
