#!/usr/bin/env bash
# Measures report intake over HTTP: a real trustd (release build) on a temporary database, loaded
# by wrk on 127.0.0.1 for a bounded time. Prints requests per second, latency, and trustd's peak
# resident memory. No report is answered before its group commit is fsynced. In the same run, on
# the same disk, a plain C program (bench/percommit.c) measures the disk's per-commit limit: one
# INSERT per fsynced transaction. The ratio of the two says what group commit gains.
#   bench/intake.sh [seconds=10] [connections=8]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
connections=${2:-8}
command -v wrk >/dev/null || { echo "bench needs wrk: apt-get install wrk" >&2; exit 1; }
command -v cc >/dev/null || { echo "bench needs a C compiler: apt-get install gcc" >&2; exit 1; }
swift build -c release --product trustd >&2
bin=$(swift build -c release --show-bin-path)
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
printf '{ listen: { host: "127.0.0.1", port: 0 }, log: { level: "warning" }, forms: { directory: "%s" } }\n' "$PWD/forms" > "$work/trustd.json5"
TRUSTD_LOG_LEVEL=notice "$bin/trustd" serve --config "$work/trustd.json5" 2> "$work/trustd.log" &
pid=$!
for _ in $(seq 1 100); do
    port=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$work/trustd.log" | grep -o '[0-9]*$' || true)
    [ -n "$port" ] && break
    sleep 0.1
done
[ -n "$port" ] || { cat "$work/trustd.log" >&2; exit 1; }
cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
ticks=$(getconf CLK_TCK)
before=$(cpu)
wrk -t 2 -c "$connections" -d "${seconds}s" --latency -s bench/intake.lua "http://127.0.0.1:$port/reports" \
    | tee "$work/wrk.txt"
echo "trustd CPU during the run: $(( ($(cpu) - before) / ticks )) s of ${seconds} s ($(nproc) cores)"
echo "trustd peak RSS: $(grep VmHWM /proc/$pid/status | awk '{print $2, $3}')"
echo "cases stored: $(sqlite3 "$work/data/trustcenter.db" 'SELECT COUNT(*) FROM cases' 2>/dev/null || echo '(sqlite3 CLI not installed)')"
kill "$pid"; wait "$pid" 2>/dev/null || true
# The reference, on the same disk (the temporary folder), after trustd has stopped.
cc -O2 -o "$work/percommit" bench/percommit.c -lsqlite3
reference=$("$work/percommit" "$work/percommit.db" "$seconds")
rate=$(awk '/^Requests\/sec:/ {print $2}' "$work/wrk.txt")
p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
echo "plain C, one INSERT per fsynced commit: $reference commits/s"
echo "trustd at $connections connections: $rate reports/s, p99 $p99"
awk -v r="$rate" -v c="$reference" 'BEGIN { printf "ratio trustd / per-commit limit: %.2f\n", r / c }'
