#!/usr/bin/env bash
# Starts and stops what `make run` runs: PostgreSQL + Kafka (one JVM, citykpi.testkit.LocalInfrastructure)
# and the packaged services, each in its own process group, with pid files, logs and data under .run/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RUN="$ROOT/.run"
PIDS="$RUN/pids"
LOGS="$RUN/logs"

PG_PORT=${CITYKPI_RUN_PG_PORT:-15432}
KAFKA_PORT=${CITYKPI_RUN_KAFKA_PORT:-19092}
CONTROLLER_PORT=${CITYKPI_RUN_CONTROLLER_PORT:-19093}
# name:port, in start order; the gateway last so it finds the topics the services created
SERVICES=(projects:8081 investment:8082 livelihood:8083 safety-inspection:8084 gateway:8080)
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

  for entry in "${SERVICES[@]}"; do
    local name=${entry%%:*} port=${entry##*:}
    log "Starting $name on :$port"
    start_process "$name" "$LOGS/$name.log" env \
      QUARKUS_HTTP_PORT="$port" \
      QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/${name//-/_}" \
      CITYKPI_KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" \
      java -Xmx256m -jar "services/$name/target/quarkus-app/quarkus-run.jar"
  done
  for entry in "${SERVICES[@]}"; do
    local name=${entry%%:*} port=${entry##*:}
    wait_for "$name" "curl -fsS -o /dev/null http://127.0.0.1:$port/q/health/ready 2>/dev/null" 120
  done

  # The demo goes in once, on a fresh start; `make demo` starts again from empty data to reload it.
  if [[ ! -f "$RUN/demo.loaded" && "${CITYKPI_DEMO:-true}" == "true" ]]; then
    load_demo
  fi

  cat <<MSG

CityKPI is running (logs: .run/logs, stop: make stop)
  gateway            http://127.0.0.1:8080   KPIs: /api/v1/kpis?year=2025, /api/v1/alerts?year=2025, /api/v1/reporting-status?year=2025   Swagger UI: /q/swagger-ui
  projects           http://127.0.0.1:8081   /api/v1/projects                     Swagger UI: /q/swagger-ui
  investment         http://127.0.0.1:8082   /api/v1/deals, /api/v1/fixed-asset-investment
  livelihood         http://127.0.0.1:8083   /api/v1/programmes, /api/v1/assistance, /api/v1/employment, /api/v1/hotline-cases
  safety-inspection  http://127.0.0.1:8084   /api/v1/inspections, /api/v1/hazards
  every service      /q/openapi  /q/health/live  /q/health/ready  /q/metrics
  Kafka              127.0.0.1:$KAFKA_PORT   topics citykpi.{projects,investment,livelihood,safety-inspection,gateway}.v1, citykpi.gateway.dead-letter.v1
  PostgreSQL         127.0.0.1:$PG_PORT      user postgres, databases ${DATABASES//,/, }
MSG
}

load_demo() {
  log "Loading the Liaoyuan 2025 demo through the services' APIs (targets from the source document, a synthetic year)..."
  local cp
  cp="$(ls demo/target/citykpi-demo-*.jar | head -1):$(cat demo/target/demo.classpath)"
  if java -Xmx256m -cp "$cp" io.citykpi.demo.DemoLoader --data=demo/data/liaoyuan-2025 >"$LOGS/demo.log" 2>&1; then
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
  *) echo "usage: $0 start|stop|status|demo" >&2; exit 2 ;;
esac
