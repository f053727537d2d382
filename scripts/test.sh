#!/usr/bin/env bash
# Second command of the README (and .ci/run): every test, on PGlite and on the PostgreSQL server.
set -uo pipefail
cd "$(dirname "$0")/.."
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

# Lint (ESLint, eslint.config.js) on the whole tree: an error fails the test command, counted as one failed check in
# the last line. It runs before the tests so its findings are at the top of the log; the tests run either way.
echo "== ESLint (npm run lint)"
if npm run --silent lint; then lint_failed=0; else lint_failed=1; echo "!! ESLint 发现错误(见上),测试命令将失败"; fi

mkdir -p test-results
npx vitest run "${projects[@]}" --reporter=default --reporter=json --outputFile.json=test-results/vitest.json "$@"
code=$?
LINT_FAILED=$lint_failed node -e "
const r = require('./test-results/vitest.json');
const lintFailed = Number(process.env.LINT_FAILED);
console.log('');
if (lintFailed) console.log('ESLint: 1 failed (counted below)');
console.log(r.numPassedTests + ' passed, ' + (r.numFailedTests + lintFailed) + ' failed' + (r.numPendingTests ? ', ' + r.numPendingTests + ' skipped' : ''));
if (r.numTotalTests === 0) process.exitCode = 1;
" || code=1
[ "$lint_failed" = 0 ] || code=1
exit $code
