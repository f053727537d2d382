#!/usr/bin/env bash
# Installs what the product needs on a fresh machine: npm packages (from the lock file) and the built web app.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== 安装依赖 (npm ci)"
  npm ci --no-audit --no-fund
fi
# rebuild the web app when any of its sources is newer than the build
if [ -f vite.config.ts ] && [ -d app ]; then
  if [ ! -f dist/app/index.html ] || [ -n "$(find app shared vite.config.ts -newer dist/app/index.html -type f 2>/dev/null | head -1)" ]; then
    echo "== 构建前端 (vite build)"
    NODE_ENV=production npx vite build --logLevel warn
  fi
fi
# compile the server when any source is newer than the build: the CLI and the parse workers start from it
if ! node -e "import('./bin/fresh-build.mjs').then((m) => process.exit(m.freshBuild() ? 0 : 1))"; then
  echo "== 编译服务端 (esbuild)"
  node scripts/build-server.mjs
fi
