#!/usr/bin/env bash
# Latency of the gateway's KPI queries against a running stack (make run, with the demo loaded).
# Prints, per endpoint, how many requests, the median, the 95th percentile and the slowest (ms).
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
printf '%-80s %8s %8s %8s\n' endpoint p50_ms p95_ms max_ms
for path in "${ENDPOINTS[@]}"; do
  for _ in 1 2 3; do curl -fsS -o /dev/null "$GW$path"; done
  times=$(for _ in $(seq 1 "$N"); do curl -fsS -o /dev/null -w '%{time_total}\n' "$GW$path"; done | sort -n)
  p50=$(echo "$times" | awk -v n="$N" 'NR==int((n+1)/2){printf "%.0f", $1*1000}')
  p95=$(echo "$times" | awk -v n="$N" 'NR==int(n*0.95+0.5){printf "%.0f", $1*1000}')
  max=$(echo "$times" | tail -1 | awk '{printf "%.0f", $1*1000}')
  printf '%-80s %8s %8s %8s\n' "$path" "$p50" "$p95" "$max"
done
