#!/usr/bin/env bash
# API reports (report.api.md, report-alpha.api.md) of the published packages, made by
# Backstage's `backstage-repo-tools api-reports` (API Extractor). A change to a package's
# public API shows up as a diff of its report, which is committed with the change.
#   bash scripts/api-reports.sh        rewrites the reports (`yarn build:api-reports`)
#   bash scripts/api-reports.sh --ci   changes nothing; fails when a report is out of date or
#                                      has warnings (the "api reports" step of `npm test`)
set -uo pipefail
cd "$(dirname "$0")/.."

packages=(
  plugins/finops-itam
  plugins/finops-itam-backend
  plugins/finops-itam-common
  plugins/finops-itam-node
  plugins/catalog-backend-module-finops-itam
  plugins/scaffolder-backend-module-finops-itam
  plugins/finops-itam-backend-module-duckdb-warehouse
)

# API Extractor reads the declarations in dist-types/, so emit them first. The tool's own
# --tsc flag would also type-check node_modules (skipLibCheck false), where lib.dom and
# @types/node disagree. Type errors in our code are the type-check step's business: the
# reports are still built from what tsc emitted, and that step fails on its own.
if ! yarn tsc --incremental false >/dev/null; then
  echo "note: tsc reported type errors (see the type-check step); the reports use what it emitted"
fi

# ae-undocumented: members without TSDoc are marked "(undocumented)" in the report, not
# failed. ae-wrong-input-file-type: the entry points are .d.ts files from tsc, as intended.
# --validate-release-tags: the main entry point exports @public API, ./alpha @alpha.
yarn backstage-repo-tools api-reports \
  --omit-messages ae-wrong-input-file-type,ae-undocumented \
  --validate-release-tags \
  "$@" "${packages[@]}"
