#!/usr/bin/env bash
# `yarn bench:pages` (issue 19, targets 5 and 6): builds the app for production, reports the
# finops-itam plugin's chunks, starts a fresh portal serving that build from the backend
# (bench/pages/portal.sh: PostgreSQL, demo data as `npm start` loads it), waits for the demo
# data to settle, and times the Cost tab and the ITAM, Budgets and FinOps pages in Chromium
# (bench/pages/pages.bench.ts). Then stops the portal and drops its databases.
#
# Usage: yarn bench:pages [--skip-build] [--reps N] [--scale-db <database>]
#   --scale-db  reads the finops-itam tables of a scale database built by the backend's
#               bench/scale (components comp-N): the plugin connects as a role that may
#               read every table but write only the KPI rollup (built by the portal's own
#               task, as after any delivery; emptied again at the end if it was empty) and
#               skips its migrations; the catalog gets the same generated entities.
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

# The role reads the scale database's tables. Its one write: at start the plugin marks
# allocation runs and ingestions interrupted whose heartbeat stopped (a crashed process's),
# and fails to start if it may not; a live run keeps its heartbeat and is left alone. The
# core services' own tables (scheduler, signing keys) go in a schema of the role's, first on
# its path (made by bench/pages/coreTables.cjs: skipped migrations skip theirs too).
grant_reader() {
  psql_admin -d postgres -c "do \$\$ begin
    if not exists (select from pg_roles where rolname = '$reader') then
      create role $reader login password '$reader';
    end if; end \$\$"
  psql_admin -d "$scale_db" -c "grant connect on database \"$scale_db\" to $reader;
    grant usage on schema public to $reader;
    grant select on all tables in schema public to $reader;
    grant update on finops_itam_allocation_runs, finops_itam_ingestions to $reader;
    grant insert, update, delete on finops_itam_kpi_rollup, finops_itam_kpi_rollup_state to $reader;
    grant usage on sequence finops_itam_kpi_rollup_id_seq to $reader;
    create schema if not exists ${reader}_scheduler authorization $reader;
    alter role $reader in database \"$scale_db\" set search_path = ${reader}_scheduler, public;"
  node bench/pages/coreTables.cjs "$scale_db" "$reader" "${reader}_scheduler"
}

# The KPI rollup as the scale database had it before: empty (never built) or not.
rollup_was_built=""
restore_rollup() {
  [ -z "$scale_db" ] || [ -n "$rollup_was_built" ] && return 0
  psql_admin -d "$scale_db" -c "delete from finops_itam_kpi_rollup;
    update finops_itam_kpi_rollup_state set data_version = null, built_at = null;"
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
  restore_rollup
  drop_reader
}
trap cleanup EXIT
trap 'exit 130' INT TERM

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
  rollup_was_built="$(psql_admin -d "$scale_db" -c \
    "select 1 from finops_itam_kpi_rollup_state where built_at is not null")"
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
# Nothing to read and no task but the KPI rollup: the database is someone else's.
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
  # The rollup sums cost per owning group: built before the catalog has read the 5,000
  # generated entities' owners, it is one row set per component instead (millions of rows,
  # longer than the run). Six minutes is after the catalog has settled here.
  kpis:
    rollupSchedule: { initialDelay: { minutes: 6 } }
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
  if grep -q 'startup failed' "$out_dir/portal.log"; then
    echo "the portal did not start:"
    grep 'startup failed' "$out_dir/portal.log" | cut -c1-600
    exit 1
  fi
  sleep 1
done

if [ -n "$scale_db" ] && [ -z "$rollup_was_built" ]; then
  # A portal builds the KPI rollup a minute after start and after each delivery; until then
  # GET /kpis sums the facts. Measured once built, as users get it in the steady state.
  echo "[bench:pages] waiting for the portal's KPI rollup of $scale_db (started $(date -u +%T))"
  for _ in $(seq 1 900); do
    [ -n "$(psql_admin -d "$scale_db" -c \
      "select 1 from finops_itam_kpi_rollup_state where built_at is not null")" ] && break
    sleep 2
  done
  grep -o 'Scheduled task finops-itam-kpi-rollup[^"]*' "$out_dir/portal.log" | tail -n 2
  echo "[bench:pages] KPI rollup built $(date -u +%T)"
fi
echo "[bench:pages] measuring ($reps navigations per page), load: $(cut -d' ' -f1-3 /proc/loadavg)"
PAGES_BENCH_URL="http://localhost:$port" PAGES_BENCH_REPS="$reps" \
  PAGES_BENCH_DATASET="$dataset" PAGES_BENCH_ENTITY="$entity" \
  PAGES_BENCH_OUT="$out_dir/pages-$dataset.json" \
  yarn playwright test -c bench/pages/playwright.config.ts
status=$?
echo "[bench:pages] done $(date -u +%FT%TZ), load: $(cut -d' ' -f1-3 /proc/loadavg)"
exit $status
