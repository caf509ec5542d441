#!/usr/bin/env bash
# The UDP tracker benchmark (BEP 15): Tusk on PostgreSQL, Tusk on Redis and opentracker side by side, the same
# load against each in one run (bench/udpload.c, built here: sockets that each keep one announce
# in flight; 1000 swarms, random peer ids and ports, half seeders, numwant 50). Prints announces/s,
# p50 and p99 for each, the ratio, and under each the CPU its programs used during the run.
# Usage: bench/tracker-udp.sh [seconds per run, default 20] [sockets, default 32]
# Run through `bin/tusk bench udp`, which installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-20}
connections=${2:-32}
out=bench/out
mkdir -p "$out"
hashes=$out/hashes.txt
# shellcheck source=bench/tracker-lib.sh
. bench/tracker-lib.sh

udp_run() { # name port
    local name=$1 port=$2
    (sleep 1; bench/cpu-share.sh $((duration > 3 ? duration - 2 : 1)) > "$out/$name.cpu") &
    local sampler=$!
    "$out/udpload" 127.0.0.1 "$port" "$duration" "$hashes" "$connections" > "$out/$name.txt"
    wait "$sampler"
    printf '%-14s %s\n' "$name" "$(cat "$out/$name.txt")"
    printf '%-14s %s\n' "" "$(cat "$out/$name.cpu")"
    awk '{print $2}' "$out/$name.txt" > "$out/$name.rps"
}

cc -O2 -Wall -o "$out/udpload" bench/udpload.c
write_swarm_hashes
require_free_port
trap cleanup EXIT
start_opentracker

tusk_udp_run() { # store
    fresh_bench_database tusk_bench
    [ "$1" = redis ] && redis-cli -p "${TUSK_REDIS_PORT:-6379}" flushdb >/dev/null
    start_tusk "$1" tusk_bench
    log "warming up Tusk's UDP path (10 s)"
    "$out/udpload" 127.0.0.1 6969 10 "$hashes" "$connections" > /dev/null
    udp_run "tusk-udp-$1" 6969
    stop_tusk
}

echo
tusk_udp_run postgres
tusk_udp_run redis
udp_run opentracker-udp "$OT_PORT"
printf '\nTusk on PostgreSQL/opentracker over UDP: %sx, Tusk on Redis/opentracker: %sx announces per second\n' \
    "$(ratio tusk-udp-postgres opentracker-udp)" "$(ratio tusk-udp-redis opentracker-udp)"
printf '(%d sockets, %d s each, %d cores)\n' "$connections" "$duration" "$(nproc)"
