#!/usr/bin/env bash
# Installs the five finops-itam packages into a brand-new Backstage app, following the README's
# "Add the plugins to an existing Backstage app" steps, and checks that they work there:
#   - type declarations (yarn tsc), then `backstage-cli package build` for each package
#   - `yarn pack` each package and check the tarball (no workspace: ranges, every entry point,
#     the config schema and the backend's migrations inside)
#   - `npx @backstage/create-app --skip-install` into a temporary folder, then README steps:
#     1. bump the app to the Backstage versions this repo builds against
#     2. the tarballs as dependencies (resolutions for common and node)
#     3. backend.add(...) lines in packages/backend/src/index.ts
#     4. the frontend: nothing with `app.packages: all`, else createApp({ features })
#     5. yarn install, `yarn start` on free ports; GET /api/finops-itam/health answers 200 and
#        Debian's Chromium opens example-website's Cost tab, which must render from the
#        plugin's code with the backend's answer
# Prints a summary (each step ok/warning/failed with its time) and exits non-zero on a failure.
# The temporary folder and every process it started are removed on exit; set
# FINOPS_ITAM_KEEP_APP=1 to keep the folder and the logs of each step (the processes still stop).
# Not part of `npm test`: it installs a whole Backstage app (several minutes, about 2 GB).
# Options (environment): CREATE_APP_VERSION (default latest), CHROMIUM_PATH
# (default /usr/bin/chromium), FINOPS_ITAM_TRY_DIR (parent of the temporary folder, default /tmp).
set -uo pipefail
cd "$(dirname "$0")/.."
REPO="$PWD"
# Node.js 22 and Yarn 4 as everywhere else in this repo; the registry is npm's configured one.
source scripts/bootstrap.sh || { echo "setup failed"; exit 1; }

PACKAGES=(finops-itam-common finops-itam-node finops-itam finops-itam-backend catalog-backend-module-finops-itam)
ENTITY=default/component/example-website # in every app create-app makes (examples/entities.yaml)
WORK="$(mktemp -d "${FINOPS_ITAM_TRY_DIR:-/tmp}/finops-itam-fresh-app.XXXXXX")"
APP="$WORK/app"
PACKS="$APP/finops-itam-packs"
LOGS="$WORK/logs"
mkdir -p "$LOGS"

