#!/usr/bin/env bash
# HTTP load test of the events widget, the events JSON, the 304 path and the help board, against a static
# servlet on the same Jetty as the baseline, all in one run; then 200 concurrent claims over HTTP on an offer of
# 10, which must leave exactly 10 granted and 190 refused. Starts the demo with extra events on a free loopback port,
# warms each URL up, then measures it with wrk (Debian package `wrk`, installed if missing).
#
#   bench/web.sh                       # defaults: 5,000 extra events, 32 connections, 30 s warm-up, 30 s measured
#   EVENTS=5000 CONNECTIONS=32 WARMUP=30s DURATION=30s THREADS=2 bench/web.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

EVENTS="${EVENTS:-5000}"
CONNECTIONS="${CONNECTIONS:-32}"
WARMUP="${WARMUP:-30s}"
DURATION="${DURATION:-30s}"
THREADS="${THREADS:-2}"

if ! command -v wrk >/dev/null 2>&1; then
  echo "== installing wrk (apt package wrk)"
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq wrk >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq wrk >/dev/null; fi
fi

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
data="$(mktemp -d /tmp/doorstep-load.XXXXXX)"
log="$data/demo.log"
# no write limits: the claims check below sends 200 claims from one address at once
./doorstep demo --host 127.0.0.1 --port "$port" --data "$data/db" --load-test-events "$EVENTS" --no-rate-limits >"$log" 2>&1 &
demo=$!
cleanup() { kill "$demo" 2>/dev/null || true; wait "$demo" 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT

for _ in $(seq 1 180); do
  grep -q "Doorstep demo is running" "$log" && break
  kill -0 "$demo" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 1
done
grep -q "Doorstep demo is running" "$log" || { echo "the demo did not start" >&2; cat "$log" >&2; exit 1; }

base="http://127.0.0.1:$port"
from="$(date -u +%F)"
widget="$base/doorstep/w/hulme/events?from=$from"
json="$base/doorstep/api/v1/sites/hulme/events?from=$from"
count="$(curl -s "$json&limit=1000" | grep -o '"eventId"' | wc -l)"
bytes="$(curl -s "$json" | wc -c)"
etag="$(curl -s -D - -o /dev/null "$json" | tr -d '\r' | awk -F': ' 'tolower($1) == "etag" { print $2 }')"
[ -n "$etag" ] || { echo "the events JSON sent no ETag" >&2; exit 1; }

echo "== Doorstep load test: $EVENTS extra events ($count occurrences in the JSON window; the default page of the"
echo "   events JSON is $bytes bytes), $CONNECTIONS connections,"
echo "   $THREADS wrk threads, warm-up $WARMUP then $DURATION measured per URL; $(nproc) cores, $(java -version 2>&1 | head -1)"

measure() { # name url [header]
  local name="$1" url="$2" header="${3:-}" args=(-t "$THREADS" -c "$CONNECTIONS" --latency)
  [ -n "$header" ] && args+=(-H "$header")
  wrk "${args[@]}" -d "$WARMUP" "$url" >/dev/null
  local out
  out="$(wrk "${args[@]}" -d "$DURATION" "$url")"
  local rps p99 non2xx
  rps="$(awk '/Requests\/sec/ { print $2 }' <<<"$out")"
  p99="$(awk '$1 == "99%" { print $2 }' <<<"$out")"
  non2xx="$(awk '/Non-2xx or 3xx responses/ { print $5 }' <<<"$out")"
  printf '%-28s %12s req/s   p99 %-10s non-2xx/3xx: %s\n' "$name" "$rps" "$p99" "${non2xx:-0}"
  echo "$name $rps" >>"$data/results"
}

measure "static servlet (baseline)" "$base/baseline"
measure "events widget (HTML)" "$widget"
measure "events JSON" "$json"
measure "events JSON, If-None-Match" "$json" "If-None-Match: $etag"
measure "events JSON, limit=200" "$json&limit=200"
measure "help board (HTML)" "$base/doorstep/w/hulme/help"

baseline="$(awk 'NR == 1 { print $NF }' "$data/results")"
awk -v base="$baseline" 'NR > 1 { rps = $NF; $NF = ""; printf "%-28s %6.1f %% of the baseline\n", $0, 100 * rps / base }' "$data/results"

# 200 concurrent claims of one unit over HTTP against an offer of 10: exactly 10 are granted (201), 190 refused (409)
offers="$base/doorstep/api/v1/sites/hulme/offers"
expires="$(date -u -d '+2 days' +%FT%TZ)"
offer="$(curl -s -H 'Content-Type: application/json' -d "{\"title\": \"Load test meals\", \"category\": \"meals\",
  \"area\": \"Hulme\", \"quantity\": 10, \"window\": {\"date\": \"$(date -u -d '+1 day' +%F)\", \"start\": \"17:00\",
  \"end\": \"18:30\"}, \"expiresAt\": \"$expires\", \"giverName\": \"Load test\", \"contact\": \"0161 496 0000\"}" "$offers" \
  | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')"
[ -n "$offer" ] || { echo "could not post the load-test offer" >&2; exit 1; }
started="$(date +%s.%N)"
seq 1 200 | xargs -P 200 -I{} curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H 'Content-Type: application/json' \
  -d '{"quantity": 1, "name": "Resident {}"}' "$offers/$offer/claims" >"$data/claims"
ended="$(date +%s.%N)"
granted="$(grep -c '^201 ' "$data/claims" || true)"
refused="$(grep -c '^409 ' "$data/claims" || true)"
p99="$(awk '{ print $2 }' "$data/claims" | sort -n | awk '{ t[NR] = $1 } END { i = int(NR * 0.99 + 0.999); print t[i] * 1000 }')"
printf '200 concurrent claims over HTTP on an offer of 10: %s granted, %s refused (409), all in %.2f s, p99 %.0f ms\n' \
  "$granted" "$refused" "$(awk -v a="$started" -v b="$ended" 'BEGIN { print b - a }')" "$p99"
[ "$granted" = 10 ] && [ "$refused" = 190 ] || { echo "the offer was oversubscribed or a claim failed otherwise" >&2; exit 1; }
