#!/usr/bin/env bash
# Runs the JMH benchmarks of doorstep-core (core/src/jmh/java).
#
#   bench/core.sh                          # everything, with the defaults below (about 5 minutes on 2 cores)
#   bench/core.sh WindowQuery              # only benchmarks matching a regular expression
#   bench/core.sh -f 3 -i 10 ImportBenchmark
#   bench/core.sh -l                       # list the benchmarks; bench/core.sh -h for every JMH option
#   bench/core.sh --claims [rounds claimants quantity pool]
#                                          # claims under contention on PostgreSQL against a one-row-update
#                                          # baseline (ClaimContention; defaults 30 200 10 16), not JMH
#   bench/core.sh --alerts [active measured pool]
#                                          # check-in alert latency on PostgreSQL in real time, from deadline to
#                                          # alert raised (AlertLatency; defaults 10000 200 8), not JMH
#
# Defaults: 1 fork, 3 warm-up iterations of 2 s, 5 measured iterations of 2 s, results as JSON in
# core/target/bench/jmh-results.json. Any of these given on the command line replaces the default.
#
# The benchmarks run on in-memory stores, on embedded H2 and on PostgreSQL (their `store` parameter). PostgreSQL
# is the server named by DOORSTEP_TEST_POSTGRES_URL (and _USER, _PASSWORD); when that is unset, a throwaway
# server is installed if need be, started for this run and removed at its end (.ci/postgres.sh).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if [[ -z "${DOORSTEP_TEST_POSTGRES_URL:-}" ]]; then
    # shellcheck source=../.ci/postgres.sh
    source .ci/postgres.sh
    # Called in a list so the errexit and pipefail above stay out of a script written without them; its EXIT
    # trap stops and removes the server, so java below must not replace this shell (no exec).
    start_postgres || { echo "bench/core.sh: could not start PostgreSQL" >&2; exit 1; }
fi

classpath_file=core/target/bench/classpath.txt
mvn -q -B -Pbench -pl core -am test-compile
mvn -q -B -Pbench -pl core dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$root/$classpath_file"
classpath="core/target/bench/test-classes:core/target/bench/classes:$(cat "$classpath_file")"

if [[ "${1:-}" == "--claims" ]]; then
    shift
    java -cp "$classpath" community.doorstep.bench.ClaimContention "$@"
    exit 0
fi

if [[ "${1:-}" == "--alerts" ]]; then
    shift
    java -cp "$classpath" community.doorstep.bench.AlertLatency "$@"
    exit 0
fi

given() {
    local option="$1" arg
    shift
    for arg in "$@"; do
        if [[ "$arg" == "$option" ]]; then
            return 0
        fi
    done
    return 1
}

defaults=()
given -f "$@" || defaults+=(-f 1)
given -wi "$@" || defaults+=(-wi 3)
given -w "$@" || defaults+=(-w 2s)
given -i "$@" || defaults+=(-i 5)
given -r "$@" || defaults+=(-r 2s)
given -rf "$@" || defaults+=(-rf json)
given -rff "$@" || defaults+=(-rff core/target/bench/jmh-results.json)

java -cp "$classpath" org.openjdk.jmh.Main "${defaults[@]}" "$@"
