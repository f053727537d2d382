#!/usr/bin/env bash
# Second command of the README (and .ci/run): every test, on PGlite and on the PostgreSQL server.
set -uo pipefail
cd "$(dirname "$0")/.."

# The clone stays clean (issue #12): git's status is taken before anything runs and compared at the very end; a path the
# run added, changed or deleted fails the command, counted as one failed check in the last line. A developer's own
# uncommitted edits are in the first snapshot and do not count; in CI the clone is clean, so the check is
# `git status --porcelain` being empty at the end.
worktree_before=""
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  worktree_before=$(mktemp)
  trap 'rm -f "$worktree_before"' EXIT
  bash scripts/worktree-status.sh snapshot "$worktree_before"
fi

bash scripts/ensure-deps.sh || exit 1

# Browser tests need Debian's chromium and a CJK font; install them when missing.
if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi -E 'wqy|noto.*cjk'; then
  echo "== 安装 chromium 与中文字体 (apt-get)"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null) || echo "!! 无法安装 chromium,浏览器测试将失败"
fi

projects=(--project unit --project pglite --project browser)
PG_URL="${LUOSHI_TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/test}"
if node -e "const c=new (require('pg').Client)({connectionString:process.argv[1]});c.connect().then(()=>c.end()).then(()=>process.exit(0),()=>process.exit(1))" "$PG_URL" 2>/dev/null; then
  projects+=(--project pg)
elif [ "${CI:-}" = "true" ]; then
  echo "!! CI 要求 PostgreSQL 服务器 ($PG_URL) 可用,但无法连接"; echo "0 passed, 1 failed"; exit 1
else
  echo "== 未连接到 PostgreSQL ($PG_URL),跳过 pg 项目"
fi

# Lint (ESLint, eslint.config.js) on the whole tree and Prettier: an error fails the test command, each counted as one
# failed check in the last line. They run before the tests so their findings are at the top of the log; the tests run
# either way.
echo "== ESLint (npm run lint)"
if npm run --silent lint; then lint_failed=0; else lint_failed=1; echo "!! ESLint 发现错误(见上),测试命令将失败"; fi
# Prettier on the files already in its style (package.json format:check lists them; the rest of the tree is not
# reformatted yet, see docs/architecture.md "Tooling"): a file off-style fails the command like a lint error.
echo "== Prettier (npm run format:check)"
if npm run --silent format:check; then format_failed=0; else format_failed=1; echo "!! Prettier 格式检查未通过(见上;npx prettier --write <文件> 修正),测试命令将失败"; fi

mkdir -p test-results
npx vitest run "${projects[@]}" --reporter=default --reporter=json --outputFile.json=test-results/vitest.json "$@"
code=$?

# last of all: did the run leave the clone dirty?
dirty=0
if [ -n "$worktree_before" ]; then
  echo "== 工作区检查 (git status --porcelain)"
  bash scripts/worktree-status.sh compare "$worktree_before" || dirty=1
else
  echo "== 不在 git 工作区中,跳过工作区检查"
fi

LINT_FAILED=$lint_failed FORMAT_FAILED=$format_failed DIRTY=$dirty node -e "
const r = require('./test-results/vitest.json');
const lintFailed = Number(process.env.LINT_FAILED);
const formatFailed = Number(process.env.FORMAT_FAILED);
const dirty = Number(process.env.DIRTY);
console.log('');
if (lintFailed) console.log('ESLint: 1 failed (counted below)');
if (formatFailed) console.log('Prettier: 1 failed (counted below)');
if (dirty) console.log('工作区: 1 failed (测试后 git status 出现新的改动,见上;counted below)');
console.log(r.numPassedTests + ' passed, ' + (r.numFailedTests + lintFailed + formatFailed + dirty) + ' failed' + (r.numPendingTests ? ', ' + r.numPendingTests + ' skipped' : ''));
if (r.numTotalTests === 0) process.exitCode = 1;
" || code=1
[ "$lint_failed" = 0 ] || code=1
[ "$format_failed" = 0 ] || code=1
[ "$dirty" = 0 ] || code=1
exit $code
