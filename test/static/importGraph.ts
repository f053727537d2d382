// The import graph of the repository's own sources, read with the TypeScript compiler's pre-processor (every
// static import, `export … from`, `import type` and dynamic `import('…')`), for the import-flow test.
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ImportEdge {
  from: string; // repo-relative path, '/'-separated
  to: string;
  typeOnly: boolean;
  line: number;
}

const SOURCE = /\.(ts|tsx|mts)$/;
function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name === 'node_modules' || e.name.startsWith('.')) return [];
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full) : SOURCE.test(e.name) && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

const rel = (f: string) => path.relative(repoRoot, f).split(path.sep).join('/');

function resolve(fromFile: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null; // a package
  const base = path.resolve(path.dirname(fromFile), spec);
  const stem = base.replace(/\.(js|jsx|mjs|ts|tsx)$/, '');
  for (const c of [base, `${stem}.ts`, `${stem}.tsx`, `${stem}.mts`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (existsSync(c) && statSync(c).isFile()) return c;
  }
  return base; // unresolved relative imports still show where they point
}

/** Every relative import of the files under `dirs` (repo-relative folders). */
export function importEdges(dirs: string[], sourceOf: (file: string) => string = (f) => readFileSync(f, 'utf8')): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const dir of dirs) {
    for (const file of walk(path.join(repoRoot, dir))) {
      const text = sourceOf(file);
      const info = ts.preProcessFile(text, true, true);
      const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
      const typeOnly = new Set<string>();
      for (const st of sf.statements) {
        if (ts.isImportDeclaration(st) && st.importClause?.isTypeOnly && ts.isStringLiteral(st.moduleSpecifier)) typeOnly.add(st.moduleSpecifier.text);
        if (ts.isExportDeclaration(st) && st.isTypeOnly && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier)) typeOnly.add(st.moduleSpecifier.text);
      }
      for (const imp of info.importedFiles) {
        const to = resolve(file, imp.fileName);
        if (!to) continue;
        const line = text.slice(0, imp.pos).split('\n').length;
        edges.push({ from: rel(file), to: rel(to), typeOnly: typeOnly.has(imp.fileName), line });
      }
    }
  }
  return edges;
}

/** Cycles (strongly connected components of more than one file, or a file importing itself), each sorted. */
export function cycles(edges: ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  let i = 0;
  const visit = (v: string) => {
    index.set(v, i);
    low.set(v, i++);
    stack.push(v);
    on.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1 || (next.get(v) ?? []).includes(v)) out.push(comp.sort());
    }
  };
  for (const v of next.keys()) if (!index.has(v)) visit(v);
  return out;
}
