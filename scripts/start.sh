#!/usr/bin/env bash
# Starts the portal on its embedded defaults: SQLite in memory, guest
# sign-in, the bundled example data. Frontend on :3000, backend on :7007.
# Installs whatever is missing first (quick no-op when nothing is).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/toolchain.sh"

FRONTEND_PORT=3000
BACKEND_PORT=7007

ensure_node
# TechDocs builds the runbooks with Debian's mkdocs (PyPI is unreachable).
ensure_debian_packages mkdocs mkdocs-material
ensure_node_modules

port_owner() {
  # Best effort: name the process so the message says what to stop.
  command -v ss >/dev/null && ss -ltnpH "sport = :$1" 2>/dev/null | sed -n 's/.*users:((\("[^"]*"\),pid=\([0-9]*\).*/\1 (pid \2)/p' | head -n1
}
for port in "$FRONTEND_PORT" "$BACKEND_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    owner="$(port_owner "$port")"
    die "port $port is already in use${owner:+ by $owner}; the portal needs :$FRONTEND_PORT (frontend) and :$BACKEND_PORT (backend)." \
      "stop that process${owner:+ ($owner)}, or an earlier portal you started, then run this again."
  fi
done

log "Checking app-config against the plugins' config schemas"
yarn_run backstage-cli config:check --lax --strict >/dev/null ||
  die "app-config is invalid (see the messages above: each names the key and what was expected)." \
    "fix the named keys in app-config.yaml (or app-config.local.yaml) and run this again."

# Extra `--config <file>` arguments are added on top of app-config.yaml (the
# CLI alone would replace it), and resolved from where they were typed (the
# CLI alone resolves them from packages/backend).
args=()
has_config=0
while [ $# -gt 0 ]; do
  case "$1" in
    --config)
      [ $# -ge 2 ] || die "--config needs a file" "give the file after --config, e.g. --config app-config.local.yaml"
      file="$2"
      shift 2
      ;;
    --config=*)
      file="${1#--config=}"
      shift
      ;;
    *)
      args+=("$1")
      shift
      continue
      ;;
  esac
  case "$file" in /*) ;; *) file="$PWD/$file" ;; esac
  [ -f "$file" ] || die "config file $file does not exist" "check the path given to --config"
  has_config=1
  args+=(--config "$file")
done
if [ "$has_config" = 1 ]; then
  args=(--config "$PORTAL_ROOT/app-config.yaml" "${args[@]}")
fi

log "Starting frontend (:$FRONTEND_PORT) and backend (:$BACKEND_PORT); first start compiles for about a minute"
cd "$PORTAL_ROOT"
setsid node "$YARN_RELEASE" start ${args[@]+"${args[@]}"} &
portal_pid=$!
trap 'kill -- -$portal_pid 2>/dev/null || kill $portal_pid 2>/dev/null; wait $portal_pid 2>/dev/null' INT TERM EXIT

ready() {
  curl -fsS -o /dev/null --max-time 2 "http://localhost:$BACKEND_PORT/.backstage/health/v1/readiness" &&
    curl -fsS -o /dev/null --max-time 2 "http://localhost:$FRONTEND_PORT/"
}
for _ in $(seq 1 300); do
  if ! kill -0 "$portal_pid" 2>/dev/null; then
    die "the portal stopped during start-up (see the output above)." "fix the error it names and run this again."
  fi
  if ready; then
    log "Infra Portal is ready: http://localhost:$FRONTEND_PORT (backend http://localhost:$BACKEND_PORT). Sign in as guest. Ctrl-C stops it."
    break
  fi
  sleep 1
done
ready || die "the portal did not become ready within 5 minutes." "see the output above for the slow or failing part."
wait "$portal_pid"
