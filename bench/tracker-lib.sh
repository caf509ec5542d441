# Shared by the tracker benchmarks (sourced): Tusk and opentracker started and stopped, and one
# wrk run printed with its CPU shares. Expects $out, $duration, $connections and $hashes set.
log() { printf '\033[1m[bench]\033[0m %s\n' "$*" >&2; }
su_pg() { if [ "$(id -u)" = 0 ]; then su postgres -c "$*"; else sudo -u postgres bash -c "$*"; fi; }
tusk_pid=""
ot_pid=""
# opentracker's TCP and UDP port (Tusk's UDP tracker has 6969).
OT_PORT=6970

# The benchmarks' 1000 swarms: info hashes in $hashes (hex, one a line).
write_swarm_hashes() {
    for i in $(seq 1 1000); do printf 'tusk-bench-%d' "$i" | sha1sum | cut -c1-40; done > "$hashes"
}

require_free_port() {
    if (exec 3<>/dev/tcp/127.0.0.1/8080) 2>/dev/null; then log "port 8080 is taken: stop the running Tusk first"; exit 1; fi
    log "building"
    mvn -q -B -DskipTests package
}

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

fresh_bench_database() { # name
    su_pg "psql -qc 'DROP DATABASE IF EXISTS $1 WITH (FORCE)'"
    su_pg "psql -qc 'CREATE DATABASE $1 OWNER ${TUSK_DB_USER:-tusk}'"
}

# Starts Tusk with swarms in $1 on database $2 (more settings as VAR=value in $3...), then warms it up.
start_tusk() { # store database [VAR=value...]
    local store=$1 db=$2
    shift 2
    cp target/tusk.war target/wildfly/standalone/deployments/
    log "starting Tusk with swarms in $store (database $db)"
    env "$@" TRACKER_STORE="$store" TUSK_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" \
        target/wildfly/bin/standalone.sh -c standalone-full.xml > "$out/tusk-$store-server.log" 2>&1 &
    tusk_pid=$!
    for _ in $(seq 1 180); do curl -fs -o /dev/null http://127.0.0.1:8080/ping && break; sleep 1; done
    log "warming up Tusk (10 s)"
    wrk -t2 -c"$connections" -d10s -s bench/announce.lua http://127.0.0.1:8080 -- "$hashes" > /dev/null 2>&1
}

# opentracker refuses root; it needs a readable directory and the whitelist of the hashes.
start_opentracker() {
    local otdir otuser
    otdir=$(mktemp -d /tmp/opentracker.XXXX)
    cp "$hashes" "$otdir/whitelist.txt"
    chmod -R a+rX "$otdir"
    otuser=_opentracker; id "$otuser" >/dev/null 2>&1 || otuser=nobody
    opentracker -i 127.0.0.1 -p "$OT_PORT" -P "$OT_PORT" -d "$otdir" -u "$otuser" -w whitelist.txt > "$out/opentracker.log" 2>&1 &
    ot_pid=$!
    for _ in $(seq 1 20); do (exec 3<>/dev/tcp/127.0.0.1/"$OT_PORT") 2>/dev/null && break; sleep 0.5; done
}

run() { # name url [more wrk options, e.g. -H 'Connection: close']
    local name=$1 url=$2
    shift 2
    (sleep 1; bench/cpu-share.sh $((duration > 3 ? duration - 2 : 1)) > "$out/$name.cpu") &
    local sampler=$!
    wrk -t2 -c"$connections" -d"$duration"s --latency "$@" -s bench/announce.lua "$url" -- "$hashes" > "$out/$name.txt" 2>&1
    wait "$sampler"
    local rps p50 p99 errors
    rps=$(awk '/Requests\/sec/ {print $2}' "$out/$name.txt")
    p50=$(awk '$1 == "50%" {print $2}' "$out/$name.txt")
    p99=$(awk '$1 == "99%" {print $2}' "$out/$name.txt")
    errors=$(awk '/Non-2xx|Socket errors/ {print}' "$out/$name.txt" | tr '\n' ' ')
    printf '%-18s %12s %10s %10s  %s\n' "$name" "$rps" "$p50" "$p99" "$errors"
    printf '%-18s %s\n' "" "$(cat "$out/$name.cpu")"
    echo "$rps" > "$out/$name.rps"
}

ratio() { awk -v a="$(cat "$out/$1.rps")" -v b="$(cat "$out/$2.rps")" 'BEGIN {printf "%.2f", a / b}'; }
