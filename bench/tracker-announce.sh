#!/usr/bin/env bash
# The tracker's announce benchmark: Tusk on PostgreSQL (keep-alive, then with Connection: close
# as opentracker answers every request), Tusk on Redis and opentracker side by side, the same
# wrk load against each in one run: 1000 swarms, random peer ids and ports, half
# seeders, compact=1&numwant=50. Prints requests/s, p50 and p99 for each and the ratios, and
# under each the CPU its programs used during the run (bench/cpu-share.sh).
# Usage: bench/tracker-announce.sh [seconds per run, default 20] [connections, default 32]
# Run through `bin/tusk bench tracker`, which installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-20}
connections=${2:-32}
out=bench/out
mkdir -p "$out"
hashes=$out/hashes.txt
# shellcheck source=bench/tracker-lib.sh
. bench/tracker-lib.sh

# --- the swarms ---
write_swarm_hashes

require_free_port
trap cleanup EXIT
start_opentracker

printf '\n%-18s %12s %10s %10s\n' "tracker" "requests/s" "p50" "p99"
fresh_bench_database tusk_bench
start_tusk postgres tusk_bench
run tusk-postgres http://127.0.0.1:8080
run tusk-pg-close http://127.0.0.1:8080 -H 'Connection: close'
stop_tusk
fresh_bench_database tusk_bench
redis-cli -p "${TUSK_REDIS_PORT:-6379}" flushdb >/dev/null
start_tusk redis tusk_bench
run tusk-redis http://127.0.0.1:8080
stop_tusk
run opentracker "http://127.0.0.1:$OT_PORT"
printf '\nTusk on PostgreSQL/opentracker: %sx (with Connection: close as opentracker: %sx), Tusk on Redis/opentracker: %sx announces per second\n' \
    "$(ratio tusk-postgres opentracker)" "$(ratio tusk-pg-close opentracker)" "$(ratio tusk-redis opentracker)"
printf '(%d connections, %d s each, %d cores)\n' "$connections" "$duration" "$(nproc)"
