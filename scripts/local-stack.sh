#!/usr/bin/env bash
# Starts and stops what `make run` runs: PostgreSQL + Kafka (one JVM, io.citykpi.testkit.LocalInfrastructure),
# Keycloak (io.citykpi.testkit.LocalKeycloak) and the packaged services, each in its own process group, with
# pid files, logs, data and generated passwords (.run/secrets, never committed) under .run/.
# Another stack can run beside it with its own directory and ports (bench/run.sh does):
#   CITYKPI_RUN_DIR (.run), CITYKPI_RUN_PG_PORT (15432), CITYKPI_RUN_KAFKA_PORT (19092),
#   CITYKPI_RUN_CONTROLLER_PORT (19093), CITYKPI_RUN_KEYCLOAK_PORT (18180), CITYKPI_RUN_KEYCLOAK_MANAGEMENT_PORT
#   (19000), CITYKPI_RUN_<SERVICE>_PORT (GATEWAY 8080, PROJECTS 8081, INVESTMENT 8082, LIVELIHOOD 8083,
#   SAFETY_INSPECTION 8084; management port = port + 1000), CITYKPI_RUN_JAVA_OPTS (-Xmx256m, every service)
#   and CITYKPI_RUN_<SERVICE>_JAVA_OPTS (one service).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RUN=$(mkdir -p "${CITYKPI_RUN_DIR:-$ROOT/.run}" && cd "${CITYKPI_RUN_DIR:-$ROOT/.run}" && pwd)
PIDS="$RUN/pids"
LOGS="$RUN/logs"

PG_PORT=${CITYKPI_RUN_PG_PORT:-15432}
KAFKA_PORT=${CITYKPI_RUN_KAFKA_PORT:-19092}
CONTROLLER_PORT=${CITYKPI_RUN_CONTROLLER_PORT:-19093}
KEYCLOAK_PORT=${CITYKPI_RUN_KEYCLOAK_PORT:-18180}
KEYCLOAK_MANAGEMENT_PORT=${CITYKPI_RUN_KEYCLOAK_MANAGEMENT_PORT:-19000}
# The issuer is pinned to this hostname: tokens say iss=http://localhost:18180/realms/citykpi however they were fetched.
ISSUER="http://localhost:$KEYCLOAK_PORT/realms/citykpi"
TOKEN_URL="$ISSUER/protocol/openid-connect/token"
SECRETS="$RUN/secrets"
# name:port, in start order; the gateway last so it finds the topics the services created.
# Each service's health and metrics answer on its management port, port + 1000.
SERVICES=(projects:${CITYKPI_RUN_PROJECTS_PORT:-8081} investment:${CITYKPI_RUN_INVESTMENT_PORT:-8082}
  livelihood:${CITYKPI_RUN_LIVELIHOOD_PORT:-8083} safety-inspection:${CITYKPI_RUN_SAFETY_INSPECTION_PORT:-8084}
  gateway:${CITYKPI_RUN_GATEWAY_PORT:-8080})
DATABASES=projects,investment,livelihood,safety_inspection,gateway
MANAGEMENT_OFFSET=1000

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { log "ERROR: $*" >&2; exit 1; }

alive() { [[ -f "$PIDS/$1.pid" ]] && kill -0 "$(cat "$PIDS/$1.pid")" 2>/dev/null; }
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

