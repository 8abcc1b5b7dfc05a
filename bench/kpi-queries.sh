#!/usr/bin/env bash
# Latency of the gateway's KPI queries against a running stack (make run, with the demo loaded).
# Prints, per endpoint, the median, the 95th percentile and the slowest (ms), for repeated requests and
# for requests nobody asked before.
# Usage: bench/kpi-queries.sh [requests per endpoint, default 30] [gateway, default http://127.0.0.1:8080]
set -euo pipefail
N=${1:-30}
GW=${2:-http://127.0.0.1:8080}
ENDPOINTS=(
  "/api/v1/kpis?year=2025&orgUnit=220400"
  "/api/v1/kpis?period=2025Q2&orgUnit=220471&asOf=2025-06-30"
  "/api/v1/kpis?year=2025&knownAt=2026-12-31T00:00:00%2B08:00"
  "/api/v1/kpis/projects.investment-completed?year=2025"
  "/api/v1/kpis/livelihood.hotline-satisfaction-rate/explain?year=2025&orgUnit=220400"
  "/api/v1/rankings/safety.hazards-overdue?year=2025"
  "/api/v1/scorecards/220421?year=2025"
  "/api/v1/alerts?year=2025"
  "/api/v1/reporting-status?year=2025"
)
curl -fsS -o /dev/null "$GW/q/health/ready" || { echo "the gateway at $GW is not ready (make run first)" >&2; exit 1; }
facts=$(curl -fsS "$GW/api/v1/admin/projection" | sed -n 's/.*"state":"ACTIVE"[^}]*"eventsApplied":\([0-9]*\).*/\1/p')
echo "gateway $GW, active projection built from ${facts:-?} events, $N requests per endpoint (after 3 warm-up requests)"
echo "repeated: the same request again (answered from remembered results while no event arrives);"
echo "first:    every request a question not asked before (a distinct knownAt), as after each new event"

# Prints p50, p95 and max in ms of the request times read from stdin.
percentiles() {
  sort -n | awk -v n="$N" '{t[NR]=$1*1000} END {printf "%8.0f %8.0f %8.0f", t[int((n+1)/2)], t[int(n*0.95+0.5)], t[NR]}'
}

# The path with knownAt set to a moment no other request used (far ahead: every fact is known by then).
first_time() {
  local moment
  moment="2100-01-01T00:00:00.$(printf '%06d' "$2")Z"
  if [[ $1 == *knownAt=* ]]; then echo "${1%%knownAt=*}knownAt=$moment"; else echo "$1&knownAt=$moment"; fi
}

printf '%-80s %8s %8s %8s   %8s %8s %8s\n' endpoint p50_ms p95_ms max_ms first_p50 first_p95 first_max
for path in "${ENDPOINTS[@]}"; do
  for _ in 1 2 3; do curl -fsS -o /dev/null "$GW$path"; done
  repeated=$(for _ in $(seq 1 "$N"); do curl -fsS -o /dev/null -w '%{time_total}\n' "$GW$path"; done | percentiles)
  first=$(for i in $(seq 1 "$N"); do
    curl -fsS -o /dev/null -w '%{time_total}\n' "$GW$(first_time "$path" "$((RANDOM * 100 + i))")"
  done | percentiles)
  printf '%-80s %s   %s\n' "$path" "$repeated" "$first"
done
