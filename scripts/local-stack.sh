#!/usr/bin/env bash
# Starts and stops what `make run` runs: PostgreSQL + Kafka (one JVM, citykpi.testkit.LocalInfrastructure)
# and the packaged services, each in its own process group, with pid files, logs and data under .run/.
# Another stack can run beside it with its own directory and ports (bench/run.sh does):
#   CITYKPI_RUN_DIR (.run), CITYKPI_RUN_PG_PORT (15432), CITYKPI_RUN_KAFKA_PORT (19092),
#   CITYKPI_RUN_CONTROLLER_PORT (19093), CITYKPI_RUN_<SERVICE>_PORT (GATEWAY 8080, PROJECTS 8081,
#   INVESTMENT 8082, LIVELIHOOD 8083, SAFETY_INSPECTION 8084), CITYKPI_RUN_JAVA_OPTS (-Xmx256m, every
#   service) and CITYKPI_RUN_<SERVICE>_JAVA_OPTS (one service).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RUN=$(mkdir -p "${CITYKPI_RUN_DIR:-$ROOT/.run}" && cd "${CITYKPI_RUN_DIR:-$ROOT/.run}" && pwd)
PIDS="$RUN/pids"
LOGS="$RUN/logs"

PG_PORT=${CITYKPI_RUN_PG_PORT:-15432}
KAFKA_PORT=${CITYKPI_RUN_KAFKA_PORT:-19092}
CONTROLLER_PORT=${CITYKPI_RUN_CONTROLLER_PORT:-19093}
# name:port, in start order; the gateway last so it finds the topics the services created
SERVICES=(projects:${CITYKPI_RUN_PROJECTS_PORT:-8081} investment:${CITYKPI_RUN_INVESTMENT_PORT:-8082}
  livelihood:${CITYKPI_RUN_LIVELIHOOD_PORT:-8083} safety-inspection:${CITYKPI_RUN_SAFETY_INSPECTION_PORT:-8084}
  gateway:${CITYKPI_RUN_GATEWAY_PORT:-8080})
DATABASES=projects,investment,livelihood,safety_inspection,gateway

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { log "ERROR: $*" >&2; exit 1; }

alive() { [[ -f "$PIDS/$1.pid" ]] && kill -0 "$(cat "$PIDS/$1.pid")" 2>/dev/null; }
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

needs_build() {
  local stamp="$RUN/build.stamp"
  [[ -f "$stamp" ]] || return 0
  [[ -f services/testkit/target/testkit.classpath ]] || return 0
  [[ -f demo/target/demo.classpath ]] || return 0
  for entry in "${SERVICES[@]}"; do
    [[ -f "services/${entry%%:*}/target/quarkus-app/quarkus-run.jar" ]] || return 0
  done
  [[ -z "$(find pom.xml services -newer "$stamp" -type f \( -path '*/src/*' -o -name pom.xml \) -print -quit)" ]] && return 1
  return 0
}

build() {
  if needs_build; then
    log "Building (mvn package, tests skipped: run them with make test)..."
    mvn -B -q -DskipTests package >"$LOGS/build.log" 2>&1 || { tail -40 "$LOGS/build.log"; die "build failed, see $LOGS/build.log"; }
    touch "$RUN/build.stamp"
  fi
}

# start NAME LOGFILE COMMAND...: own session (setsid) so that stop can also reach its children
start_process() {
  local name=$1 logfile=$2; shift 2
  setsid nohup "$@" >>"$logfile" 2>&1 < /dev/null &
  echo $! >"$PIDS/$name.pid"
}

wait_for() { # name, test command, timeout seconds
  local name=$1 check=$2 timeout=$3 waited=0
  until eval "$check"; do
    alive "$name" || { tail -30 "$LOGS/$name.log" >&2; die "$name exited during start-up, see $LOGS/$name.log"; }
    (( waited++ >= timeout * 5 )) && { tail -30 "$LOGS/$name.log" >&2; die "$name not ready after ${timeout}s"; }
    sleep 0.2
  done
}

