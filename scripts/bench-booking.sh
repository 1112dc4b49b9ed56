#!/usr/bin/env bash
# Booking under wrk on loopback: staff bookings of distinct slots (throughput
# and latency), then everyone on one slot (contention: one 201, the rest 409),
# beside pgbench's simple-update (TPC-B) run as the baseline of write TPS on
# the same machine at the same concurrency.
#
#   scripts/bench-booking.sh            # C=16 connections, D=10 seconds
set -euo pipefail
cd "$(dirname "$0")/.."
C=${C:-16}
D=${D:-10}
T=2
PORT=${PORT:-8091}
ADMIN=${ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable}
DB=ss_bench_booking
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk" >&2; exit 1; }

psql "$ADMIN" -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB" 2>/dev/null
go build -o /tmp/ss-bench ./cmd/smoothschedule
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$DB?sslmode=disable" LOG_LEVEL=warn DATA_DIR=$(mktemp -d)
/tmp/ss-bench migrate >/dev/null
/tmp/ss-bench tenant create --name "Bench Salon" --slug bench --plan enterprise \
  --owner-email owner@bench.example --owner-password "bench-owner-password-1" >/dev/null
/tmp/ss-bench serve --addr "127.0.0.1:$PORT" >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; psql "$ADMIN" -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" 2>/dev/null' EXIT
URL="http://127.0.0.1:$PORT"
H=(-H "Host: bench.localhost" -H "Content-Type: application/json")
for _ in $(seq 50); do curl -fs "${H[@]}" "$URL/api/health/" >/dev/null && break; sleep 0.1; done
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
TOKEN=$(curl -fs "${H[@]}" -d '{"email":"owner@bench.example","password":"bench-owner-password-1"}' "$URL/api/auth/login/" | json '["access"]')
A=(-H "Authorization: Bearer $TOKEN")
RESOURCES=""
for i in $(seq -w 1 20); do
  id=$(curl -fs "${H[@]}" "${A[@]}" -d "{\"name\":\"Staff $i\",\"type\":\"STAFF\"}" "$URL/api/resources/" | json '["id"]')
  RESOURCES="$RESOURCES${RESOURCES:+,}$id"
done
SERVICE=$(curl -fs "${H[@]}" "${A[@]}" -d '{"name":"Cut","durationMinutes":30,"price":30}' "$URL/api/services/" | json '["id"]')
CUSTOMER=$(curl -fs "${H[@]}" "${A[@]}" -d '{"name":"Bench Customer","email":"c@bench.example"}' "$URL/api/customers/" | json '["id"]')
BASE=$(( ($(date +%s) / 86400 + 2) * 86400 ))   # midnight UTC, two days ahead
CONTESTED=$(( BASE + 30 * 86400 + 10 * 3600 ))   # 10:00 UTC a month later: not touched by the distinct run
export TOKEN RESOURCES SERVICE CUSTOMER BASE CONTESTED THREADS=$T

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
psql "$ADMIN" -qc "DROP DATABASE IF EXISTS ss_bench_pgbench WITH (FORCE)" -c "CREATE DATABASE ss_bench_pgbench" 2>/dev/null
pgbench -i -s 10 -q "postgres://postgres@127.0.0.1:5432/ss_bench_pgbench" >/dev/null 2>&1
echo "== pgbench -N (simple update, one write transaction) -c $C -j 2 -T $D"
pgbench -N -c "$C" -j 2 -T "$D" "postgres://postgres@127.0.0.1:5432/ss_bench_pgbench" 2>/dev/null | grep -E "^tps|latency average"
psql "$ADMIN" -qc "DROP DATABASE IF EXISTS ss_bench_pgbench WITH (FORCE)" 2>/dev/null
echo "== wrk -t$T -c$C -d${D}s POST /api/appointments/ (distinct slots)"
wrk -t$T -c"$C" -d"${D}s" --latency -s scripts/wrk/book-distinct.lua "$URL" -H "Host: bench.localhost" | grep -E "Requests/sec|Latency|50%|99%|Non-2xx"
echo "== wrk -t$T -c$C -d${D}s POST /api/appointments/ (everyone on one slot)"
wrk -t$T -c"$C" -d"${D}s" --latency -s scripts/wrk/book-same.lua "$URL" -H "Host: bench.localhost" | grep -E "Requests/sec|Latency|50%|99%|Non-2xx"
day=$(date -u -d @"$CONTESTED" +%F)
n=$(curl -fs "${H[@]}" "${A[@]}" "$URL/api/appointments/?start_date=$day&end_date=$day&resource_ids=${RESOURCES%%,*}" | json '["count"]')
echo "== bookings of the contested slot: $n (must be exactly 1: every other request got 409)"
