#!/usr/bin/env bash
# Embed benchmark: time to the first painted widget (median of RUNS page loads, cold and warm cache), the
# requests one widget costs, and gzip(embed.min.js), in Debian's headless Chromium through playwright-core.
# Starts the demo the way .ci/browser-tests.sh does (free loopback port, throwaway data directory,
# --allow-origin for the host page), then js-embed/bench/first-paint.mjs serves the host page and measures.
#   bench/embed.sh              RUNS=20 by default
#   RUNS=50 bench/embed.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$chromium" ] || { echo "bench/embed.sh: Chromium is missing at $chromium (apt-get install chromium)" >&2; exit 1; }
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || { echo "bench/embed.sh: Node.js 18+ and npm are needed" >&2; exit 1; }

if [ ! -d js-embed/node_modules/playwright-core ]; then
  echo "== npm ci in js-embed"
  (cd js-embed && npm ci --no-audit --no-fund --loglevel=error)
fi

# the launcher rebuilds itself when Java sources change; the embed scripts live outside src/main, so check them too
jar="samples/target/doorstep-samples.jar"
if [ ! -f "$jar" ] || [ ! -f js-embed/target/classes/community/doorstep/embed/embed.min.js ] \
    || [ -n "$(find js-embed/src js-embed/pom.xml -newer "$jar" -print -quit)" ]; then
  echo "== building the launcher"
  mvn -q -B -DskipTests -pl samples -am package
fi

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}
demo_port="$(free_port)"
host_port="$(free_port)"
while [ "$host_port" = "$demo_port" ]; do host_port="$(free_port)"; done
work="$(mktemp -d)"
demo_pid=""
cleanup() {
  if [ -n "$demo_pid" ]; then
    kill "$demo_pid" 2>/dev/null || true
    wait "$demo_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== starting the demo on 127.0.0.1:$demo_port (host page on 127.0.0.1:$host_port)"
./doorstep demo --host 127.0.0.1 --port "$demo_port" --data "$work/data" \
  --allow-origin "http://127.0.0.1:$host_port" >"$work/demo.log" 2>&1 &
demo_pid=$!
for _ in $(seq 1 300); do
  grep -q "Doorstep demo is running." "$work/demo.log" && break
  if ! kill -0 "$demo_pid" 2>/dev/null; then
    cat "$work/demo.log" >&2
    echo "bench/embed.sh: the demo did not start" >&2
    exit 1
  fi
  sleep 1
done
grep -q "Doorstep demo is running." "$work/demo.log" || { cat "$work/demo.log" >&2; echo "bench/embed.sh: the demo did not start in time" >&2; exit 1; }

echo "== machine: nproc $(nproc), $("$chromium" --version 2>/dev/null | head -1)"
(cd js-embed && DOORSTEP_BASE="http://127.0.0.1:$demo_port" HOST_PORT="$host_port" CHROMIUM_PATH="$chromium" \
  RUNS="${RUNS:-20}" node bench/first-paint.mjs)
