#!/usr/bin/env bash
# The tracker at MoChi's scale: 10M peers in 500k swarms in mo_peers (filled by SQL, half of them
# last seen an hour ago, so stale), PostgreSQL with Debian's default settings (128 MiB
# shared_buffers). The same wrk announce load as bench/tracker-announce.sh, spread over the 500k
# swarms, against Tusk on PostgreSQL and against opentracker. Then the same load while a GC run
# removes the 5M stale peers. Prints requests/s, p50, p99, CPU shares, the longest statement Tusk
# ran (sampled from pg_stat_activity), the storage gauges against the table, the GC's time and
# the server's resident memory at idle and after the load.
# Usage: bench/tracker-10m.sh [seconds per run, default 20] [connections, default 32]
# Run through `bin/tusk bench tracker-10m` (filling the table takes a few minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-20}
connections=${2:-32}
out=bench/out
mkdir -p "$out"
hashes=$out/hashes-500k.txt
db=tusk_bench10m
# shellcheck source=bench/tracker-lib.sh
. bench/tracker-lib.sh
export JBOSS_JAVA_SIZING="${TUSK_JAVA_SIZING_10M:--Xms5g -Xmx5g} ${TUSK_GC_OPTS:-}"

require_free_port
trap 'cleanup; [ -n "${sampler_pid:-}" ] && kill "$sampler_pid" 2>/dev/null || true' EXIT

psql_bench() { PGPASSWORD=${TUSK_DB_PASSWORD:-tusk} psql -h 127.0.0.1 -U "${TUSK_DB_USER:-tusk}" -d "$db" -qAtX "$@"; }

log "filling mo_peers: 10M peers in 500k swarms (a few minutes)"
fresh_bench_database "$db"
psql_bench <<'SQL'
CREATE TABLE mo_peers (info_hash bytea NOT NULL, peer_id bytea NOT NULL, address inet NOT NULL, port int4 NOT NULL,
    is_seeder bool NOT NULL, is_v6 bool NOT NULL, created timestamp NOT NULL DEFAULT current_timestamp);
INSERT INTO mo_peers
SELECT decode(substr(md5('s' || s) || md5('t' || s), 1, 40), 'hex'),
       decode(substr(md5(s || '-' || p) || md5(p || '-' || s), 1, 40), 'hex'),
       ('10.' || p || '.' || (s / 256 % 256) || '.' || (s % 256))::inet,
       1024 + p, p % 2 = 0, false,
       CASE WHEN p <= 10 THEN now() AT TIME ZONE 'UTC' - interval '1 hour' ELSE now() AT TIME ZONE 'UTC' END
FROM generate_series(1, 500000) s, generate_series(1, 20) p;
ALTER TABLE mo_peers ADD PRIMARY KEY (info_hash, peer_id, address, port);
CREATE INDEX mo_peers_created_idx ON mo_peers (created);
CREATE INDEX mo_peers_announce_idx ON mo_peers (info_hash, is_seeder, is_v6);
VACUUM ANALYZE mo_peers;
SQL
psql_bench -c "COPY (SELECT substr(md5('s' || s) || md5('t' || s), 1, 40) FROM generate_series(1, 500000) s) TO STDOUT" > "$hashes"
log "mo_peers: $(psql_bench -c 'SELECT count(*) FROM mo_peers') rows, $(psql_bench -c "SELECT pg_size_pretty(pg_total_relation_size('mo_peers'))")"

