#!/usr/bin/env bash
# `yarn bench:pages` (issue 19, targets 5 and 6): builds the app for production, reports the
# finops-itam plugin's chunks, starts a fresh portal serving that build from the backend
# (bench/pages/portal.sh: PostgreSQL, demo data as `npm start` loads it), waits for the demo
# data to settle, and times the Cost tab and the ITAM, Budgets and FinOps pages in Chromium
# (bench/pages/pages.bench.ts). Then stops the portal and drops its databases.
#
# Usage: yarn bench:pages [--skip-build] [--reps N] [--scale-db <database>]
#   --scale-db  reads the finops-itam tables of a scale database built by the backend's
#               bench/scale (components comp-N): the plugin connects as a read-only role,
#               skips its migrations and runs no task, and the catalog gets the same
#               generated entities. The portal never writes to that database.
# Results: e2e-artifacts/pages-bench/ (chunks.json, pages-<dataset>.json, portal.log).
set -uo pipefail
cd "$(dirname "$0")/../.."

work="${PAGES_BENCH_WORK:-/tmp/pages-bench}"
port="${PAGES_BENCH_PORT:-7017}"
prefix=pages_bench_
reader=pages_bench_reader
out_dir=e2e-artifacts/pages-bench
skip_build=""
scale_db=""
reps=7
while [ $# -gt 0 ]; do
  case "$1" in
    --skip-build) skip_build=1 ;;
    --reps) reps="$2"; shift ;;
    --scale-db) scale_db="$2"; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
mkdir -p "$work" "$out_dir"

psql_admin() {
  psql -h "${POSTGRES_HOST:-127.0.0.1}" -p "${POSTGRES_PORT:-5432}" -U postgres \
    -v ON_ERROR_STOP=1 -Atq "$@"
}

drop_bench_databases() {
  local db
  for db in $(psql_admin -d postgres -c \
    "select datname from pg_database where left(datname, ${#prefix}) = '$prefix'"); do
    psql_admin -d postgres -c "drop database \"$db\" with (force)"
  done
}

# The read-only role sees the scale database's tables; the Backstage scheduler keeps its
# own tables in a schema of the role's, first on its search path.
grant_reader() {
  psql_admin -d postgres -c "do \$\$ begin
    if not exists (select from pg_roles where rolname = '$reader') then
      create role $reader login password '$reader';
    end if; end \$\$"
  psql_admin -d "$scale_db" -c "grant connect on database \"$scale_db\" to $reader;
    grant usage on schema public to $reader;
    grant select on all tables in schema public to $reader;
    create schema if not exists ${reader}_scheduler authorization $reader;
    alter role $reader in database \"$scale_db\" set search_path = ${reader}_scheduler, public;"
}

drop_reader() {
  [ -z "$scale_db" ] && return 0
  psql_admin -d "$scale_db" -c "drop schema if exists ${reader}_scheduler cascade;
    drop owned by $reader;" 2>/dev/null
  psql_admin -d postgres -c "drop role if exists $reader"
}

portal_pid=""
cleanup() {
  if [ -n "$portal_pid" ]; then
    kill -- "-$portal_pid" 2>/dev/null
    wait "$portal_pid" 2>/dev/null
  fi
  drop_bench_databases
  drop_reader
}
trap cleanup EXIT

node scripts/check-ports.mjs "$port:page-benchmark portal" || exit 1

echo "[bench:pages] $(date -u +%FT%TZ), commit $(git rev-parse --short HEAD), load: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -z "$skip_build" ]; then
  echo "[bench:pages] building the app for production (packages/app/dist)"
  yarn --cwd packages/app backstage-cli package build --config ../../app-config.yaml \
    >"$out_dir/build.log" 2>&1 || { tail -n 30 "$out_dir/build.log"; exit 1; }
fi
[ -f packages/app/dist/index.html ] || { echo "no production build in packages/app/dist"; exit 1; }
echo "[bench:pages] the finops-itam plugin's chunks in the production build:"
node bench/pages/chunkSizes.mjs packages/app/dist "$out_dir/chunks.json"

# A fresh portal every run: its demo data is loaded as on a first `npm start`.
drop_bench_databases
extra_configs=()
dataset=demo
entity=cart-service
if [ -n "$scale_db" ]; then
  dataset="$scale_db"
  entity=comp-0
  grant_reader || exit 1
  node --require @backstage/cli/config/nodeTransform.cjs bench/pages/scaleCatalog.ts \
    "$work/scale-catalog.yaml" || exit 1
  cat >"$work/app-config.scale.yaml" <<YAML
backend:
  database:
    plugin:
      finops-itam:
        connection:
          database: $scale_db
          user: $reader
          password: $reader
        skipMigrations: true
catalog:
  locations:
    - type: file
      target: $PWD/examples/org.yaml
      rules:
        - allow: [User, Group]
    - type: file
      target: $work/scale-catalog.yaml
      rules:
        - allow: [Domain, Group, System, Component]
# Nothing to read and no task: the database is someone else's, read only.
finopsItam:
  costSources: []
  metricSources: []
  budgetSources: []
  licenses:
    entitlementSources: []
    costSchedule: { frequency: { trigger: manual } }
  allocation:
    schedule: { frequency: { trigger: manual } }
  anomalies:
    schedule: { frequency: { trigger: manual } }
  kpis:
    rollupSchedule: { frequency: { trigger: manual } }
  budgetAlerts:
    schedule: { frequency: { trigger: manual } }
  onboarding:
    schedule: { frequency: { trigger: manual } }
YAML
  extra_configs+=("$work/app-config.scale.yaml")
fi

echo "[bench:pages] starting the portal on http://localhost:$port (log: $out_dir/portal.log)"
PAGES_BENCH_PORT="$port" PAGES_BENCH_DB_PREFIX="$prefix" \
  setsid bash bench/pages/portal.sh "$work" "${extra_configs[@]}" \
  >"$out_dir/portal.log" 2>&1 </dev/null &
portal_pid=$!
for _ in $(seq 1 300); do
  curl -fsS "http://localhost:$port/api/finops-itam/health" >/dev/null 2>&1 && break
  kill -0 "$portal_pid" 2>/dev/null || { echo "the portal exited:"; tail -n 30 "$out_dir/portal.log"; exit 1; }
  sleep 1
done

echo "[bench:pages] measuring ($reps navigations per page), load: $(cut -d' ' -f1-3 /proc/loadavg)"
PAGES_BENCH_URL="http://localhost:$port" PAGES_BENCH_REPS="$reps" \
  PAGES_BENCH_DATASET="$dataset" PAGES_BENCH_ENTITY="$entity" \
  PAGES_BENCH_OUT="$out_dir/pages-$dataset.json" \
  yarn playwright test -c bench/pages/playwright.config.ts
status=$?
echo "[bench:pages] done $(date -u +%FT%TZ), load: $(cut -d' ' -f1-3 /proc/loadavg)"
exit $status
