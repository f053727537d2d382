// The test command itself (scripts/test.sh, issue #12): run on a scratch git clone with npm, npx and the dependency
// step stubbed, so what is checked is the script's own bookkeeping — ESLint, Prettier and a clone left dirty by the
// run each count as one failed check in the last line and fail the command; a developer's edits made before the run
// do not.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './importGraph';

let dir: string;
let stubs: string;

const write = (rel: string, text: string, mode?: number) => {
  const file = path.join(dir, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  if (mode) chmodSync(file, mode);
};
const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'luoshi-testcmd-'));
  stubs = path.join(dir, '.stubs');
  mkdirSync(path.join(dir, 'scripts'));
  for (const f of ['test.sh', 'worktree-status.sh']) copyFileSync(path.join(repoRoot, 'scripts', f), path.join(dir, 'scripts', f));
  write('scripts/ensure-deps.sh', 'exit 0\n');
  write('.gitignore', 'test-results/\n.stubs/\n');
  write('docs/screenshots/home.png', 'committed picture\n');
  write('docs/notes.md', 'notes\n');
  // npm: `run lint` and `run format:check` fail when asked to; npx (vitest): writes the JSON report with three
  // passed tests and, when asked, does what a careless test does to the clone
  write('.stubs/npm', '#!/usr/bin/env bash\ncase "$*" in *lint*) exit "${STUB_LINT:-0}";; *format:check*) exit "${STUB_FORMAT:-0}";; esac\nexit 0\n', 0o755);
  write(
    '.stubs/npx',
    [
      '#!/usr/bin/env bash',
      'mkdir -p test-results',
      'echo \'{"numPassedTests":3,"numFailedTests":0,"numPendingTests":0,"numTotalTests":3}\' > test-results/vitest.json',
      'case "${STUB_DIRT:-}" in',
      '  rewrite) echo "rewritten picture" > docs/screenshots/home.png ;;',
      '  add) echo "new picture" > docs/screenshots/new.png ;;',
      '  notes) echo "more" >> docs/notes.md ;;',
      'esac',
      'exit 0',
      '',
    ].join('\n'),
    0o755,
  );
  write('.stubs/chromium', '#!/usr/bin/env bash\nexit 0\n', 0o755);
  write('.stubs/fc-list', '#!/usr/bin/env bash\necho "WenQuanYi Micro Hei:style=Regular wqy"\n', 0o755);
  git('init', '-q');
  git('add', '.');
  git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'scratch');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(env: Record<string, string> = {}) {
  const r = spawnSync('bash', ['scripts/test.sh'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, CI: '', LUOSHI_TEST_PG_URL: 'postgres://nobody@127.0.0.1:1/none', PATH: `${stubs}:${process.env.PATH}`, ...env },
  });
  const lines = r.stdout.trim().split('\n');
  return { code: r.status, last: lines[lines.length - 1], out: r.stdout + r.stderr };
}

describe('scripts/test.sh', () => {
  it('passes when every check passes and the clone is as it was', () => {
    const r = run();
    expect(r.last).toBe('3 passed, 0 failed');
    expect(r.code).toBe(0);
    expect(git('status', '--porcelain')).toBe('');
  });

  it('fails when the run rewrites a tracked file, naming it and counting one failed check', () => {
    const r = run({ STUB_DIRT: 'rewrite' });
    expect(r.out).toContain('M docs/screenshots/home.png');
    expect(r.last).toBe('3 passed, 1 failed');
    expect(r.code).toBe(1);
    git('checkout', '--', 'docs/screenshots/home.png');
  });

  it('fails when the run leaves a new file in the clone', () => {
    const r = run({ STUB_DIRT: 'add' });
    expect(r.out).toContain('?? docs/screenshots/new.png');
    expect(r.last).toBe('3 passed, 1 failed');
    expect(r.code).toBe(1);
    rmSync(path.join(dir, 'docs/screenshots/new.png'));
  });

  it("does not count a developer's own edits made before the run, but does count the run changing them again", () => {
    writeFileSync(path.join(dir, 'docs/notes.md'), 'notes\nmy edit\n');
    writeFileSync(path.join(dir, 'docs/draft.md'), 'my new file\n');
    const mine = run();
    expect(mine.last).toBe('3 passed, 0 failed');
    expect(mine.code).toBe(0);
    const again = run({ STUB_DIRT: 'notes' });
    expect(again.out).toContain('M docs/notes.md');
    expect(again.out).not.toContain('docs/draft.md');
    expect(again.last).toBe('3 passed, 1 failed');
    expect(readFileSync(path.join(dir, 'docs/notes.md'), 'utf8')).toBe('notes\nmy edit\nmore\n');
    git('checkout', '--', 'docs/notes.md');
    rmSync(path.join(dir, 'docs/draft.md'));
  });

  it('counts ESLint and Prettier errors as one failed check each', () => {
    const r = run({ STUB_LINT: '1', STUB_FORMAT: '1' });
    expect(r.out).toContain('ESLint: 1 failed');
    expect(r.out).toContain('Prettier: 1 failed');
    expect(r.last).toBe('3 passed, 2 failed');
    expect(r.code).toBe(1);
  });
});
