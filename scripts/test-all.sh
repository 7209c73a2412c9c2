#!/usr/bin/env bash
# `npm test`: every test layer, cheapest first, stopping at the first failing layer.
# Each vitest layer also writes a JSON report; the last line sums them up ("Tests: N passed, N failed, N skipped").
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results
rm -f test-results/*.json

layer() { printf '\n\033[1m== %s ==\033[0m\n' "$1"; }
vitest_layer() {
  local name=$1; shift
  npx vitest run --project "$name" --reporter=default --reporter=json --outputFile="test-results/$name.json" "$@"
}

layer "typecheck";          npm run --silent typecheck
layer "lint";               npm run --silent lint
layer "import cycles";      python3 ../shared/tools/import-cycles.py .
layer "unit";               vitest_layer unit
layer "component";          vitest_layer component
layer "server (PGlite${DATABASE_URL:+ and PostgreSQL})"
rm -f test-results/server-logs.jsonl
# Every test logger also appends to this file; the check greps it for phones, tokens, keys and card numbers.
SERVER_TEST_LOG_FILE="$PWD/test-results/server-logs.jsonl" vitest_layer server
layer "log redaction";      npx tsx scripts/check-log-redaction.ts test-results/server-logs.jsonl
layer "builds";             npx tsx scripts/lib/ensure-builds.ts weapp h5
layer "weapp build gate";   npx tsx tests/weapp/compile-build.ts
                            vitest_layer weapp
layer "end to end (H5 in Chromium)"; vitest_layer e2e --no-file-parallelism
layer "automator (WeChat DevTools)"; vitest_layer automator

npx tsx scripts/lib/summarize-results.ts test-results
