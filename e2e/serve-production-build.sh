#!/usr/bin/env bash
# Builds the frontend for production and starts the backend, which serves
# it on one port as a deployed portal does. Used by playwright.config.ts.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib/toolchain.sh"
ensure_node
cd "$PORTAL_ROOT"
mkdir -p "$PORTAL_ROOT/.artifacts"
yarn_run workspace app build >"$PORTAL_ROOT/.artifacts/app-build.log" 2>&1 ||
  { tail -n 50 "$PORTAL_ROOT/.artifacts/app-build.log" >&2; exit 1; }
cd packages/backend
# The backend's sources through Backstage's own TypeScript transform, like
# `backstage-cli package start` but without its file watcher (which would
# restart the server mid-test whenever a file changes).
export NODE_ENV=production
# The test OIDC server of e2e/sign-in.spec.ts listens next to the portal.
export E2E_OIDC_PORT="${E2E_OIDC_PORT:-$((${E2E_PORT:-7017} + 1))}"
exec node --enable-source-maps \
  --require "$(node -p "require.resolve('@backstage/cli-node/config/nodeTransform.cjs')")" \
  src/index.ts --config ../../app-config.yaml --config ../../e2e/app-config.e2e.yaml
