#!/usr/bin/env bash
# Browser tests of the embed script and the widgets: real headless Chromium (Debian's), driven by
# playwright-core, with axe-core, against the real demo server and host pages on a second loopback port.
# Under CI=true anything missing is a failure, never a skip.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

missing() {
  if [ "${CI:-}" = "true" ]; then
    echo "browser tests: $1" >&2
    exit 1
  fi
  echo "browser tests skipped: $1 (under CI=true this fails)" >&2
  exit 0
}

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing Chromium"
    apt-get update -qq && apt-get install -y -qq chromium
  fi
  [ -x "$chromium" ] || missing "Chromium is missing at $chromium (apt-get install chromium)"
fi
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || missing "Node.js 18+ and npm are needed"

echo "== npm ci in js-embed (playwright-core, axe-core)"
(cd js-embed && npm ci --no-audit --no-fund --loglevel=error)

# the launcher rebuilds itself when Java sources change; the embed scripts live outside src/main, so check them too
jar="samples/target/doorstep-samples.jar"
if [ ! -f "$jar" ] || [ -n "$(find js-embed/src js-embed/pom.xml -newer "$jar" -print -quit)" ]; then
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

echo "== starting the demo on 127.0.0.1:$demo_port (host pages on 127.0.0.1:$host_port)"
./doorstep demo --host 127.0.0.1 --port "$demo_port" --data "$work/data" \
  --allow-origin "http://127.0.0.1:$host_port" >"$work/demo.log" 2>&1 &
demo_pid=$!
for _ in $(seq 1 300); do
  grep -q "Doorstep demo is running." "$work/demo.log" && break
  if ! kill -0 "$demo_pid" 2>/dev/null; then
    cat "$work/demo.log" >&2
    echo "browser tests: the demo did not start" >&2
    exit 1
  fi
  sleep 1
done
grep -q "Doorstep demo is running." "$work/demo.log" || { cat "$work/demo.log" >&2; echo "browser tests: the demo did not start in time" >&2; exit 1; }

echo "== browser tests"
(cd js-embed && DOORSTEP_BASE="http://127.0.0.1:$demo_port" HOST_PORT="$host_port" CHROMIUM_PATH="$chromium" \
  node --test --test-concurrency=1 --test-reporter=spec test/*.test.mjs)
