#!/usr/bin/env bash
# First command of the README: the product on its embedded database with the corpus imported as demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
exec node bin/luoshi.js demo "$@"
