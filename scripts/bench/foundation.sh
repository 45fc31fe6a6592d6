#!/usr/bin/env bash
# Prints the foundation's baseline figures: backend start-to-ready time on
# SQLite and the size of the frontend bundle the first page loads.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/toolchain.sh"
ensure_node
ensure_node_modules
cd "$PORTAL_ROOT"
log "Building the frontend for production"
yarn_run workspace app build >/dev/null
node scripts/bench/foundation.mjs "$@"
