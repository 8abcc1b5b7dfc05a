#!/usr/bin/env bash
# The cockpit's first screen with the Liaoyuan demo: starts its own stack with the demo (scripts/local-stack.sh,
# own data directory and ports, beside any `make run`), runs bench/cockpit/first-screen.mjs (Chromium driven by
# playwright-core, as in the browser test) and writes bench/results/<date>-cockpit-first-screen.md.
#
#   bench/cockpit.sh [--runs 20] [--label TEXT] [--keep-running] [--no-stack GATEWAY_URL TOKEN_URL] [--stop]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RUNS=20
LABEL=""
KEEP=false
STACK=true
while (($#)); do
  case "$1" in
    --runs) RUNS=$2; shift 2 ;;
    --label) LABEL=$2; shift 2 ;;
    --keep-running) KEEP=true; shift ;;
    --no-stack) STACK=false; GATEWAY_URL=$2; TOKEN_URL=$3; shift 3 ;;
    --stop) STOP_ONLY=true; shift ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
    *) echo "unexpected argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

export CITYKPI_RUN_DIR=${CITYKPI_RUN_DIR:-$ROOT/.run-bench-cockpit}
export CITYKPI_RUN_PG_PORT=${CITYKPI_RUN_PG_PORT:-27432}
export CITYKPI_RUN_KAFKA_PORT=${CITYKPI_RUN_KAFKA_PORT:-27092}
export CITYKPI_RUN_CONTROLLER_PORT=${CITYKPI_RUN_CONTROLLER_PORT:-27093}
export CITYKPI_RUN_GATEWAY_PORT=${CITYKPI_RUN_GATEWAY_PORT:-27080}
export CITYKPI_RUN_PROJECTS_PORT=${CITYKPI_RUN_PROJECTS_PORT:-27081}
export CITYKPI_RUN_INVESTMENT_PORT=${CITYKPI_RUN_INVESTMENT_PORT:-27082}
export CITYKPI_RUN_LIVELIHOOD_PORT=${CITYKPI_RUN_LIVELIHOOD_PORT:-27083}
export CITYKPI_RUN_SAFETY_INSPECTION_PORT=${CITYKPI_RUN_SAFETY_INSPECTION_PORT:-27084}
export CITYKPI_RUN_KEYCLOAK_PORT=${CITYKPI_RUN_KEYCLOAK_PORT:-27180}
export CITYKPI_RUN_KEYCLOAK_MANAGEMENT_PORT=${CITYKPI_RUN_KEYCLOAK_MANAGEMENT_PORT:-27190}
export CITYKPI_DEMO=true
if [[ ${STOP_ONLY:-false} == true ]]; then exec scripts/local-stack.sh stop; fi

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*"; }
[[ -x ${CHROMIUM:-/usr/bin/chromium} ]] || { log "installing Debian's chromium and CJK fonts"; \
  apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends chromium fonts-noto-cjk; }
[[ -d cockpit/node_modules/playwright-core ]] || (cd cockpit && npm ci --no-audit --no-fund --loglevel=error)

if [[ $STACK == true ]]; then
  # A fresh stack: the demo loads once, from empty data.
  scripts/local-stack.sh stop >/dev/null 2>&1 || true
  rm -rf "$CITYKPI_RUN_DIR/postgres" "$CITYKPI_RUN_DIR/kafka" "$CITYKPI_RUN_DIR/keycloak" "$CITYKPI_RUN_DIR/demo.loaded"
  log "starting the stack with the demo in ${CITYKPI_RUN_DIR#"$ROOT/"} (gateway :$CITYKPI_RUN_GATEWAY_PORT)"
  scripts/local-stack.sh start >/dev/null
  GATEWAY_URL="http://localhost:$CITYKPI_RUN_GATEWAY_PORT"
  TOKEN_URL="http://localhost:$CITYKPI_RUN_KEYCLOAK_PORT/realms/citykpi/protocol/openid-connect/token"
  [[ $KEEP == true ]] || trap 'log "stopping the stack"; scripts/local-stack.sh stop >/dev/null' EXIT
fi

mkdir -p bench/results
RESULTS="bench/results/$(date +%Y-%m-%d)-cockpit-first-screen.md"
log "measuring (runs: $RUNS)"
GATEWAY_URL=$GATEWAY_URL TOKEN_URL=$TOKEN_URL RUNS=$RUNS LABEL=$LABEL RESULTS=$RESULTS \
  node bench/cockpit/first-screen.mjs