app_pid=""
cleanup() {
  local p
  # `yarn pack` rewrites package.json for the tarball and puts it back afterwards; an
  # interrupted pack leaves the backup behind, so put it back here.
  for p in "${PACKAGES[@]}"; do
    if [ -f "$REPO/plugins/$p/package.json-prepack" ]; then
      (cd "$REPO/plugins/$p" && yarn backstage-cli package postpack >/dev/null 2>&1)
    fi
  done
  if [ -n "$app_pid" ]; then
    # `yarn start` runs in its own process group (setsid): stop the group, backend and dev server.
    kill -- "-$app_pid" 2>/dev/null
    for _ in $(seq 1 20); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 -- "-$app_pid" 2>/dev/null
  fi
  if [ -n "${FINOPS_ITAM_KEEP_APP:-}" ]; then
    echo "kept the app and its logs in $WORK"
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- step bookkeeping ------------------------------------------------------------------------
STEP_NAMES=()
STEP_RESULTS=()
STEP_SECONDS=()
FAILED=""
WARNING=""
FINDINGS=()

step_log_name() { echo "$1" | tr -c 'a-zA-Z0-9\n' '-' | tr -s '-' | sed 's/-$//; s/$/.log/'; }

# run_step "<name>" <command...>: runs the command with its output in $LOGS, records the result.
# After a failure the remaining steps are recorded as skipped.
run_step() {
  local name="$1" log="$LOGS/$(step_log_name "$1")" start rc
  shift
  STEP_NAMES+=("$name")
  if [ -n "$FAILED" ]; then
    STEP_RESULTS+=(skipped)
    STEP_SECONDS+=(0)
    return 1
  fi
  printf '[try] %s ...\n' "$name"
  start=$(date +%s)
  "$@" >"$log" 2>&1
  rc=$?
  STEP_SECONDS+=($(($(date +%s) - start)))
  if [ $rc -eq 0 ] && [ -n "$WARNING" ]; then
    STEP_RESULTS+=(warning)
    FINDINGS+=("warning: $WARNING")
    WARNING=""
  elif [ $rc -eq 0 ]; then
    STEP_RESULTS+=(ok)
  else
    STEP_RESULTS+=(failed)
    FAILED="$name"
    printf '[try] %s failed (exit %s); the end of its log (%s):\n' "$name" "$rc" "$log"
    tail -n 30 "$log" | sed 's/^/    /'
  fi
  return $rc
}

summary() {
  local i total=0
  echo
  echo "try-in-fresh-app summary"
  for i in "${!STEP_NAMES[@]}"; do
    printf '  %-8s %5ss  %s\n' "${STEP_RESULTS[$i]}" "${STEP_SECONDS[$i]}" "${STEP_NAMES[$i]}"
    total=$((total + STEP_SECONDS[i]))
  done
  for line in "${FINDINGS[@]}"; do echo "  $line"; done
  if [ -n "$FAILED" ]; then
    printf 'FAILED at "%s" after %ss\n' "$FAILED" "$total"
  else
    printf 'OK: the five packages install and run in a fresh Backstage app (%ss)\n' "$total"
  fi
}

# --- the steps -------------------------------------------------------------------------------
# `package build` bundles each package's types from dist-types/<package>/src, which `yarn tsc`
# writes. The declarations are written to this run's folder first (not incremental: the
# repo's shared tsbuildinfo may claim files that are no longer there) and copied into
# dist-types/ right before the builds. tsc writes them even when a file elsewhere in the repo
# does not type-check; that is npm test's business, so here type errors are a warning as
# long as the five packages' declarations exist.
type_declarations() {
  local p missing=0 rc=0
  yarn tsc --incremental false --outDir "$WORK/dist-types" || rc=$?
  for p in "${PACKAGES[@]}"; do
    [ -f "$WORK/dist-types/plugins/$p/src/index.d.ts" ] || { echo "no declarations for $p"; missing=1; }
  done
  [ $missing -eq 0 ] && [ $rc -ne 0 ] &&
    WARNING="yarn tsc: $(grep -Eo 'Found [0-9]+ errors?( in [0-9]+ files?)?' "$LOGS/$(step_log_name "type declarations (yarn tsc)")" | tail -n 1 | sed 's/^F/f/'); the five packages' declarations were written"
  return $missing
}

build_packages() {
  local p
  for p in "${PACKAGES[@]}"; do
    echo "== $p"
    mkdir -p "dist-types/plugins/$p"
    rm -rf "dist-types/plugins/$p/src"
    cp -r "$WORK/dist-types/plugins/$p/src" "dist-types/plugins/$p/src" || return 1
    (cd "plugins/$p" && yarn backstage-cli package build) || return 1
  done
}

pack_packages() {
  local p
  mkdir -p "$WORK/packs"
  for p in "${PACKAGES[@]}"; do
    echo "== $p"
    (cd "plugins/$p" && yarn pack --out "$WORK/packs/$p.tgz") || return 1
  done
}

# A tarball must stand on its own: no workspace: ranges, its entry points inside it, its config
# schema, and the backend's migrations.
check_packs() {
  local p tgz files manifest problems=0
  for p in "${PACKAGES[@]}"; do
    tgz="$WORK/packs/$p.tgz"
    files="$(tar tzf "$tgz")"
    manifest="$(tar xzOf "$tgz" package/package.json)"
    if grep -q '"workspace:' <<<"$manifest"; then
      echo "$p: package.json still has workspace: ranges"; problems=1
    fi
    if ! grep -q '^package/dist/index\.d\.ts$' <<<"$files"; then
      echo "$p: no dist/index.d.ts"; problems=1
    fi
    if ! grep -Eq '^package/dist/index\.(cjs|esm)\.js$' <<<"$files"; then
      echo "$p: no dist/index.cjs.js or dist/index.esm.js"; problems=1
    fi
    # Every file the manifest points at must be in the tarball.
    echo "$manifest" | node -e '
      const m = JSON.parse(require("fs").readFileSync(0, "utf8"));
      const targets = [m.main, m.module, m.types];
      const walk = v => typeof v === "string" ? targets.push(v) : v && Object.values(v).forEach(walk);
      walk(m.exports);
      console.log(targets.filter(t => t && !t.startsWith("@")).map(t => t.replace(/^\.\//, "")).join("\n"));
    ' | sort -u | while read -r target; do
      grep -qx "package/$target" <<<"$files" || echo "$p: package.json points at $target, which is not packed"
    done | grep . && problems=1
    echo "$p: $(echo "$files" | wc -l) files"
  done
  # Listings are read into variables first: `tar | grep -q` would fail under pipefail when grep
  # stops reading early.
  for p in "${PACKAGES[@]}"; do
    files="$(tar tzf "$WORK/packs/$p.tgz")"
    # A package with a config.d.ts ships it as config.schema.json, so the app validates its keys.
    if [ -f "plugins/$p/config.d.ts" ] && ! grep -qx 'package/config\.schema\.json' <<<"$files"; then
      echo "$p: has config.d.ts but no config.schema.json is packed (configSchema and files in package.json)"; problems=1
    fi
  done
  files="$(tar tzf "$WORK/packs/finops-itam-backend.tgz")"
  grep -q '^package/migrations/.*\.js$' <<<"$files" ||
    { echo "finops-itam-backend: migrations are not packed"; problems=1; }
  return $problems
}

create_app() {
  # --skip-install: the dependencies are installed once, after the plugins are added.
  BACKSTAGE_APP_NAME=finops-itam-trial npx --yes "@backstage/create-app@${CREATE_APP_VERSION:-latest}" \
    --path "$APP" --skip-install </dev/null
}

# create-app pins its versions through a yarn.lock seed it downloads from GitHub; where that
# cannot be reached (this script only needs the npm registry) the app resolves each range to
# its newest match and gets a backend whose plugins do not fit together. Bumping the app to the
# Backstage versions this repo builds against (README step 1, `backstage-cli versions:bump`,
# here with a manifest of this repo's installed @backstage packages instead of the release
# manifest from the internet) gives it one consistent release.
align_backstage_versions() {
  node -e '
    const fs = require("fs"), path = require("path");
    const dir = "node_modules/@backstage";
    const packages = fs.readdirSync(dir).flatMap(name => {
      try {
        const p = JSON.parse(fs.readFileSync(path.join(dir, name, "package.json"), "utf8"));
        return [{ name: p.name, version: p.version }];
      } catch { return []; }
    });
    const releaseVersion = JSON.parse(fs.readFileSync("backstage.json", "utf8")).version;
    fs.writeFileSync(process.argv[1], JSON.stringify({ releaseVersion, packages }, null, 2));
    console.log(`manifest: Backstage ${releaseVersion}, ${packages.length} packages`);
  ' "$WORK/backstage-manifest.json" || return 1
  (cd "$APP" && BACKSTAGE_MANIFEST_FILE="$WORK/backstage-manifest.json" \
    node "$REPO/node_modules/@backstage/cli/bin/backstage-cli" versions:bump --skip-install --skip-migrate) &&
    git -C "$APP" diff --stat
}

# README step 2: the packages as dependencies. From the registry that is
# `yarn --cwd packages/app add ...` and `yarn --cwd packages/backend add ...`; here the same
# dependencies point at the tarballs, and `resolutions` makes the packages they depend on
# (common, node) come from the tarballs too instead of the registry.
add_dependencies() {
  mkdir -p "$PACKS"
  cp "$WORK"/packs/*.tgz "$PACKS/"
  (cd "$APP" && node -e '
    const fs = require("fs");
    const packs = process.argv[1];
    const tgz = name => `file:${packs}/${name}.tgz`;
    const edit = (file, change) => {
      const json = JSON.parse(fs.readFileSync(file, "utf8"));
      change(json);
      fs.writeFileSync(file, JSON.stringify(json, null, 2) + "\n");
    };
    edit("packages/app/package.json", p => {
      p.dependencies["@finops-itam/plugin-finops-itam"] = tgz("finops-itam");
    });
    edit("packages/backend/package.json", p => {
      p.dependencies["@finops-itam/plugin-finops-itam-backend"] = tgz("finops-itam-backend");
      p.dependencies["@finops-itam/plugin-catalog-backend-module-finops-itam"] = tgz("catalog-backend-module-finops-itam");
    });
    edit("package.json", p => {
      p.resolutions = {
        ...p.resolutions,
        "@finops-itam/plugin-finops-itam-common": tgz("finops-itam-common"),
        "@finops-itam/plugin-finops-itam-node": tgz("finops-itam-node"),
      };
    });
  ' "$PACKS") && git -C "$APP" diff --stat
}

# README step 3: the backend plugin and the catalog module, before backend.start().
add_backend_lines() {
  local index="$APP/packages/backend/src/index.ts"
  grep -q '^backend.start();' "$index" || { echo "no backend.start(); line in $index"; return 1; }
  node -e '
    const fs = require("fs");
    const file = process.argv[1];
    const lines = [
      "// finops-itam: cost and license data at /api/finops-itam, and its catalog module",
      "backend.add(import(\"@finops-itam/plugin-finops-itam-backend\"));",
      "backend.add(import(\"@finops-itam/plugin-catalog-backend-module-finops-itam\"));",
      "",
    ].join("\n");
    const text = fs.readFileSync(file, "utf8");
    fs.writeFileSync(file, text.replace(/^backend\.start\(\);/m, lines + "backend.start();"));
  ' "$index" && git -C "$APP" diff packages/backend/src/index.ts
}

# README step 4: the frontend. The new frontend system with `app.packages: all` discovers the
# plugin from packages/app/package.json; an app that lists its features by hand gets the
# plugin added to createApp({ features }). The legacy frontend system is not scripted.
add_frontend() {
  local app_tsx="$APP/packages/app/src/App.tsx"
  if grep -Eq '^\s+packages:\s+all' "$APP/app-config.yaml"; then
    echo "app-config.yaml has app.packages: all; the plugin is discovered, no code change"
    FINDINGS+=("frontend: new frontend system, discovered through app.packages: all")
  elif grep -q 'createApp({' "$app_tsx" && grep -q 'features: \[' "$app_tsx"; then
    sed -i '1i import finopsItamPlugin from '"'"'@finops-itam/plugin-finops-itam/alpha'"'"';' "$app_tsx"
    sed -i 's/features: \[/features: [finopsItamPlugin, /' "$app_tsx"
    git -C "$APP" diff packages/app/src/App.tsx
    FINDINGS+=("frontend: new frontend system, added to createApp({ features })")
  else
    echo "the created app uses neither app.packages: all nor createApp({ features }); see $app_tsx"
    return 1
  fi
}

# README step 5: install and start.
install_dependencies() { (cd "$APP" && yarn install); }

free_port() {
  node -e 'const s = require("net").createServer(); s.listen(0, () => { console.log(s.address().port); s.close(); });'
}

BACKEND_PORT=""
FRONTEND_PORT=""
start_app() {
  BACKEND_PORT="$(free_port)"
  FRONTEND_PORT="$(free_port)"
  while [ "$FRONTEND_PORT" = "$BACKEND_PORT" ]; do FRONTEND_PORT="$(free_port)"; done
  cat >"$APP/app-config.local.yaml" <<EOF
# Written by finops-itam's scripts/try-in-fresh-app.sh: free ports for this run.
app:
  baseUrl: http://localhost:$FRONTEND_PORT
backend:
  baseUrl: http://localhost:$BACKEND_PORT
  listen:
    port: $BACKEND_PORT
  cors:
    origin: http://localhost:$FRONTEND_PORT
EOF
  echo "backend on $BACKEND_PORT, frontend on $FRONTEND_PORT"
  # setsid: its own process group, so cleanup stops the backend and the dev server with it.
  setsid bash -c 'cd "$1" && exec yarn start' start "$APP" >"$LOGS/yarn-start.log" 2>&1 </dev/null &
  app_pid=$!
  FINDINGS+=("app: backend http://localhost:$BACKEND_PORT, frontend http://localhost:$FRONTEND_PORT")
}

# Polls until the health route answers 200; the first start compiles the backend, so allow time.
check_health() {
  local url="http://localhost:$BACKEND_PORT/api/finops-itam/health" code
  for _ in $(seq 1 900); do
    code="$(curl -s -o "$LOGS/health.json" -w '%{http_code}' "$url")"
    if grep -q 'Backend startup failed' "$LOGS/yarn-start.log"; then
      echo "the backend did not start:"; grep -A3 'Backend startup failed' "$LOGS/yarn-start.log" | head -n 8
      return 1
    fi
    if [ "$code" = 200 ]; then
      echo "GET $url -> 200 $(cat "$LOGS/health.json")"
      FINDINGS+=("health: GET /api/finops-itam/health -> 200 $(tr -d ' \n' <"$LOGS/health.json" | head -c 200)")
      return 0
    fi
    kill -0 "$app_pid" 2>/dev/null || { echo "yarn start exited:"; tail -n 40 "$LOGS/yarn-start.log"; return 1; }
    sleep 1
  done
  echo "GET $url never answered 200 (last: $code)"
  tail -n 40 "$LOGS/yarn-start.log"
  return 1
}

check_cost_tab() {
  local url="http://localhost:$FRONTEND_PORT"
  # The dev server compiles the app on first request; wait until it serves the page.
  for _ in $(seq 1 900); do
    curl -fsS -o /dev/null "$url" && break
    kill -0 "$app_pid" 2>/dev/null || { echo "yarn start exited"; return 1; }
    sleep 1
  done
  node "$REPO/scripts/fresh-app-cost-tab.mjs" "$url" "$ENTITY" "$WORK/cost-tab.png" | tee "$LOGS/cost-tab.txt"
  local rc=${PIPESTATUS[0]}
  while read -r line; do FINDINGS+=("cost tab: $line"); done < <(grep 'served in' "$LOGS/cost-tab.txt")
  FINDINGS+=("cost tab: $(tail -n 1 "$LOGS/cost-tab.txt")")
  return "$rc"
}

echo "[try] working in $WORK"
run_step "type declarations (yarn tsc)" type_declarations
run_step "build the five packages (backstage-cli package build)" build_packages
run_step "pack the five packages (yarn pack)" pack_packages
run_step "check the tarballs" check_packs
run_step "create a Backstage app (npx @backstage/create-app)" create_app
run_step "bump the app to this repo's Backstage versions (versions:bump)" align_backstage_versions
run_step "add the tarballs as dependencies" add_dependencies
run_step "add backend.add(...) lines" add_backend_lines
run_step "add the frontend plugin" add_frontend
run_step "yarn install in the app" install_dependencies
run_step "yarn start" start_app
run_step "GET /api/finops-itam/health answers 200" check_health
run_step "open the Cost tab in Chromium" check_cost_tab
summary
[ -z "$FAILED" ]
