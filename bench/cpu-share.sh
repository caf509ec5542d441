#!/usr/bin/env bash
# CPU used by each program (all its processes and threads) over the next N seconds, as a share
# of one core (200 % is both cores of a 2-core machine); the busiest five, on one line.
# Usage: bench/cpu-share.sh seconds
set -euo pipefail
ticks() { # pid program utime+stime, one line per process
    for stat in /proc/[0-9]*/stat; do cat "$stat" 2>/dev/null || true; done |
        awk '{ op = index($0, "("); cl = 0
               for (i = length($0); i > 0; i--) if (substr($0, i, 1) == ")") { cl = i; break }
               name = substr($0, op + 1, cl - op - 1); sub(/\/.*/, "", name); gsub(/ /, "_", name)
               split(substr($0, cl + 2), f, " "); print $1, name, f[12] + f[13] }'
}
before=$(ticks)
sleep "$1"
after=$(ticks)
{ echo "$before" | sed 's/^/B /'; echo "$after" | sed 's/^/A /'; } |
    awk -v hz="$(getconf CLK_TCK)" -v secs="$1" '
        $1 == "B" { b[$2] = $4; next }
        { used[$3] += $4 - ($2 in b ? b[$2] : 0) }
        END { for (n in used) { p = 100 * used[n] / hz / secs; if (p >= 1) printf "%s %.0f\n", n, p } }' |
    sort -k2 -n -r | head -5 | awk '{ printf "%s%s %s%%", (NR > 1 ? ", " : "CPU: "), $1, $2 } END { print "" }'
