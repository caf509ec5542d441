#!/usr/bin/env bash
# Soak: Tusk under a steady load for a bounded time (default 10 minutes), printing WildFly's
# resident memory, heap used after a full GC, threads, open files and database connections every minute; at the end, what
# grew from the first sample to the last. Load: tracker announces with wrk at 4 connections
# (about half the announce benchmark's rate here) by 200,000 peers that announce again and again
# (a steady population, as real clients) in 1000 swarms, and a media upload and a thumbnail
# every 200 ms.
# Usage: bench/soak.sh [minutes, default 10]. Run through `bin/tusk bench soak`.
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-10}
duration=$((minutes * 60))
connections=4
peers=200000
out=bench/out
mkdir -p "$out"
hashes=$out/hashes.txt
# shellcheck source=bench/tracker-lib.sh
. bench/tracker-lib.sh
write_swarm_hashes

require_free_port
trap 'kill "${uploader:-}" 2>/dev/null || true; cleanup' EXIT
fresh_bench_database tusk_soak
start_tusk postgres tusk_soak

# a 2x2 PNG
printf 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEklEQVR4nGM4IScnd0KOAUIBAB3SBBHfPB1bAAAAAElFTkSuQmCC' | base64 -d > "$out/soak.png"
(while true; do
    alias=$(curl -s -F "images[]=@$out/soak.png;type=image/png" http://127.0.0.1:8080/image | sed -n 's/.*"file":"\([^"]*\)".*/\1/p')
    [ -n "$alias" ] && curl -s -o /dev/null "http://127.0.0.1:8080/image/process.png?src=$alias&thumbnail=1"
    sleep 0.2
done) &
uploader=$!

java_pid=$(pgrep -f "jboss.home.dir=$PWD/target/wildfly" | head -1)
sample() { # label
    local rss heap threads fds conns
    jcmd "$java_pid" GC.run > /dev/null
    heap=$(jcmd "$java_pid" GC.heap_info | awk '/heap/ && /used/ {for (i = 1; i <= NF; i++) if ($i == "used") {sub(/K,?/, "", $(i + 1)); printf "%d", $(i + 1) / 1024; exit}}')
    rss=$(awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$java_pid/status")
    threads=$(awk '/Threads/ {print $2}' "/proc/$java_pid/status")
    fds=$(ls "/proc/$java_pid/fd" | wc -l)
    conns=$(su_pg "psql -tAc \"SELECT count(*) FROM pg_stat_activity WHERE datname = 'tusk_soak'\"")
    printf '%-8s %10s %10s %8s %8s %12s\n' "$1" "$rss" "$heap" "$threads" "$fds" "$conns"
    echo "$rss $heap $threads $fds $conns" > "$out/soak-$1.sample"
}

log "soaking for $minutes min"
wrk -t2 -c"$connections" -d"$duration"s --latency -s bench/announce.lua http://127.0.0.1:8080 -- "$hashes" "$peers" > "$out/soak-wrk.txt" 2>&1 &
wrk_pid=$!
printf '\n%-8s %10s %10s %8s %8s %12s\n' "minute" "RSS MiB" "heap MiB" "threads" "files" "DB conns"
sample 0 | tee "$out/soak.txt"
for m in $(seq 1 "$minutes"); do
    sleep 60
    sample "$m" | tee -a "$out/soak.txt"
done
wait "$wrk_pid" || true
echo
awk '/Requests\/sec/ {print "announces/s over the soak: " $2} $1 == "99%" {print "announce p99: " $2} /Non-2xx|Socket errors/ {print}' "$out/soak-wrk.txt"
echo "images uploaded: $(su_pg "psql -d tusk_soak -tAc 'SELECT count(*) FROM aliases'")"
read -r r0 h0 t0 f0 c0 < "$out/soak-1.sample"
read -r r1 h1 t1 f1 c1 < "$out/soak-$minutes.sample"
printf 'from minute 1 to minute %d: RSS %+d MiB, heap after GC %+d MiB, threads %+d, files %+d, DB connections %+d\n' \
    "$minutes" $((r1 - r0)) $((h1 - h0)) $((t1 - t0)) $((f1 - f0)) $((c1 - c0))
