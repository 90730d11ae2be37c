#!/usr/bin/env bash
# Makes this checkout runnable on a machine that has only Node.js and npm.
# Sourced by scripts/start.sh and scripts/test.sh. Every step checks first and skips what is
# already in place, so a second run costs seconds.
#   1. Node.js >= 22: when the system Node is older, the `node` package from the npm registry
#      (binary plus headers) goes into .tools/, and node-gyp is pointed at its headers because
#      prebuilt-binary downloads cannot work on a closed network.
#   2. Yarn 4 from the npm registry (@yarnpkg/cli-dist), run through a shim in .tools/bin.
#   3. Workspace dependencies, re-installed only when a manifest or the lockfile changed.
# The registry is whatever `npm config get registry` says; nothing here names a host.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS_DIR="$REPO_ROOT/.tools"
NODE_VERSION="22.23.3"
YARN_VERSION="4.18.1"

log() { printf '[setup] %s\n' "$*" >&2; }

node_major() { "${1:-node}" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

find_bootstrapped_node_home() {
  local candidate
  for candidate in "$TOOLS_DIR"/node_modules/node/node_modules/node-*-*; do
    [ -x "$candidate/bin/node" ] && { echo "$candidate"; return 0; }
  done
  return 1
}

install_tools_from_registry() {
  log "installing Node.js $NODE_VERSION and Yarn $YARN_VERSION from the npm registry into .tools/"
  mkdir -p "$TOOLS_DIR"
  # Both in one npm call: a second `npm install --prefix` would prune the first one's packages.
  npm install --prefix "$TOOLS_DIR" --no-save --no-package-lock --no-audit --no-fund \
    --loglevel=error "node@$NODE_VERSION" "@yarnpkg/cli-dist@$YARN_VERSION" >&2
}

ensure_node() {
  if [ "$(node_major node)" -ge 22 ]; then
    NODE_HOME="$(cd "$(dirname "$(command -v node)")/.." && pwd)"
  else
    NODE_HOME="$(find_bootstrapped_node_home)" || {
      install_tools_from_registry
      NODE_HOME="$(find_bootstrapped_node_home)" || { log "Node.js $NODE_VERSION did not install"; return 1; }
    }
    export PATH="$NODE_HOME/bin:$PATH"
  fi
  # node-gyp builds native addons (better-sqlite3) against these headers instead of downloading them.
  if [ -f "$NODE_HOME/include/node/node_api.h" ]; then
    export npm_config_nodedir="$NODE_HOME"
  fi
}

ensure_yarn() {
  local yarn_js="$TOOLS_DIR/node_modules/@yarnpkg/cli-dist/bin/yarn.js"
  [ -f "$yarn_js" ] || install_tools_from_registry
  mkdir -p "$TOOLS_DIR/bin"
  printf '#!/bin/sh\nexec node "%s" "$@"\n' "$yarn_js" >"$TOOLS_DIR/bin/yarn"
  chmod +x "$TOOLS_DIR/bin/yarn"
  export PATH="$TOOLS_DIR/bin:$PATH"

  local registry cafile
  # From the repository root: inside a workspace folder npm refuses `config get`.
  registry="$(cd "$REPO_ROOT" && npm config get registry)"
  export YARN_NPM_REGISTRY_SERVER="${registry%/}"
  cafile="$(cd "$REPO_ROOT" && npm config get cafile)"
  if [ -n "$cafile" ] && [ "$cafile" != "null" ] && [ "$cafile" != "undefined" ]; then
    export YARN_HTTPS_CA_FILE_PATH="$cafile"
  fi
  export YARN_ENABLE_TELEMETRY=0
}

dependency_fingerprint() {
  (cd "$REPO_ROOT" && cat yarn.lock .yarnrc.yml package.json packages/*/package.json plugins/*/package.json 2>/dev/null;
    node -v) | sha256sum | cut -d' ' -f1
}

ensure_dependencies() {
  local stamp="$REPO_ROOT/node_modules/.finops-itam-install-stamp" wanted
  wanted="$(dependency_fingerprint)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ]; then
    return 0
  fi
  log "installing dependencies with Yarn (the first time takes several minutes)"
  local flags=()
  [ -n "${CI:-}" ] && flags+=(--immutable)
  (cd "$REPO_ROOT" && yarn install "${flags[@]}") >&2
  dependency_fingerprint >"$stamp"
}

ensure_node && ensure_yarn && ensure_dependencies
