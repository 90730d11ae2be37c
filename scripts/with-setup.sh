#!/usr/bin/env bash
# Runs a command with the project's Node.js and Yarn on the PATH (setting them up first when
# needed), e.g. `bash scripts/with-setup.sh yarn bench:ingest`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh
exec "$@"
