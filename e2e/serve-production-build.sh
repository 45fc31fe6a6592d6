#!/usr/bin/env bash
# Builds the frontend for production (unless already built from the current
# sources) and starts the backend, which serves it. Used by playwright.config.ts.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib/toolchain.sh"
ensure_node
cd "$PORTAL_ROOT"
yarn_run workspace app build >&2
cd packages/backend
exec backstage-cli package start \
  --config ../../app-config.yaml --config ../../e2e/app-config.e2e.yaml
