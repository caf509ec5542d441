#!/usr/bin/env bash
# PostgreSQL alone (no Tusk, no HTTP): how many announces a second the database does when each
# announce is its own transaction of per-peer statements, against 16 announces grouped into
# set-based statements. 1000 swarms of 50 peers in a scratch database tusk_pgbench; pgbench with 8
# clients, asynchronous commit as the tracker's pool has it.
# Usage: bench/pgbench-announce.sh [seconds per run, default 10]   (or: bin/tusk bench pgbench)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
su_pg() { if [ "$(id -u)" = 0 ]; then su postgres -c "$*"; else sudo -u postgres bash -c "$*"; fi; }
su_pg "psql -qc 'DROP DATABASE IF EXISTS tusk_pgbench WITH (FORCE)'"
su_pg "psql -qc 'CREATE DATABASE tusk_pgbench OWNER ${TUSK_DB_USER:-tusk}'"
export PGPASSWORD=${TUSK_DB_PASSWORD:-tusk}
db=(-h 127.0.0.1 -p "${TUSK_PG_PORT:-5432}" -U "${TUSK_DB_USER:-tusk}" tusk_pgbench)
psql -q "${db[@]}" -f src/main/resources/META-INF/db/migration/V1__*.sql
psql -q "${db[@]}" -c "INSERT INTO mo_peers SELECT decode(lpad(to_hex(h), 40, '0'), 'hex'),
    decode(md5(h || '-' || p), 'hex') || '\x00000000'::bytea, ('10.0.' || (p / 250) || '.' || (p % 250))::inet, 6881,
    p % 2 = 0, false, now() FROM generate_series(1, 1000) h, generate_series(1, 50) p; ANALYZE mo_peers;"
run() { # script announces-per-transaction
    local tps
    tps=$(PGOPTIONS="-c synchronous_commit=off" pgbench -n -M prepared -c 8 -j 2 -T "$duration" -f "$1" "${db[@]}" 2>&1 |
        sed -n 's/^tps = \([0-9.]*\).*/\1/p')
    printf '%-40s %10.0f transactions/s %10.0f announces/s\n' "$(basename "$1")" "$tps" "$(awk -v t="$tps" -v n="$2" 'BEGIN { print t * n }')"
}
run bench/pgbench/announce-one.sql 1
run bench/pgbench/announce-grouped.sql 16
su_pg "psql -qc 'DROP DATABASE IF EXISTS tusk_pgbench WITH (FORCE)'"
