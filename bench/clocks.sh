#!/usr/bin/env bash
# Measures the clocks at scale: a database with CASES running breach clocks (default 1,000,000),
# of which DUE cases (default 1,000) have stages that are due. Prints the first scheduler sweep
# after start-up (stages fired and its duration, from trustd's log), the time `trustctl deadlines`
# takes end to end (process start, HTTP, query, output), and trustd's peak resident memory.
#   bench/clocks.sh [cases=1000000] [due=1000]
# The DUE cases are filed through trustd's HTTP API; the rest are copies of the first one, made
# with the sqlite3 CLI (sealed content is copied as is; only the due cases' content is opened).
set -euo pipefail
cd "$(dirname "$0")/.."
cases=${1:-1000000}
due=${2:-1000}
command -v sqlite3 >/dev/null || { echo "bench needs the sqlite3 CLI: apt-get install sqlite3" >&2; exit 1; }
swift build -c release --product trustd >&2
swift build -c release --product trustctl >&2
bin=$(swift build -c release --show-bin-path)
work=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
printf '{ listen: { host: "127.0.0.1", port: 0 }, log: { level: "debug" }, forms: { directory: "%s" } }\n' "$PWD/forms" > "$work/trustd.json5"

start_trustd() {
    "$bin/trustd" serve --config "$work/trustd.json5" 2> "$work/trustd.log" &
    pid=$!
    for _ in $(seq 1 300); do
        port=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$work/trustd.log" | grep -o '[0-9]*$' || true)
        [ -n "$port" ] && return 0
        sleep 0.1
    done
    cat "$work/trustd.log" >&2
    exit 1
}

start_trustd
body='{"answers":{"about":"security","system":"Payroll","whatHappened":"Payslips mailed to the wrong people","discoveredAt":"2026-01-05 09:00","ongoing":"no","personalData":"yes","leftOrganisation":"no"}}'
for _ in $(seq 1 "$((due > 0 ? due : 1))"); do
    curl -sf -o /dev/null -H 'Content-Type: application/json' -d "$body" "http://127.0.0.1:$port/reports"
done
token=$("$bin/trustd" officer add --config "$work/trustd.json5" --name "Bench Officer" \
    --email privacy@demo.example --role privacy-officer)
kill -TERM "$pid"; wait "$pid" || true; pid=""

db="$work/data/trustcenter.db"
filled=$((cases - (due > 0 ? due : 1)))
echo "filling $db with $filled more cases..." >&2
fill_start=$(date +%s)
sqlite3 "$db" <<SQL
PRAGMA synchronous=OFF;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $filled)
INSERT INTO cases (year, serial, category, status, entity_id, received_at, updated_at, follow_up_key_hash,
    report, reporter, routing, restricted, urgent)
SELECT 2025, i, t.category, t.status, t.entity_id, t.received_at - i, t.updated_at, randomblob(32),
    t.report, t.reporter, t.routing, 0, 0
FROM n, (SELECT * FROM cases WHERE id = 1) t;
INSERT INTO case_access (case_id, person_key)
SELECT c.id, a.person_key FROM cases c, case_access a WHERE c.year = 2025 AND a.case_id = 1;
INSERT INTO clocks (case_id, name, state, started_at, due_at, extended, paused_days)
SELECT id, 'breach', 'running', received_at, CAST(strftime('%s', 'now') AS INTEGER) + 86400 + serial % 2592000, 0, 0
FROM cases WHERE year = 2025;
INSERT INTO clock_stages (clock_id, sequence, kind, label, at, notify)
SELECT k.id, 3, 'final-warning', 'final-warning, 66 hours after start', k.due_at - 21600, 'owner,ceo,management'
FROM clocks k JOIN cases c ON c.id = k.case_id WHERE c.year = 2025;
UPDATE clock_stages SET at = CAST(strftime('%s', 'now') AS INTEGER) - 60
WHERE fired_at IS NULL AND clock_id IN (SELECT k.id FROM clocks k JOIN cases c ON c.id = k.case_id
    WHERE c.year <> 2025 AND $due > 0);
COMMIT;
ANALYZE;
SQL
echo "filled in $(( $(date +%s) - fill_start )) s; $(sqlite3 "$db" 'SELECT COUNT(*) FROM cases') cases," \
    "$(sqlite3 "$db" "SELECT COUNT(*) FROM clocks WHERE state = 'running'") running clocks," \
    "$(sqlite3 "$db" 'SELECT COUNT(*) FROM clock_stages WHERE fired_at IS NULL') unfired stages," \
    "$(du -m "$db" | cut -f1) MB"

started=$(date +%s%N)
sqlite3 "$db" 'PRAGMA quick_check' > /dev/null
echo "quick_check alone, sqlite3 CLI (the check trustd runs at start): $(( ($(date +%s%N) - started) / 1000000 )) ms"
started=$(date +%s%N)
start_trustd
echo "start-up to listening: $(( ($(date +%s%N) - started) / 1000000 )) ms (quick_check, migrations, entity check, key and forms)"
for _ in $(seq 1 600); do
    grep -q -e 'stages fired' -e 'sweep found nothing due' "$work/trustd.log" && break
    sleep 0.1
done
echo "first sweep: $(grep -m1 -e 'stages fired' -e 'sweep found nothing due' "$work/trustd.log")"

export TRUSTCTL_URL="http://127.0.0.1:$port" TRUSTCTL_TOKEN="$token" XDG_CONFIG_HOME="$work"
measure() {
    local times=()
    for _ in 1 2 3 4 5; do
        local t0 t1
        t0=$(date +%s%N)
        "$bin/trustctl" "$@" > "$work/out.txt"
        t1=$(date +%s%N)
        times+=($(( (t1 - t0) / 1000000 )))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk -v name="trustctl $*" \
        '{ a[NR] = $1 } END { printf "%s: median %d ms, min %d ms, max %d ms (5 runs)\n", name, a[3], a[1], a[5] }'
    echo "  first lines: $(head -3 "$work/out.txt" | tr '\n' '|')"
}
measure deadlines
measure deadlines --overdue
measure deadlines --limit 1000 --offset "$((cases / 2))"
echo "trustd peak RSS: $(grep VmHWM /proc/$pid/status | awk '{print $2, $3}')"
