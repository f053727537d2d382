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
