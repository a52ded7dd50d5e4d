#!/usr/bin/env bash
# What due work costs the database at idle: one, then two Doorstep nodes with due work started and nothing to do,
# on a throwaway PostgreSQL (installed if missing); counts the transactions and rows PostgreSQL reports over
# a minute with nodes running, against the same minute with none.
#
#   bench/due-work-idle.sh            # 60 s per measurement
#   SECONDS_PER_RUN=30 bench/due-work-idle.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
RUN="${SECONDS_PER_RUN:-60}"

# shellcheck source=../.ci/postgres.sh
source .ci/postgres.sh
start_postgres
mvn -q -B -DskipTests -pl core -am install >/dev/null
cp="$(mvn -q -B -pl core dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)"
cp="core/target/test-classes:core/target/classes:$cp"
schema="idle_$$"
port="$(sed -E 's#.*:([0-9]+)/.*#\1#' <<<"$DOORSTEP_TEST_POSTGRES_URL")"
psql_() { PGPASSWORD="$DOORSTEP_TEST_POSTGRES_PASSWORD" psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -At -c "$1"; }
psql_ "create schema $schema" >/dev/null
url="$DOORSTEP_TEST_POSTGRES_URL?currentSchema=$schema"

stats() { psql_ "select xact_commit + xact_rollback, tup_returned + tup_fetched from pg_stat_database where datname = 'postgres'"; }
measure() { # label
  sleep 5
  local before after
  before="$(stats)"; sleep "$RUN"; after="$(stats)"
  awk -F'|' -v b="$before" -v label="$1" -v run="$RUN" 'BEGIN { split(b, x, "|") } { printf "%-26s %8.1f transactions/s %10.1f rows read/s\n", label, ($1 - x[1]) / run, ($2 - x[2]) / run }' <<<"$after"
}

# a node runs until its standard input closes: a pipe this script holds open
fifo="$(mktemp -u /tmp/doorstep-idle.XXXXXX)"
mkfifo "$fifo"
exec 3<>"$fifo"
nodes=()
stop_nodes() { for pid in "${nodes[@]}"; do kill "$pid" 2>/dev/null || true; done; nodes=(); }
trap 'stop_nodes; exec 3>&-; rm -f "$fifo"; stop_postgres' EXIT
start_node() {
  java -cp "$cp" community.doorstep.schedule.DueWorkNode "$url" <"$fifo" >/dev/null 2>&1 &
  nodes+=($!)
}

echo "== due work at idle on PostgreSQL $(psql_ 'show server_version'), $RUN s per figure, $(nproc) cores"
measure "no node"
start_node
measure "one node"
start_node
measure "two nodes"
stop_nodes