port_of() { # service name -> its port
  local entry
  for entry in "${SERVICES[@]}"; do [[ ${entry%%:*} == "$1" ]] && { echo "${entry##*:}"; return 0; }; done
  die "no service named $1 (one of: ${SERVICES[*]%%:*})"
}

# The JVM options of a service: CITYKPI_RUN_<NAME>_JAVA_OPTS, else CITYKPI_RUN_JAVA_OPTS, else a 256 MB heap.
java_opts() {
  local var="CITYKPI_RUN_$(echo "${1//-/_}" | tr '[:lower:]' '[:upper:]')_JAVA_OPTS"
  echo "${!var:-${CITYKPI_RUN_JAVA_OPTS:--Xmx256m}}"
}

launch_service() { # name:port
  local name=${1%%:*} port=${1##*:} extra=()
  # Explanations link to the owning services wherever this stack put them.
  [[ $name == gateway ]] && extra=(
    "-Dcitykpi.kpi.source-urls.projects=http://127.0.0.1:$(port_of projects)"
    "-Dcitykpi.kpi.source-urls.investment=http://127.0.0.1:$(port_of investment)"
    "-Dcitykpi.kpi.source-urls.livelihood=http://127.0.0.1:$(port_of livelihood)"
    "-Dcitykpi.kpi.source-urls.safety-inspection=http://127.0.0.1:$(port_of safety-inspection)")
  log "Starting $name on :$port"
  # shellcheck disable=SC2046 # the JVM options are words on purpose
  start_process "$name" "$LOGS/$name.log" env \
    QUARKUS_HTTP_PORT="$port" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/${name//-/_}" \
    CITYKPI_KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" \
    java $(java_opts "$name") "${extra[@]}" -jar "services/$name/target/quarkus-app/quarkus-run.jar"
}

wait_until_ready() { # name:port
  local name=${1%%:*} port=${1##*:}
  wait_for "$name" "curl -fsS -o /dev/null http://127.0.0.1:$port/q/health/ready 2>/dev/null" 120
}

# One service again (after stop-service), while the rest of the stack runs.
start_service() {
  local name=$1 port
  port=$(port_of "$name")
  alive infra || die "the stack is not running (start it first)"
  alive "$name" && { log "$name is already running (pid $(cat "$PIDS/$name.pid"))"; return 0; }
  port_busy "$port" && die "port $port is in use"
  launch_service "$name:$port"
  wait_until_ready "$name:$port"
}

start() {
  mkdir -p "$PIDS" "$LOGS"
  if alive infra; then
    log "Already running (make stop first to restart)."
    status
    return 0
  fi
  for port in $PG_PORT $KAFKA_PORT $CONTROLLER_PORT "${SERVICES[@]##*:}"; do
    port_busy "$port" && die "port $port is in use: stop whatever holds it, or set CITYKPI_RUN_*_PORT"
  done
  build

  log "Starting PostgreSQL (:$PG_PORT) and Kafka (:$KAFKA_PORT), data in $RUN"
  rm -f "$RUN/infra.ready"
  local cp
  cp="$(ls services/testkit/target/citykpi-testkit-*.jar | head -1):$(cat services/testkit/target/testkit.classpath)"
  start_process infra "$LOGS/infra.log" java -Xmx256m \
    -Dtestkit.kafka.classpath.file="$ROOT/services/kafka-broker/target/kafka-broker.classpath" \
    -cp "$cp" io.citykpi.testkit.LocalInfrastructure "$RUN" "$PG_PORT" "$KAFKA_PORT" "$CONTROLLER_PORT" "$DATABASES"
  wait_for infra "[[ -f '$RUN/infra.ready' ]]" 180

  for entry in "${SERVICES[@]}"; do launch_service "$entry"; done
  for entry in "${SERVICES[@]}"; do wait_until_ready "$entry"; done

  # The demo goes in once, on a fresh start; `make demo` starts again from empty data to reload it.
  if [[ ! -f "$RUN/demo.loaded" && "${CITYKPI_DEMO:-true}" == "true" ]]; then
    load_demo
  fi

  cat <<MSG

CityKPI is running (logs: ${LOGS#"$ROOT/"}, stop: $([[ $RUN == "$ROOT/.run" ]] && echo "make stop" || echo "CITYKPI_RUN_DIR=${RUN#"$ROOT/"} scripts/local-stack.sh stop"))
  gateway            http://127.0.0.1:$(port_of gateway)   KPIs: /api/v1/kpis?year=2025, /api/v1/alerts?year=2025, /api/v1/reporting-status?year=2025   Swagger UI: /q/swagger-ui
  projects           http://127.0.0.1:$(port_of projects)   /api/v1/projects                     Swagger UI: /q/swagger-ui
  investment         http://127.0.0.1:$(port_of investment)   /api/v1/deals, /api/v1/fixed-asset-investment
  livelihood         http://127.0.0.1:$(port_of livelihood)   /api/v1/programmes, /api/v1/assistance, /api/v1/employment, /api/v1/hotline-cases
  safety-inspection  http://127.0.0.1:$(port_of safety-inspection)   /api/v1/inspections, /api/v1/hazards
  every service      /q/openapi  /q/health/live  /q/health/ready  /q/metrics
  Kafka              127.0.0.1:$KAFKA_PORT   topics citykpi.{projects,investment,livelihood,safety-inspection,gateway}.v1, citykpi.gateway.dead-letter.v1
  PostgreSQL         127.0.0.1:$PG_PORT      user postgres, databases ${DATABASES//,/, }
MSG
}

load_demo() {
  log "Loading the Liaoyuan 2025 demo through the services' APIs (targets from the source document, a synthetic year)..."
  local cp
  cp="$(ls demo/target/citykpi-demo-*.jar | head -1):$(cat demo/target/demo.classpath)"
  if java -Xmx256m -cp "$cp" io.citykpi.demo.DemoLoader --data=demo/data/liaoyuan-2025 \
      --gateway="http://127.0.0.1:$(port_of gateway)" --projects="http://127.0.0.1:$(port_of projects)" \
      --investment="http://127.0.0.1:$(port_of investment)" --livelihood="http://127.0.0.1:$(port_of livelihood)" \
      --safety-inspection="http://127.0.0.1:$(port_of safety-inspection)" >"$LOGS/demo.log" 2>&1; then
    touch "$RUN/demo.loaded"
    tail -n 40 "$LOGS/demo.log"
  else
    tail -n 20 "$LOGS/demo.log" >&2
    die "loading the demo failed, see $LOGS/demo.log (the services keep running; make demo retries from empty data)"
  fi
}

# Stop, forget the data (PostgreSQL and Kafka under .run/) and start again: the demo loads afresh.
demo() {
  stop
  log "Deleting the local data in $RUN/postgres and $RUN/kafka"
  rm -rf "$RUN/postgres" "$RUN/kafka" "$RUN/demo.loaded"
  start
}

stop_process() {
  local name=$1 pid
  [[ -f "$PIDS/$name.pid" ]] || return 0
  pid=$(cat "$PIDS/$name.pid")
  if kill -0 "$pid" 2>/dev/null; then
    log "Stopping $name (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  fi
  # Anything left in its process group (a stuck child) goes too.
  kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$PIDS/$name.pid"
}

stop() {
  local i
  for (( i=${#SERVICES[@]}-1; i>=0; i-- )); do stop_process "${SERVICES[$i]%%:*}"; done
  stop_process infra
  rm -f "$RUN/infra.ready"
  log "Stopped."
}

status() {
  for name in infra "${SERVICES[@]%%:*}"; do
    if alive "$name"; then echo "  $name: running (pid $(cat "$PIDS/$name.pid"))"; else echo "  $name: stopped"; fi
  done
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  demo) demo ;;
  start-service) start_service "${2:?which service}" ;;
  stop-service) port_of "${2:?which service}" >/dev/null && stop_process "$2" ;;
  *) echo "usage: $0 start|stop|status|demo|start-service NAME|stop-service NAME" >&2; exit 2 ;;
esac
