// Where the tests find the corpus: LUOSHI_CORPUS, else ../shared/corpus beside the repository — the same rule as
// the demo seed (corpusDir in server/seed/demo.ts), written here on server/paths.ts so that parser tests need not
// load the seed and its operations. Every test reaches the corpus through this file.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../server/paths.js';

export const corpusDir = (): string => process.env.LUOSHI_CORPUS ?? path.resolve(repoRoot, '../shared/corpus');

/** The five documents, in the order of their number prefix. */
export const CORPUS_FILES = [
  '000_72a228d2becc53a7.txt',
  '001_d9c31fc2ce3966eb.txt',
  '002_a8cf94ceb730f871.txt',
  '003_024748a5dd49b957.txt',
  '004_daddf72c7a72a405.txt',
] as const;

/** Full path of a corpus file: its whole name, or its number prefix ('000' … '004'). */
export function corpusPath(name: string): string {
  const file = name.includes('.') ? name : CORPUS_FILES.find((f) => f.startsWith(name));
  if (!file) throw new Error(`no corpus document ${name}`);
  return path.join(corpusDir(), file);
}

export const corpusBytes = (name: string): Buffer => readFileSync(corpusPath(name));
export const corpusText = (name: string): string => readFileSync(corpusPath(name), 'utf8');