needs_build() {
  local stamp="$RUN/build.stamp"
  [[ -f "$stamp" ]] || return 0
  [[ -f services/testkit/target/testkit.classpath ]] || return 0
  [[ -f demo/target/demo.classpath ]] || return 0
  [[ -f services/keycloak-server/target/keycloak-dist.path ]] || return 0
  for entry in "${SERVICES[@]}"; do
    [[ -f "services/${entry%%:*}/target/quarkus-app/quarkus-run.jar" ]] || return 0
  done
  [[ -z "$(find pom.xml services demo -newer "$stamp" -type f \( -path '*/src/*' -o -name pom.xml \) -print -quit)" ]] || return 0
  # The cockpit's sources are also its package files, index.html and scripts.
  [[ -z "$(find cockpit -newer "$stamp" -type f -not -path 'cockpit/node_modules/*' -not -path 'cockpit/target/*' \
    -not -name gateway.d.ts -print -quit)" ]] && return 1
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
  local db=${name//-/_}
  log "Starting $name on :$port (health and metrics on :$(( port + MANAGEMENT_OFFSET )))"
  # shellcheck disable=SC2046 # the JVM options are words on purpose
  start_process "$name" "$LOGS/$name.log" env \
    QUARKUS_HTTP_PORT="$port" \
    QUARKUS_MANAGEMENT_PORT="$(( port + MANAGEMENT_OFFSET ))" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$db" \
    QUARKUS_DATASOURCE_USERNAME="$db" \
    QUARKUS_DATASOURCE_PASSWORD="$(secret "postgres-$db")" \
    CITYKPI_KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" \
    CITYKPI_KAFKA_SASL_USERNAME="citykpi-$name" \
    CITYKPI_KAFKA_SASL_PASSWORD="$(secret "kafka-$name")" \
    QUARKUS_OIDC_AUTH_SERVER_URL="$ISSUER" \
    java $(java_opts "$name") "${extra[@]}" -jar "services/$name/target/quarkus-app/quarkus-run.jar"
}

wait_until_ready() { # name:port
  local name=${1%%:*} port=${1##*:}
  wait_for "$name" "curl -fsS -o /dev/null http://127.0.0.1:$(( port + MANAGEMENT_OFFSET ))/q/health/ready 2>/dev/null" 120
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
  if alive infra || alive keycloak; then
    log "Already running (make stop first to restart)."
    status
    return 0
  fi
  local ports=($PG_PORT $KAFKA_PORT $CONTROLLER_PORT $KEYCLOAK_PORT $KEYCLOAK_MANAGEMENT_PORT)
  for entry in "${SERVICES[@]}"; do ports+=("${entry##*:}" "$(( ${entry##*:} + MANAGEMENT_OFFSET ))"); done
  for port in "${ports[@]}"; do
    port_busy "$port" && die "port $port is in use: stop whatever holds it, or set CITYKPI_RUN_*_PORT"
  done
  if [[ -d "$RUN/kafka" && ! -f "$RUN/kafka/secured" ]]; then
    die "the Kafka data under .run/ was made before Kafka required passwords: make demo starts again from empty data"
  fi
  build

  local cp
  cp="$(ls services/testkit/target/citykpi-testkit-*.jar | head -1):$(cat services/testkit/target/testkit.classpath)"
  # Keycloak takes longest (and builds itself once per machine, about a minute): it starts first, beside the rest.
  log "Starting Keycloak (:$KEYCLOAK_PORT, management :$KEYCLOAK_MANAGEMENT_PORT), realm citykpi from deploy/keycloak"
  rm -f "$RUN/keycloak.ready" "$RUN/infra.ready"
  start_process keycloak "$LOGS/keycloak.log" java -Xmx128m \
    -Dtestkit.keycloak.dist.file="$ROOT/services/keycloak-server/target/keycloak-dist.path" \
    -cp "$cp" io.citykpi.testkit.LocalKeycloak "$RUN" "$KEYCLOAK_PORT" "$KEYCLOAK_MANAGEMENT_PORT" \
    "$ROOT/deploy/keycloak/citykpi-realm.json"
  log "Starting PostgreSQL (:$PG_PORT) and Kafka (:$KAFKA_PORT), data in $RUN"
  start_process infra "$LOGS/infra.log" java -Xmx256m \
    -Dtestkit.kafka.classpath.file="$ROOT/services/kafka-broker/target/kafka-broker.classpath" \
    -cp "$cp" io.citykpi.testkit.LocalInfrastructure "$RUN" "$PG_PORT" "$KAFKA_PORT" "$CONTROLLER_PORT" "$DATABASES"
  wait_for infra "[[ -f '$RUN/infra.ready' ]]" 180
  # A busy machine may take minutes for Keycloak's first start.
  wait_for keycloak "[[ -f '$RUN/keycloak.ready' ]]" 300

  for entry in "${SERVICES[@]}"; do launch_service "$entry"; done
  for entry in "${SERVICES[@]}"; do wait_until_ready "$entry"; done

  # The demo goes in once, on a fresh start; `make demo` starts again from empty data to reload it.
  if [[ ! -f "$RUN/demo.loaded" && "${CITYKPI_DEMO:-true}" == "true" ]]; then
    load_demo
  fi

  cat <<MSG

CityKPI is running (logs: ${LOGS#"$ROOT/"}, stop: $([[ $RUN == "$ROOT/.run" ]] && echo "make stop" || echo "CITYKPI_RUN_DIR=${RUN#"$ROOT/"} scripts/local-stack.sh stop")). Every /api/v1 call needs a token from Keycloak.
  gateway            http://localhost:$(port_of gateway)   KPIs: /api/v1/kpis?year=2025, /api/v1/alerts?year=2025, /api/v1/reporting-status?year=2025
  cockpit            http://localhost:$(port_of gateway)/cockpit/   (领导驾驶舱: log in as leader, admin or clerk-220402)
  projects           http://localhost:$(port_of projects)   /api/v1/projects
  investment         http://localhost:$(port_of investment)   /api/v1/deals, /api/v1/fixed-asset-investment
  livelihood         http://localhost:$(port_of livelihood)   /api/v1/programmes, /api/v1/assistance, /api/v1/employment, /api/v1/hotline-cases
  safety-inspection  http://localhost:$(port_of safety-inspection)   /api/v1/inspections, /api/v1/hazards
  every service      /q/openapi, /q/swagger-ui (log in with a user below); health and metrics on port + 1000:
                     http://localhost:$(( $(port_of gateway) + MANAGEMENT_OFFSET ))/q/health/ready, http://localhost:$(( $(port_of gateway) + MANAGEMENT_OFFSET ))/q/metrics (the gateway; each service likewise)
  Keycloak           $ISSUER  (admin console http://localhost:$KEYCLOAK_PORT/admin: kcadmin / ${SECRETS#"$ROOT/"}/keycloak-admin)
                     users admin (city-admin), leader, clerk-220402, clerk-220403, clerk-220421, clerk-220422, clerk-220471
                     (district clerks), password citykpi-demo
  Kafka              127.0.0.1:$KAFKA_PORT   SASL/SCRAM-SHA-512: admin / ${SECRETS#"$ROOT/"}/kafka-admin; each service citykpi-<name> / ${SECRETS#"$ROOT/"}/kafka-<name>
  PostgreSQL         127.0.0.1:$PG_PORT      one role per database (${DATABASES//,/, }), password in ${SECRETS#"$ROOT/"}/postgres-<database>;
                     superuser postgres / ${SECRETS#"$ROOT/"}/postgres-superuser

Get a token and use it (a person: password grant on the cockpit client, development realm only):
  TOKEN=\$(curl -s $TOKEN_URL -d grant_type=password -d client_id=citykpi-cockpit \\
    -d username=clerk-220402 -d password=citykpi-demo | sed -E 's/.*"access_token":"([^"]+)".*/\\1/')
  curl -H "Authorization: Bearer \$TOKEN" "localhost:$(port_of gateway)/api/v1/kpis?year=2025&orgUnit=220402"
Another system (client credentials):
  curl -s $TOKEN_URL -d grant_type=client_credentials -d client_id=citykpi-integration \\
    -d client_secret=\$(cat ${SECRETS#"$ROOT/"}/citykpi-integration)
MSG
}

# A password that LocalInfrastructure or LocalKeycloak generated into .run/secrets.
secret() {
  [[ -f "$SECRETS/$1" ]] || die "missing $SECRETS/$1 (it is written when the infrastructure starts)"
  tr -d '\n' <"$SECRETS/$1"
}

load_demo() {
  log "Loading the Liaoyuan 2025 demo through the services' APIs (targets from the source document, a synthetic year)..."
  local cp
  cp="$(ls demo/target/citykpi-demo-*.jar | head -1):$(cat demo/target/demo.classpath)"
  if CITYKPI_DEMO_CLIENT_SECRET="$(secret citykpi-demo-loader)" java -Xmx256m -cp "$cp" io.citykpi.demo.DemoLoader \
      --data=demo/data/liaoyuan-2025 --token-url="$TOKEN_URL" \
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

# Stop, forget the data (PostgreSQL, Kafka and Keycloak under .run/) and start again: the demo loads afresh.
# The passwords in .run/secrets stay.
demo() {
  stop
  log "Deleting the local data in $RUN/postgres, $RUN/kafka and $RUN/keycloak"
  rm -rf "$RUN/postgres" "$RUN/kafka" "$RUN/keycloak" "$RUN/demo.loaded"
  start
}

stop_process() { # name [grace seconds, 30 by default]
  local name=$1 grace=${2:-30} pid
  [[ -f "$PIDS/$name.pid" ]] || return 0
  pid=$(cat "$PIDS/$name.pid")
  if kill -0 "$pid" 2>/dev/null; then
    log "Stopping $name (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 $(( grace * 5 ))); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  fi
  # Anything left in its process group (a stuck child) goes too.
  kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$PIDS/$name.pid"
}

stop() {
  local i
  for (( i=${#SERVICES[@]}-1; i>=0; i-- )); do stop_process "${SERVICES[$i]%%:*}"; done
  stop_process infra
  # The first stop on a JDK also writes Keycloak's class-data archive (130 MB): give it time.
  stop_process keycloak 120
  rm -f "$RUN/infra.ready" "$RUN/keycloak.ready"
  log "Stopped."
}

status() {
  for name in keycloak infra "${SERVICES[@]%%:*}"; do
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