# The longest statement of Tusk's (user tusk, this database) seen active, sampled every 200 ms,
# with the start of its text.
sample_statements() {
    local longest=0 row now
    while true; do
        row=$(psql_bench -F '|' -c "SELECT extract(epoch FROM clock_timestamp() - query_start), left(regexp_replace(query, '\s+', ' ', 'g'), 70)
              FROM pg_stat_activity WHERE datname = '$db' AND state = 'active' AND pid <> pg_backend_pid()
              AND application_name NOT LIKE 'psql%' ORDER BY 1 DESC LIMIT 1" 2>/dev/null || true)
        now=${row%%|*}
        if [ -n "$now" ] && awk -v a="$longest" -v b="$now" 'BEGIN {exit !(b > a)}'; then
            longest=$now
            echo "$row" | sed 's/|/ s: /' > "$out/10m-longest-statement"
        fi
        sleep 0.2
    done
}
rss() { ps -o rss= -p "$(pgrep -f "jboss.home.dir=$PWD/target/wildfly" | head -1)" | awk '{printf "%.0f MiB", $1 / 1024}'; }
metric() { curl -fs http://127.0.0.1:9990/metrics | awk -v n="$1" '$1 ~ "^"n"({|$)" && !seen {print $2; seen = 1}'; }

start_opentracker
printf '\n%-18s %12s %10s %10s\n' "tracker" "requests/s" "p50" "p99"
# No GC timer during the runs: the GC run is started by hand below. Room in memory for every peer.
started=$(date +%s)
start_tusk postgres "$db" TRACKER_GC_INTERVAL=24h TRACKER_CACHE_MAX_PEERS=12000000 ${TUSK_BENCH_ENV:-}
for _ in $(seq 1 600); do grep -q "Swarm cache: .* read from the store\|Swarm cache not filled" "$out/tusk-postgres-server.log" && break; sleep 1; done
log "$(grep -o 'Swarm cache: .*' "$out/tusk-postgres-server.log" | head -1) ($(( $(date +%s) - started )) s after the start)"
idle_rss=$(rss)
sample_statements & sampler_pid=$!
run tusk-postgres-10m http://127.0.0.1:8080
loaded_rss=$(rss)
# The gauges against the table once the store has every announce acknowledged: the writer may be
# behind at the end of the load (what was pending is printed); then one report more.
backlog=$(metric tusk_tracker_write_buffer_pending)
drain_started=$(date +%s)
for _ in $(seq 1 300); do [ "$(metric tusk_tracker_write_buffer_pending)" = "0.0" ] && break; sleep 0.5; done
drained_after=$(( $(date +%s) - drain_started ))
sleep 2
truth=$(psql_bench -F ' ' -c "SELECT count(DISTINCT info_hash), count(*) FILTER (WHERE is_seeder), count(*) FILTER (WHERE NOT is_seeder) FROM mo_peers")
gauges="$(metric mochi_storage_infohashes_count) $(metric mochi_storage_seeders_count) $(metric mochi_storage_leechers_count)"

log "the same load while a GC run removes the 5M stale peers"
admin_password=${TUSK_ADMIN_PASSWORD:-$(cat .tusk/admin-password)}
( sleep 2; curl -fs -u "admin:$admin_password" -X POST http://127.0.0.1:8080/api/admin/tracker/gc > "$out/10m-gc.json" ) &
gc_pid=$!
run tusk-during-gc http://127.0.0.1:8080
wait "$gc_pid" || true
kill "$sampler_pid" 2>/dev/null || true; sampler_pid=""
stop_tusk
run opentracker "http://127.0.0.1:$OT_PORT"

printf '\nTusk on PostgreSQL with 10M peers/opentracker: %sx announces per second; during GC: %sx\n' \
    "$(ratio tusk-postgres-10m opentracker)" "$(ratio tusk-during-gc opentracker)"
printf 'longest statement of Tusk seen: %s\n' "$(cat "$out/10m-longest-statement" 2>/dev/null || echo none)"
printf 'write-behind: %s peers pending at the end of the load, written %d s later\n' "$backlog" "$drained_after"
printf 'gauges (info hashes, seeders, leechers): %s; table: %s\n' "$gauges" "$truth"
printf 'GC run: %s\n' "$(cat "$out/10m-gc.json" 2>/dev/null || echo 'did not finish within the run')"
printf 'resident memory: %s with the swarms read at start, %s after the load; heap %s\n' "$idle_rss" "$loaded_rss" "$JBOSS_JAVA_SIZING"
printf '(%d connections, %d s each, %d cores)\n' "$connections" "$duration" "$(nproc)"
