#!/usr/bin/env bash
# The tracker's announce benchmark: Tusk on PostgreSQL, Tusk on Redis and opentracker side by
# side, the same wrk load against each in one run: 1000 swarms, random peer ids and ports, half
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
log() { printf '\033[1m[bench]\033[0m %s\n' "$*" >&2; }

# --- the swarms ---
for i in $(seq 1 1000); do printf 'tusk-bench-%d' "$i" | sha1sum | cut -c1-40; done > "$out/hashes.txt"

# --- Tusk, on a fresh database, with the store given as TRACKER_STORE ---
if (exec 3<>/dev/tcp/127.0.0.1/8080) 2>/dev/null; then log "port 8080 is taken: stop the running Tusk first"; exit 1; fi
su_pg() { if [ "$(id -u)" = 0 ]; then su postgres -c "$*"; else sudo -u postgres bash -c "$*"; fi; }
[ -f target/tusk.war ] && [ -d target/wildfly ] || mvn -q -B -DskipTests package
tusk_pid=""
ot_pid=""
stop_tusk() {
    [ -n "$tusk_pid" ] || return 0
    pkill -P "$tusk_pid" 2>/dev/null || true; kill "$tusk_pid" 2>/dev/null || true
    while pgrep -f "jboss.home.dir=$PWD/target/wildfly" >/dev/null; do sleep 0.5; done
    tusk_pid=""
}
cleanup() {
    stop_tusk
    rm -f target/wildfly/standalone/deployments/tusk.war*
    [ -n "$ot_pid" ] && kill "$ot_pid" 2>/dev/null || true
}
trap cleanup EXIT
start_tusk() { # store
    su_pg "psql -qc 'DROP DATABASE IF EXISTS tusk_bench WITH (FORCE)'"
    su_pg "psql -qc 'CREATE DATABASE tusk_bench OWNER ${TUSK_DB_USER:-tusk}'"
    [ "$1" = redis ] && redis-cli -p "${TUSK_REDIS_PORT:-6379}" flushdb >/dev/null
    cp target/tusk.war target/wildfly/standalone/deployments/
    log "starting Tusk with swarms in $1"
    TRACKER_STORE=$1 TUSK_DB_URL=jdbc:postgresql://127.0.0.1:5432/tusk_bench \
        target/wildfly/bin/standalone.sh -c standalone-full.xml > "$out/tusk-$1-server.log" 2>&1 &
    tusk_pid=$!
    for _ in $(seq 1 120); do curl -fs -o /dev/null http://127.0.0.1:8080/ping && break; sleep 1; done
    log "warming up Tusk (10 s)"
    wrk -t2 -c"$connections" -d10s -s bench/announce.lua http://127.0.0.1:8080 -- "$out/hashes.txt" > /dev/null 2>&1
}

# --- opentracker: refuses root; needs a readable directory and the whitelist ---
otdir=$(mktemp -d /tmp/opentracker.XXXX)
cp "$out/hashes.txt" "$otdir/whitelist.txt"
chmod -R a+rX "$otdir"
otuser=_opentracker; id "$otuser" >/dev/null 2>&1 || otuser=nobody
opentracker -i 127.0.0.1 -p 6969 -P 6969 -d "$otdir" -u "$otuser" -w whitelist.txt > "$out/opentracker.log" 2>&1 &
ot_pid=$!
for _ in $(seq 1 20); do (exec 3<>/dev/tcp/127.0.0.1/6969) 2>/dev/null && break; sleep 0.5; done

run() { # name url
    (sleep 1; bench/cpu-share.sh $((duration > 3 ? duration - 2 : 1)) > "$out/$1.cpu") &
    local sampler=$!
    wrk -t2 -c"$connections" -d"$duration"s --latency -s bench/announce.lua "$2" -- "$out/hashes.txt" > "$out/$1.txt" 2>&1
    wait "$sampler"
    local rps p50 p99 errors
    rps=$(awk '/Requests\/sec/ {print $2}' "$out/$1.txt")
    p50=$(awk '$1 == "50%" {print $2}' "$out/$1.txt")
    p99=$(awk '$1 == "99%" {print $2}' "$out/$1.txt")
    errors=$(awk '/Non-2xx|Socket errors/ {print}' "$out/$1.txt" | tr '\n' ' ')
    printf '%-14s %12s %10s %10s  %s\n' "$1" "$rps" "$p50" "$p99" "$errors"
    printf '%-14s %s\n' "" "$(cat "$out/$1.cpu")"
    echo "$rps" > "$out/$1.rps"
}

printf '\n%-14s %12s %10s %10s\n' "tracker" "requests/s" "p50" "p99"
start_tusk postgres
run tusk-postgres http://127.0.0.1:8080
stop_tusk
start_tusk redis
run tusk-redis http://127.0.0.1:8080
stop_tusk
run opentracker http://127.0.0.1:6969
ratio() { awk -v a="$(cat "$out/$1.rps")" -v b="$(cat "$out/$2.rps")" 'BEGIN {printf "%.2f", a / b}'; }
printf '\nTusk on PostgreSQL/opentracker: %sx, Tusk on Redis/opentracker: %sx announces per second\n' \
    "$(ratio tusk-postgres opentracker)" "$(ratio tusk-redis opentracker)"
printf '(%d connections, %d s each, %d cores)\n' "$connections" "$duration" "$(nproc)"
