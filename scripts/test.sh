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

mkdir -p test-results
npx vitest run "${projects[@]}" --reporter=default --reporter=json --outputFile.json=test-results/vitest.json "$@"
code=$?
node -e "
const r = require('./test-results/vitest.json');
console.log('');
console.log(r.numPassedTests + ' passed, ' + (r.numFailedTests) + ' failed' + (r.numPendingTests ? ', ' + r.numPendingTests + ' skipped' : ''));
if (r.numTotalTests === 0) process.exitCode = 1;
" || code=1
exit $code
