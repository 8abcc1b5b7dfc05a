#!/usr/bin/env bash
# The benchmark harness in one command: starts its own stack (scripts/local-stack.sh with its own data
# directory and ports, beside any `make run`), writes a city's history onto the topics, measures the
# gateway against baselines taken in the same run, prints "figure | value | baseline | ratio | goal"
# and writes bench/results/<date>-<size>.md with the machine it ran on. See bench/README.md.
#
#   bench/run.sh [--facts 50k] [--seed 1] [--years 5] [--skip-generate] [--keep-running] [--no-stack]
#                [--steps generate,consume,ingest,targets,reads,freshness,rebuild] [--label TEXT] [--stop]
#                [--read-seconds 10] [--freshness-seconds 20] [--rates 50,500] [any option of BenchMain]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

FACTS=50k
STEPS=generate,consume,ingest,targets,reads,freshness,rebuild
GENERATE=true
KEEP=false
STACK=true
STOP_ONLY=false
LABEL=""
PASS=()
ORIGINAL_ARGS=("$@")
while (($#)); do
  case "$1" in
    --facts) FACTS=$2; shift 2 ;;
    --facts=*) FACTS=${1#*=}; shift ;;
    --steps) STEPS=$2; shift 2 ;;
    --steps=*) STEPS=${1#*=}; shift ;;
    --skip-generate) GENERATE=false; shift ;;
    --keep-running) KEEP=true; shift ;;
    --no-stack) STACK=false; KEEP=true; shift ;;
    --stop) STOP_ONLY=true; shift ;;
    --label) LABEL=$2; shift 2 ;;
    --label=*) LABEL=${1#*=}; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    --*=*) PASS+=("$1"); shift ;;
    --*) if [[ $# -gt 1 && $2 != --* ]]; then PASS+=("$1=$2"); shift 2; else PASS+=("$1"); shift; fi ;;
    *) echo "unexpected argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ $GENERATE == false ]] && STEPS=$(echo ",$STEPS," | sed 's/,generate,/,/; s/,consume,/,/; s/,targets,/,/; s/^,//; s/,$//')

# The bench stack: its own data and ports unless told otherwise (CITYKPI_RUN_* as scripts/local-stack.sh reads them).
export CITYKPI_RUN_DIR=${CITYKPI_RUN_DIR:-$ROOT/.run-bench}
export CITYKPI_RUN_PG_PORT=${CITYKPI_RUN_PG_PORT:-25432}
export CITYKPI_RUN_KAFKA_PORT=${CITYKPI_RUN_KAFKA_PORT:-29092}
export CITYKPI_RUN_CONTROLLER_PORT=${CITYKPI_RUN_CONTROLLER_PORT:-29093}
export CITYKPI_RUN_GATEWAY_PORT=${CITYKPI_RUN_GATEWAY_PORT:-28080}
export CITYKPI_RUN_PROJECTS_PORT=${CITYKPI_RUN_PROJECTS_PORT:-28081}
export CITYKPI_RUN_INVESTMENT_PORT=${CITYKPI_RUN_INVESTMENT_PORT:-28082}
export CITYKPI_RUN_LIVELIHOOD_PORT=${CITYKPI_RUN_LIVELIHOOD_PORT:-28083}
export CITYKPI_RUN_SAFETY_INSPECTION_PORT=${CITYKPI_RUN_SAFETY_INSPECTION_PORT:-28084}
export CITYKPI_RUN_KEYCLOAK_PORT=${CITYKPI_RUN_KEYCLOAK_PORT:-28180}
export CITYKPI_RUN_KEYCLOAK_MANAGEMENT_PORT=${CITYKPI_RUN_KEYCLOAK_MANAGEMENT_PORT:-29000}
export CITYKPI_DEMO=false
STACK_SCRIPT=scripts/local-stack.sh
if [[ $STOP_ONLY == true ]]; then exec "$STACK_SCRIPT" stop; fi

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { log "ERROR: $*" >&2; exit 1; }
has_step() { [[ ",$STEPS," == *",$1,"* ]]; }

# --- what the steps need ------------------------------------------------------------------------------
if [[ ! -f bench/target/bench.classpath || -n "$(find bench/src bench/pom.xml services/shared/src -newer bench/target/bench.classpath -type f -print -quit 2>/dev/null)" ]]; then
  log "Building the harness (mvn package -pl bench -am, tests skipped)..."
  mvn -B -q -DskipTests package -pl bench -am >/tmp/citykpi-bench-build.log 2>&1 \
    || { tail -30 /tmp/citykpi-bench-build.log; die "build failed"; }
fi
if has_step reads && ! command -v wrk >/dev/null; then
  log "Installing wrk (Debian)..."
  { apt-get -o DPkg::Lock::Timeout=300 install -y --no-install-recommends wrk >/dev/null 2>&1 \
    || { apt-get -o DPkg::Lock::Timeout=300 update -qq && apt-get -o DPkg::Lock::Timeout=300 install -y --no-install-recommends wrk >/dev/null; }; } \
    || die "wrk is needed for the reads (apt-get install wrk)"
fi
CP="$(ls bench/target/citykpi-bench-*.jar | grep -v sources | head -1):$(cat bench/target/bench.classpath)"
FIGURES="$CITYKPI_RUN_DIR/figures-$(date +%Y%m%dT%H%M%S).json"
mkdir -p "$CITYKPI_RUN_DIR"
GW="http://127.0.0.1:$CITYKPI_RUN_GATEWAY_PORT"
COMMON=(--figures="$FIGURES" --gateway="$GW"
  --projects="http://127.0.0.1:$CITYKPI_RUN_PROJECTS_PORT" --investment="http://127.0.0.1:$CITYKPI_RUN_INVESTMENT_PORT"
  --livelihood="http://127.0.0.1:$CITYKPI_RUN_LIVELIHOOD_PORT" --safety-inspection="http://127.0.0.1:$CITYKPI_RUN_SAFETY_INSPECTION_PORT"
  --kafka="127.0.0.1:$CITYKPI_RUN_KAFKA_PORT" --gateway-pid-file="$CITYKPI_RUN_DIR/pids/gateway.pid"
  --pg-url="jdbc:postgresql://127.0.0.1:$CITYKPI_RUN_PG_PORT/gateway"
  --token-url="http://localhost:$CITYKPI_RUN_KEYCLOAK_PORT/realms/citykpi/protocol/openid-connect/token"
  --kafka-classpath-file="$ROOT/services/kafka-broker/target/kafka-broker.classpath"
  --facts="$FACTS")
# The event contract comes with Quarkus's logging on the classpath: tell the JDK to use it.
JAVA=(java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$CP")
bench() { local step=$1; shift; "${JAVA[@]}" -Xmx1g io.citykpi.bench.BenchMain "$step" "${COMMON[@]}" "${PASS[@]}" "$@"; }
stack() { "$STACK_SCRIPT" "$@"; }

STARTED_STACK=false
finish() {
  if [[ $STARTED_STACK == true && $KEEP == false ]]; then
    stack stop >/dev/null || true
    log "Bench stack stopped (bench/run.sh --keep-running keeps it; data in ${CITYKPI_RUN_DIR#"$ROOT/"})"
  fi
}
trap finish EXIT

# --- the stack ----------------------------------------------------------------------------------------
if [[ $STACK == true ]]; then
  if [[ $GENERATE == true ]]; then
    stack stop >/dev/null
    log "Starting a fresh bench stack (data in ${CITYKPI_RUN_DIR#"$ROOT/"}, gateway on :$CITYKPI_RUN_GATEWAY_PORT)"
    rm -rf "$CITYKPI_RUN_DIR/postgres" "$CITYKPI_RUN_DIR/kafka"
  fi
  STARTED_STACK=true
  stack start | grep -v '^  ' || die "the bench stack did not start (logs in ${CITYKPI_RUN_DIR#"$ROOT/"}/logs)"
fi

# The stack's generated passwords (scripts/local-stack.sh keeps them in $CITYKPI_RUN_DIR/secrets): Kafka's
# admin writes the history and reads the topics, the demo loader's client (city-admin) calls the APIs,
# the gateway's role reads its database.
SECRETS="$CITYKPI_RUN_DIR/secrets"
if [[ -f "$SECRETS/kafka-admin" ]]; then
  KAFKA_CONFIG="$CITYKPI_RUN_DIR/bench-kafka.properties"
  umask 077
  cat >"$KAFKA_CONFIG" <<PROPS
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$(tr -d '\n' <"$SECRETS/kafka-admin")";
PROPS
  umask 022
  COMMON+=(--kafka-config="$KAFKA_CONFIG"
    --client-secret="$(tr -d '\n' <"$SECRETS/citykpi-demo-loader")"
    --pg-user=gateway --pg-password="$(tr -d '\n' <"$SECRETS/postgres-gateway")")
fi

read -r load1 _ < /proc/loadavg
if awk -v l="$load1" -v c="$(nproc)" 'BEGIN { exit !(l > 1.5 * c) }'; then
  log "WARNING: the machine is busy (load average $load1 on $(nproc) cores): the figures will be noisy; the results file records it"
fi
cut -d' ' -f1-3 /proc/loadavg | {
  read -r load
  "${JAVA[@]}" io.citykpi.bench.BenchMain fact --figures="$FIGURES" --name="load at start" --value="$load"
}
SHOWN_ARGS=() # the command as run, less the label (printed on its own)
for ((i = 0; i < ${#ORIGINAL_ARGS[@]}; i++)); do
  case "${ORIGINAL_ARGS[$i]}" in
    --label) i=$((i + 1)) ;;
    --label=*) ;;
    *) SHOWN_ARGS+=("${ORIGINAL_ARGS[$i]}") ;;
  esac
done
"${JAVA[@]}" io.citykpi.bench.BenchMain fact --figures="$FIGURES" --name="command" --value="bench/run.sh ${SHOWN_ARGS[*]}"

# A run on the history an earlier run generated describes it as that run did.
if [[ $GENERATE == false ]]; then
  earlier=$(ls -t "$CITYKPI_RUN_DIR"/figures-*.json 2>/dev/null | grep -vx "$FIGURES" | head -1 || true)
  [[ -n $earlier ]] && "${JAVA[@]}" io.citykpi.bench.BenchMain carry --figures="$FIGURES" --from="$earlier"
fi

# --- the steps ----------------------------------------------------------------------------------------
if has_step generate; then
  # The gateway is stopped while the history is written, so that catching up is measured on its own.
  [[ $STACK == true ]] && stack stop-service gateway
  bench generate
fi
has_step consume && bench consume
if has_step ingest; then
  if [[ $STACK == true ]] && ! [[ -f "$CITYKPI_RUN_DIR/pids/gateway.pid" ]] ; then
    started_at=$(date +%s%3N)
    stack start-service gateway >"$CITYKPI_RUN_DIR/logs/gateway-start.out" 2>&1 &
    starter=$!
    bench ingest --started-at="$started_at"
    wait "$starter" || die "the gateway did not start, see ${CITYKPI_RUN_DIR#"$ROOT/"}/logs/gateway.log"
  else
    bench ingest
  fi
fi
has_step targets && bench targets --targets-file=demo/data/liaoyuan-2025/targets.json
has_step reads && bench reads
has_step freshness && bench freshness
has_step rebuild && bench rebuild
bench report --label="$LABEL" --code-version="$(git describe --always --dirty 2>/dev/null || echo unknown) on $(git rev-parse --abbrev-ref HEAD 2>/dev/null || echo '?')"
