#!/usr/bin/env bash
# `npm test`: sets up what is missing, then runs type-check, lint, the API contract, API
# report and format checks, every unit and database test (SQLite always, PostgreSQL when a server answers on
# 127.0.0.1:5432) and the end-to-end test in Chromium. Ends with one line
# "N passed, M failed" over all suites and exits non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh || { echo "setup failed"; echo "0 passed, 1 failed"; exit 1; }

results_dir=.data/test-results
rm -rf "$results_dir"
mkdir -p "$results_dir"
failed_steps=()
# Type-check and lint have no test report; each failing one counts once in the closing line.
failed_checks=0

step() {
  local name="$1"
  shift
  echo
  echo "== $name"
  if "$@"; then
    echo "== $name: ok"
  else
    echo "== $name: FAILED"
    failed_steps+=("$name")
  fi
}

step "type-check" yarn tsc --noEmit
step "lint" yarn backstage-cli repo lint
# The HTTP contract: generated code in step with openapi.yaml (`yarn openapi:generate`), and
# the spec passing Backstage's OpenAPI lint.
step "api contract" yarn openapi:check
# A public API change must come with its regenerated report (`yarn build:api-reports`).
step "api reports" bash scripts/api-reports.sh --ci
# Formatting with the repository's prettier config (.prettierignore lists generated files).
step "format" yarn prettier --check .
failed_checks=${#failed_steps[@]}

# PostgreSQL: TestDatabases finds it through this variable; without a server the PostgreSQL
# cases are skipped and the suites print a NOTICE saying so.
export BACKSTAGE_TEST_DISABLE_DOCKER=1
if node scripts/probe-port.mjs 127.0.0.1 5432; then
  export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-postgresql://postgres@127.0.0.1:5432}"
  echo "PostgreSQL answers on 127.0.0.1:5432: database tests run on SQLite and PostgreSQL"
else
  echo "NOTICE: no PostgreSQL on 127.0.0.1:5432: database tests run on SQLite only, PostgreSQL cases are skipped"
fi
# CI=true keeps Jest out of watch mode when a person runs npm test in a terminal.
step "unit and database tests" env CI=true yarn backstage-cli repo test --json --outputFile="$results_dir/jest.json"

step "end-to-end tests" bash scripts/e2e.sh "$results_dir/playwright.json"

echo
[ ${#failed_steps[@]} -gt 0 ] && echo "failed steps: ${failed_steps[*]}"
# The closing line comes last, so runners that read it find it on the final line.
node scripts/summarize-tests.mjs "$results_dir/jest.json" "$results_dir/playwright.json" "$failed_checks"
summary_rc=$?
[ ${#failed_steps[@]} -gt 0 ] && exit 1
exit $summary_rc
