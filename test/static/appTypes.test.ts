// The app does not re-declare the server's types (issue #12): a type written by hand in app/src whose fields are
// exactly those of a zod object in shared/ (three fields or more), or whose string literals are exactly a shared
// enum's values (three or more), is a second copy of a contract and drifts from it; the app infers it instead
// (z.infer / z.input of the schema, or an indexed type of one). Read with the TypeScript compiler; generic types
// (Paged<T>) and two-field coincidences ({ key, label }) do not count.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './importGraph';

interface Contracts {
  /** sorted field names → the schema they are the fields of */
  objects: Map<string, string>;
  /** sorted values → the enum */
  enums: Map<string, string>;
}

/** every zod object and enum reachable from shared/'s exports (inside arrays, unions, optionals, other objects) */
async function contracts(): Promise<Contracts> {
  const objects = new Map<string, string>();
  const enums = new Map<string, string>();
  const visit = (s: unknown, name: string, seen: Set<unknown>) => {
    if (!(s instanceof z.ZodType) || seen.has(s)) return;
    seen.add(s);
    if (s instanceof z.ZodObject) {
      const key = Object.keys(s.shape).sort().join(',');
      if (!objects.has(key)) objects.set(key, name);
      for (const [k, v] of Object.entries(s.shape)) visit(v, `${name}.${k}`, seen);
      return;
    }
    if (s instanceof z.ZodEnum) {
      const key = [...(s.options as string[])].sort().join('|');
      if (!enums.has(key)) enums.set(key, name);
      return;
    }
    const def = (s as any)._zod?.def;
    for (const k of ['element', 'innerType', 'in', 'out', 'left', 'right', 'valueType', 'getter']) {
      if (def?.[k] && k !== 'getter') visit(def[k], name, seen);
    }
    for (const o of [...(def?.options ?? []), ...(def?.items ?? [])]) visit(o, name, seen);
  };
  const dir = path.join(repoRoot, 'shared');
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const mod = await import(path.join(dir, f));
    for (const [k, v] of Object.entries(mod)) visit(v, `shared/${f.replace(/\.ts$/, '')}:${k}`, new Set());
  }
  return { objects, enums };
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full) : /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** `file:line what = shared schema` for each hand-written copy of a shared contract in the given sources */
export function redeclarations(files: { file: string; text: string }[], c: Contracts): string[] {
  const out: string[] = [];
  for (const { file, text } of files) {
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const at = (n: ts.Node) => `${file}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
    const visit = (node: ts.Node) => {
      const generic = ts.isInterfaceDeclaration(node) && !!node.typeParameters?.length;
      if ((ts.isTypeLiteralNode(node) || ts.isInterfaceDeclaration(node)) && !generic) {
        const names = node.members.map((m) => (m.name && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) ? m.name.text : null));
        if (names.length >= 3 && names.every((n) => n !== null)) {
          const hit = c.objects.get([...names].sort().join(','));
          if (hit) out.push(`${at(node)} { ${names.join(', ')} } = ${hit}`);
        }
      }
      if (ts.isUnionTypeNode(node) && node.types.length >= 3 && node.types.every((t) => ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal))) {
        const values = node.types.map((t) => ((t as ts.LiteralTypeNode).literal as ts.StringLiteral).text);
        const hit = c.enums.get([...values].sort().join('|'));
        if (hit) out.push(`${at(node)} ${values.join(' | ')} = ${hit}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

// Copies not yet replaced: none left. A new copy fails the test below.
const KNOWN: string[] = [];

describe('the app infers the server types from shared/', async () => {
  const c = await contracts();
  const files = walk(path.join(repoRoot, 'app/src')).map((f) => ({
    file: path.relative(repoRoot, f).split(path.sep).join('/'),
    text: readFileSync(f, 'utf8'),
  }));
  const found = redeclarations(files, c);

  it('reads the contracts', () => {
    expect(c.objects.size).toBeGreaterThan(200);
    expect(c.enums.get('cooperating|lead|responsible')).toBeDefined();
    expect(c.objects.get('cycle,id,indicatorCount,openProblemCount,problemCount,regionId,regionName,title,year')).toMatch(/^shared\/checkup:/);
  });

  it('no app file re-declares a shared contract (beyond the files listed as not yet done)', () => {
    expect(found.filter((f) => !KNOWN.some((k) => f.startsWith(`${k}:`)))).toEqual([]);
  });

  it('every file listed as not yet done still has a copy (else take it off the list)', () => {
    expect(KNOWN.filter((k) => !found.some((f) => f.startsWith(`${k}:`)))).toEqual([]);
  });

  it('finds a hand-written copy of an object contract and of an enum', () => {
    const bad = [
      {
        file: 'app/src/x.ts',
        text: "type Role = 'lead' | 'responsible' | 'cooperating';\ninterface S { id: number; regionId: number; regionName: string; year: number; title: string; indicatorCount: number; problemCount: number; openProblemCount: number; cycle: unknown }",
      },
      { file: 'app/src/ok.ts', text: "interface Paged<T> { items: T[]; page: number; pageSize: number; total: number }\ntype Two = 'plans' | 'checkup';" },
    ];
    expect(redeclarations(bad, c)).toEqual([
      `app/src/x.ts:1 lead | responsible | cooperating = ${c.enums.get('cooperating|lead|responsible')}`,
      `app/src/x.ts:2 { id, regionId, regionName, year, title, indicatorCount, problemCount, openProblemCount, cycle } = ${c.objects.get('cycle,id,indicatorCount,openProblemCount,problemCount,regionId,regionName,title,year')}`,
    ]);
  });
});
