#!/usr/bin/env bash
# Starts the portal as users get it for the page benchmark: the production build of the app
# (packages/app/dist, built by `backstage-cli package build`) served by the backend's app
# server, data in PostgreSQL (app-config.production.yaml), the demo organisation's exports
# as `npm start` generates them. Its own port and database names, so a developer's
# `npm start` on 7007/3000 and other benchmarks' databases are left alone.
# Usage: bench/pages/portal.sh <work-dir> [extra app-config files...]   (runs in the foreground)
set -euo pipefail
cd "$(dirname "$0")/../.."
work="$1"
shift
port="${PAGES_BENCH_PORT:-7017}"
prefix="${PAGES_BENCH_DB_PREFIX:-pages_bench_}"
mkdir -p "$work"

# The demo exports, as scripts/start.sh generates them, but outside the repository.
if [ ! -f "$work/demo-focus/.generated" ]; then
  through="$(date -u -d yesterday +%F)"
  rm -rf "$work/demo-focus"
  node packages/focus-generator/bin/focus-generator demo --out "$work/demo-focus" \
    --through "$through" >"$work/demo-focus.log"
  echo "$through" >"$work/demo-focus/.generated"
fi

# Arrays replace whole in Backstage config, so every source list is repeated with absolute
# paths; objects (backend, database) merge key by key with the files before.
demo="$work/demo-focus"
cat >"$work/app-config.bench.yaml" <<YAML
app:
  baseUrl: http://localhost:$port
backend:
  baseUrl: http://localhost:$port
  listen: ':$port'
  cors:
    origin: http://localhost:$port
  database:
    prefix: $prefix
# The bench signs in as the demo's guest; NODE_ENV=production turns the guest provider off
# unless told otherwise. A real deployment signs in through its identity provider instead.
auth:
  providers:
    guest:
      dangerouslyAllowOutsideDevelopment: true
finopsItam:
  costSources:
    - { id: aws-focus, location: $demo/aws }
    - { id: azure-focus, location: $demo/azure }
    - { id: gcp-focus, location: $demo/gcp }
    - { id: marketplace-focus, location: $demo/marketplace }
  metricSources:
    - { id: demo-orders, metric: orders, location: $demo/metrics/orders.csv }
    - { id: demo-product-views, metric: product-views, location: $demo/metrics/product-views.csv }
    - { id: demo-searches, metric: searches, location: $demo/metrics/searches.csv }
  budgetSources:
    - id: demo-budgets
      location: $demo/budgets/demo-budgets.json
      schedule:
        frequency: { minutes: 1 }
YAML

config_args=(--config "$PWD/app-config.yaml" --config "$PWD/app-config.production.yaml"
  --config "$work/app-config.bench.yaml")
for extra in "$@"; do config_args+=(--config "$extra"); done

export NODE_ENV=production
export POSTGRES_HOST="${POSTGRES_HOST:-127.0.0.1}" POSTGRES_PORT="${POSTGRES_PORT:-5432}"
export POSTGRES_USER="${POSTGRES_USER:-postgres}" POSTGRES_PASSWORD="${POSTGRES_PASSWORD:-postgres}"
# The backend runs from its TypeScript sources (transpiled once at load, as the repository's
# bench scripts run): what the benchmark measures is the page, i.e. the built app.
cd packages/backend
exec node --require @backstage/cli/config/nodeTransform.cjs src/index.ts "${config_args[@]}"
