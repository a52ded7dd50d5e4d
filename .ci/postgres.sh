#!/usr/bin/env bash
# Sourced by .ci/test-all: installs PostgreSQL if missing (Debian package `postgresql`), starts a private
# throwaway cluster on a free loopback port under a temp dir, exports DOORSTEP_TEST_POSTGRES_* for the tests,
# and stops and removes the cluster when the calling shell exits.

pg_bindir() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start_postgres() {
  local bindir
  bindir="$(pg_bindir)"
  if [ -z "$bindir" ]; then
    echo "== installing PostgreSQL (apt package postgresql)"
    if [ "$(id -u)" = 0 ]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    else
      sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    bindir="$(pg_bindir)"
  fi
  PG_DIR="$(mktemp -d /tmp/doorstep-pg.XXXXXX)"
  local port password=doorstep-test
  port="$(free_port)"
  echo "$password" > "$PG_DIR/password"
  if [ "$(id -u)" = 0 ]; then chown -R postgres "$PG_DIR"; fi
  as_owner "$bindir/initdb" -D "$PG_DIR/data" -U postgres -A scram-sha-256 --pwfile="$PG_DIR/password" >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log" >&2; return 1; }
  as_owner "$bindir/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
    -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=on" start >/dev/null \
    || { cat "$PG_DIR/server.log" >&2; return 1; }
  PG_STOP="$bindir/pg_ctl"
  trap stop_postgres EXIT
  export DOORSTEP_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$port/postgres"
  export DOORSTEP_TEST_POSTGRES_USER=postgres
  export DOORSTEP_TEST_POSTGRES_PASSWORD="$password"
  echo "== PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') started on 127.0.0.1:$port"
}

stop_postgres() {
  if [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR/data" ]; then
    as_owner "$PG_STOP" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}
