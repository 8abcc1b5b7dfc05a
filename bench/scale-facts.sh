#!/usr/bin/env bash
# How KPI query latency grows with history. Copies every fact of the gateway's active projection
# (FACTOR - 1) times as facts about new records, runs bench/kpi-queries.sh, and deletes the copies
# again (also on Ctrl-C). The gateway notices both changes by itself (its fact cache re-reads).
# Needs the local stack (make run, demo loaded) and psql (Debian: apt-get install postgresql-client).
# Usage: bench/scale-facts.sh [factor, default 10] [requests per endpoint, default 10]
set -euo pipefail
FACTOR=${1:-10}
N=${2:-10}
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "${CITYKPI_RUN_PG_PORT:-15432}" -U postgres -d gateway)
MARK='#bench-copy-'

remove_copies() {
  "${PSQL[@]}" -c "delete from fact where subject like '%${MARK}%'"
  echo "bench copies removed"
}
trap remove_copies EXIT

"${PSQL[@]}" <<SQL
insert into fact (generation, event_id, event_type, source, subject, org_unit, effective_date, recorded_at, data)
select f.generation, gen_random_uuid(), f.event_type, f.source, f.subject || '${MARK}' || n, f.org_unit,
       f.effective_date, f.recorded_at, f.data
from fact f cross join generate_series(1, ${FACTOR} - 1) n
where f.generation = (select generation from projection_generation where state = 'ACTIVE')
  and f.subject not like '%${MARK}%';
analyze fact;
SQL
echo "active projection now holds $("${PSQL[@]}" -At -c "select count(*) from fact f join projection_generation g
  on g.generation = f.generation and g.state = 'ACTIVE'") facts (${FACTOR}x the demo)"
"$(dirname "$0")/kpi-queries.sh" "$N"
