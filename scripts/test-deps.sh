#!/usr/bin/env bash
# Installs and starts what the tests need on a Debian machine, when missing:
# PostgreSQL (running on 127.0.0.1:5432, user postgres, trust on loopback),
# Chromium for the browser tests, wrk for the load scripts. Idempotent and
# quiet when everything is there. Called by `make test` and `.ci/run`.
set -euo pipefail

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
  echo "need root to run: $*" >&2; return 1; fi; }
apt_updated=
need_pkg() { # need_pkg COMMAND PACKAGE...
  command -v "$1" >/dev/null 2>&1 && return 0
  command -v apt-get >/dev/null 2>&1 || { echo "missing $1: install ${*:2}" >&2; return 1; }
  echo "installing ${*:2}…"
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${@:2}" >/dev/null
}

need_pkg psql postgresql postgresql-contrib
need_pkg chromium chromium
need_pkg wrk wrk || true

if [ -z "${TEST_DATABASE_URL:-}" ] && ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  ver=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n1)
  if [ -z "$ver" ]; then
    echo "PostgreSQL is installed but has no cluster: create one (pg_createcluster) or set TEST_DATABASE_URL" >&2
    exit 1
  fi
  echo "starting PostgreSQL $ver…"
  as_root pg_ctlcluster --skip-systemctl-redirect "$ver" main start
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
fi
psql "${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable}" -Atqc 'select 1' >/dev/null || {
  echo "cannot connect to PostgreSQL as postgres on 127.0.0.1:5432: allow trust on loopback for tests, or set TEST_DATABASE_URL" >&2
  exit 1
}
