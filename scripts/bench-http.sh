#!/usr/bin/env bash
# Load test on loopback: GET /api/tenant/config/ under wrk, beside pgbench -S
# (read-only select by primary key) on the same PostgreSQL at the same
# concurrency, so the figure is read as a ratio on this noisy machine.
#
#   scripts/bench-http.sh            # C=16 connections, D=10 seconds
#   C=32 D=20 LOG_LEVEL=info scripts/bench-http.sh
set -euo pipefail
cd "$(dirname "$0")/.."
C=${C:-16}
D=${D:-10}
PORT=${PORT:-8090}
ADMIN=${ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable}
DB=ss_bench_http
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk" >&2; exit 1; }

psql "$ADMIN" -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
psql "$ADMIN" -qc "DROP DATABASE IF EXISTS ss_bench_pgbench WITH (FORCE)" -c "CREATE DATABASE ss_bench_pgbench"
go build -o /tmp/ss-bench ./cmd/smoothschedule
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$DB?sslmode=disable" LOG_LEVEL=${LOG_LEVEL:-warn} DATA_DIR=$(mktemp -d)
/tmp/ss-bench migrate >/dev/null
/tmp/ss-bench tenant create --name "Acme Salon" --slug acme >/dev/null
/tmp/ss-bench serve --addr "127.0.0.1:$PORT" >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null' EXIT
for _ in $(seq 50); do curl -fs -H "Host: acme.localhost" "http://127.0.0.1:$PORT/api/tenant/config/" >/dev/null && break; sleep 0.1; done

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
pgbench -i -s 10 -q "postgres://postgres@127.0.0.1:5432/ss_bench_pgbench" >/dev/null 2>&1
echo "== pgbench -S -c $C -j 2 -T $D"
pgbench -S -c "$C" -j 2 -T "$D" "postgres://postgres@127.0.0.1:5432/ss_bench_pgbench" 2>/dev/null | grep -E "^tps|latency average"
echo "== wrk -t2 -c$C -d${D}s GET /api/tenant/config/ (Host: acme.localhost, LOG_LEVEL=$LOG_LEVEL)"
wrk -t2 -c"$C" -d"${D}s" --latency -H "Host: acme.localhost" "http://127.0.0.1:$PORT/api/tenant/config/" | grep -E "Requests/sec|Latency|99%|50%"
echo "== wrk GET /api/health/ (one database round trip per request)"
wrk -t2 -c"$C" -d"${D}s" -H "Host: acme.localhost" "http://127.0.0.1:$PORT/api/health/" | grep -E "Requests/sec"
psql "$ADMIN" -qc "DROP DATABASE IF EXISTS ss_bench_pgbench WITH (FORCE)"
