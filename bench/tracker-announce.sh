#!/usr/bin/env bash
# The tracker's announce benchmark: Tusk (PostgreSQL store) and opentracker side by side,
# the same wrk load against each in one run: 1000 swarms, random peer ids and ports, half
# seeders, compact=1&numwant=50. Prints requests/s, p50 and p99 for each and the ratio.
# Usage: bench/tracker-announce.sh [seconds per run, default 20] [connections, default 32]
# Run through `bin/tusk bench tracker`, which installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-20}
connections=${2:-32}
out=bench/out
mkdir -p "$out"
log() { printf '\033[1m[bench]\033[0m %s\n' "$*" >&2; }

# --- the swarms ---
for i in $(seq 1 1000); do printf 'tusk-bench-%d' "$i" | sha1sum | cut -c1-40; done > "$out/hashes.txt"

# --- Tusk, on a fresh database ---
if (exec 3<>/dev/tcp/127.0.0.1/8080) 2>/dev/null; then log "port 8080 is taken: stop the running Tusk first"; exit 1; fi
su_pg() { if [ "$(id -u)" = 0 ]; then su postgres -c "$*"; else sudo -u postgres bash -c "$*"; fi; }
su_pg "psql -qc 'DROP DATABASE IF EXISTS tusk_bench WITH (FORCE)'"
su_pg "psql -qc 'CREATE DATABASE tusk_bench OWNER ${TUSK_DB_USER:-tusk}'"
[ -f target/tusk.war ] && [ -d target/wildfly ] || mvn -q -B -DskipTests package
cp target/tusk.war target/wildfly/standalone/deployments/
log "starting Tusk"
TUSK_DB_URL=jdbc:postgresql://127.0.0.1:5432/tusk_bench target/wildfly/bin/standalone.sh -c standalone-full.xml \
    > "$out/tusk-server.log" 2>&1 &
tusk_pid=$!
ot_pid=""
cleanup() {
    rm -f target/wildfly/standalone/deployments/tusk.war*
    pkill -P $tusk_pid 2>/dev/null || true; kill $tusk_pid 2>/dev/null || true
    [ -n "$ot_pid" ] && kill "$ot_pid" 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 1 120); do curl -fs -o /dev/null http://127.0.0.1:8080/ping && break; sleep 1; done

# --- opentracker: refuses root; needs a readable directory and the whitelist ---
otdir=$(mktemp -d /tmp/opentracker.XXXX)
cp "$out/hashes.txt" "$otdir/whitelist.txt"
chmod -R a+rX "$otdir"
otuser=_opentracker; id "$otuser" >/dev/null 2>&1 || otuser=nobody
opentracker -i 127.0.0.1 -p 6969 -P 6969 -d "$otdir" -u "$otuser" -w whitelist.txt > "$out/opentracker.log" 2>&1 &
ot_pid=$!
for _ in $(seq 1 20); do (exec 3<>/dev/tcp/127.0.0.1/6969) 2>/dev/null && break; sleep 0.5; done

run() { # name url
    wrk -t2 -c"$connections" -d"$duration"s --latency -s bench/announce.lua "$2" -- "$out/hashes.txt" > "$out/$1.txt" 2>&1
    local rps p50 p99 errors
    rps=$(awk '/Requests\/sec/ {print $2}' "$out/$1.txt")
    p50=$(awk '$1 == "50%" {print $2}' "$out/$1.txt")
    p99=$(awk '$1 == "99%" {print $2}' "$out/$1.txt")
    errors=$(awk '/Non-2xx|Socket errors/ {print}' "$out/$1.txt" | tr '\n' ' ')
    printf '%-14s %12s %10s %10s  %s\n' "$1" "$rps" "$p50" "$p99" "$errors"
    echo "$rps" > "$out/$1.rps"
}

log "warming up Tusk (10 s)"
wrk -t2 -c"$connections" -d10s -s bench/announce.lua http://127.0.0.1:8080 -- "$out/hashes.txt" > /dev/null 2>&1
printf '\n%-14s %12s %10s %10s\n' "tracker" "requests/s" "p50" "p99"
run tusk-postgres http://127.0.0.1:8080
run opentracker http://127.0.0.1:6969
ratio=$(awk -v a="$(cat "$out/tusk-postgres.rps")" -v b="$(cat "$out/opentracker.rps")" 'BEGIN {printf "%.2f", a / b}')
printf '\nTusk/opentracker: %sx announces per second (%d connections, %d s each, %d cores)\n' \
    "$ratio" "$connections" "$duration" "$(nproc)"
