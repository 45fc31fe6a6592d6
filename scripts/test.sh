#!/usr/bin/env bash
# Runs every test: type-check, lint, unit and integration tests (they start
# their own PostgreSQL, PgBouncer and Redis), and the browser tests (Debian's
# Chromium against the production build). Installs whatever is missing
# first. Exits non-zero on any failure.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/toolchain.sh"

ensure_node
ensure_debian_packages postgresql pgbouncer redis-server chromium mkdocs mkdocs-material
ensure_node_modules

ARTIFACTS="$PORTAL_ROOT/.artifacts"
mkdir -p "$ARTIFACTS"
cd "$PORTAL_ROOT"

declare -a failed_steps=()
step() {
  local name="$1"
  shift
  log "== $name"
  local started=$SECONDS
  if "$@"; then
    log "== $name: passed ($((SECONDS - started)) s)"
  else
    log "== $name: FAILED ($((SECONDS - started)) s)"
    failed_steps+=("$name")
  fi
}

step "type-check" yarn_run tsc
step "lint" yarn_run backstage-cli repo lint
step "lint browser tests" yarn_run lint:e2e
step "format" yarn_run prettier --check .
step "config schema" yarn_run backstage-cli config:check --lax --strict
# Jest across every package; JSON results feed the summary line below.
jest_tests() {
  CI=true yarn_run backstage-cli repo test \
    --json --outputFile="$ARTIFACTS/jest-results.json"
}
browser_tests() {
  # A port that is free now, so a portal you left running does not collide.
  local port
  port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
  E2E_PORT="$port" PLAYWRIGHT_JSON_OUTPUT_NAME="$ARTIFACTS/playwright-results.json" \
    yarn_run playwright test --reporter=list,json
}
step "unit and integration tests" jest_tests
step "browser tests" browser_tests

# One closing line that any CI can read: counts over jest and Playwright.
node -e '
  const fs = require("fs");
  const read = f => { try { return JSON.parse(fs.readFileSync(f, "utf8")); } catch { return undefined; } };
  const jest = read(process.argv[1]);
  const pw = read(process.argv[2]);
  let passed = 0, failed = 0, skipped = 0;
  if (jest) { passed += jest.numPassedTests; failed += jest.numFailedTests; skipped += jest.numPendingTests; }
  if (pw) { passed += pw.stats.expected; failed += pw.stats.unexpected + pw.stats.flaky; skipped += pw.stats.skipped; }
  console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
' "$ARTIFACTS/jest-results.json" "$ARTIFACTS/playwright-results.json"

if [ ${#failed_steps[@]} -gt 0 ]; then
  log "FAILED: ${failed_steps[*]}"
  exit 1
fi
log "All checks passed."
