#!/usr/bin/env bash
# Measures report intake over HTTP: a real trustd (release build) on a temporary database, loaded
# by wrk on 127.0.0.1 for a bounded time. Prints requests per second, latency, and trustd's peak
# resident memory. Every accepted report is a committed, fsynced SQLite transaction.
#   bench/intake.sh [seconds=10] [connections=8]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
connections=${2:-8}
command -v wrk >/dev/null || { echo "bench needs wrk: apt-get install wrk" >&2; exit 1; }
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
wrk -t 2 -c "$connections" -d "${seconds}s" --latency -s bench/intake.lua "http://127.0.0.1:$port/reports"
echo "trustd peak RSS: $(grep VmHWM /proc/$pid/status | awk '{print $2, $3}')"
echo "cases stored: $(sqlite3 "$work/data/trustcenter.db" 'SELECT COUNT(*) FROM cases' 2>/dev/null || echo '(sqlite3 CLI not installed)')"
