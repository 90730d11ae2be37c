#!/usr/bin/env bash
# `npm start`: sets up what is missing, then runs the backend (7007) and the app (3000)
# with the demo organisation on embedded SQLite under .data/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh

node scripts/check-ports.mjs 7007:backend 3000:frontend

mkdir -p .data/sqlite

# Demo cost data: 13 months of FOCUS exports for the demo organisation, generated once
# (deterministic) and ingested by the cost sources in app-config.yaml on the first run.
# Data generated before the demo business metrics existed is generated again for them.
if [ ! -f .data/demo-focus/.generated ] || [ ! -d .data/demo-focus/metrics ]; then
  through="$(date -u -d yesterday +%F 2>/dev/null || node -p 'new Date(Date.now() - 864e5).toISOString().slice(0, 10)')"
  echo "[start] generating demo FOCUS exports through $through into .data/demo-focus"
  rm -rf .data/demo-focus
  node packages/focus-generator/bin/focus-generator demo --out .data/demo-focus --through "$through" >.data/demo-focus.log
  head -n 1 .data/demo-focus.log
  echo "$through" >.data/demo-focus/.generated
fi
# Absolute paths: `repo start` resolves relative ones from each package folder.
config_args=(--config "$PWD/app-config.yaml")
if [ -n "${FINOPS_ITAM_API_TOKEN:-}" ]; then
  config_args+=(--config "$PWD/app-config.scripted-access.yaml")
  echo "[start] scripted API access is on: send 'Authorization: Bearer \$FINOPS_ITAM_API_TOKEN'"
fi
[ -f app-config.local.yaml ] && config_args+=(--config "$PWD/app-config.local.yaml")

# Tell the user where to go once both servers answer, whatever the dev servers print.
(
  for _ in $(seq 1 600); do
    if curl -fsS http://localhost:7007/api/finops-itam/health >/dev/null 2>&1 &&
      curl -fsS http://localhost:3000/ >/dev/null 2>&1; then
      printf '\n[start] finops-itam portal is ready: open http://localhost:3000 (sign in as guest)\n\n'
      exit 0
    fi
    sleep 1
  done
) &

echo "[start] starting backend on http://localhost:7007 and app on http://localhost:3000 ..."
exec yarn backstage-cli repo start "${config_args[@]}"
