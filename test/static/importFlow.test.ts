// Imports flow one way (issue #12): shared/ (contracts, enums, labels) ← server/domain ← the rest of server/ and app/.
// The graph is read from the sources with the TypeScript compiler (test/static/importGraph.ts); every relative import
// counts, `import type` included. A new import against the flow, or any cycle, fails this test with its file and line.
import { describe, expect, it } from 'vitest';
import { cycles, importEdges, type ImportEdge } from './importGraph';

interface Rule {
  name: string;
  from: RegExp;
  /** the file may import only these (besides packages) */
  only?: RegExp;
  /** the file may not import these */
  never?: RegExp;
}

// Outer layers: jobs run operations, http routes answer with operations and queries, the CLI starts everything.
const OUTER = /^server\/(jobs|http|cli|seed)\//;
const rules: Rule[] = [
  { name: 'shared/ is the contract: it imports only shared/', from: /^shared\//, only: /^shared\// },
  { name: 'server/domain is pure rules over shared contracts', from: /^server\/domain\//, only: /^(shared|server\/domain)\// },
  { name: 'server/db holds tables only', from: /^server\/db\//, only: /^(shared|server\/db)\// },
  { name: 'the app imports only the app and shared/', from: /^app\//, only: /^(app|shared)\// },
  { name: 'the server never imports the app', from: /^server\//, never: /^app\// },
  {
    name: 'operations, queries, delivery, reports, parser, domain and db never import jobs, http, cli or seed',
    from: /^server\/(operations|queries|delivery|reports|parser|domain|db|auth)\//,
    never: OUTER,
  },
  { name: 'queries read: they never import operations', from: /^server\/queries\//, never: /^server\/operations\// },
];

// Static data files (JSON) carry no code and no imports of their own: only code modules are held to the flow.
const isData = (e: ImportEdge) => e.to.endsWith('.json');

function violations(edges: ImportEdge[]): string[] {
  const out: string[] = [];
  for (const e of edges) {
    if (isData(e)) continue;
    for (const r of rules) {
      if (!r.from.test(e.from)) continue;
      if ((r.only && !r.only.test(e.to)) || (r.never && r.never.test(e.to))) out.push(`${e.from}:${e.line} → ${e.to} (${r.name})`);
    }
  }
  return out;
}

const edges = importEdges(['shared', 'server', 'app/src']);

describe('import flow', () => {
  it('reads the whole graph', () => {
    expect(edges.length).toBeGreaterThan(1000);
    // type-only imports are read too (the app's imports of shared/ are mostly `import type`)
    expect(edges.some((e) => e.from.startsWith('app/') && e.to.startsWith('shared/') && e.typeOnly)).toBe(true);
  });

  it('no import goes against the flow', () => {
    expect(violations(edges)).toEqual([]);
  });

  it('no cycle between files', () => {
    expect(cycles(edges)).toEqual([]);
  });

  // the checks bite: the same functions over the graph with a deliberate violation added
  it('finds a shared/ file importing server code, an operation importing a job, and a two-file cycle', () => {
    const bad: ImportEdge[] = [
      { from: 'shared/x.ts', to: 'server/domain/status.ts', typeOnly: true, line: 3 },
      { from: 'server/operations/doIt.ts', to: 'server/jobs/remind.ts', typeOnly: false, line: 9 },
      { from: 'app/src/page.tsx', to: 'server/policy.ts', typeOnly: true, line: 1 },
      { from: 'server/parser/a.ts', to: 'server/parser/b.ts', typeOnly: false, line: 1 },
      { from: 'server/parser/b.ts', to: 'server/parser/a.ts', typeOnly: false, line: 1 },
    ];
    expect(violations(bad)).toEqual([
      'shared/x.ts:3 → server/domain/status.ts (shared/ is the contract: it imports only shared/)',
      'server/operations/doIt.ts:9 → server/jobs/remind.ts (operations, queries, delivery, reports, parser, domain and db never import jobs, http, cli or seed)',
      'app/src/page.tsx:1 → server/policy.ts (the app imports only the app and shared/)',
    ]);
    expect(cycles([...edges, ...bad.slice(3)])).toEqual([['server/parser/a.ts', 'server/parser/b.ts']]);
  });
});
