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

# shellcheck source=embed-demo.sh
source .ci/embed-demo.sh

# No test may depend on today's date: the demo runs on a fixed clock, and the suite runs at three of them
# (a short month, December, and the week the UK's clocks go forward). DOORSTEP_DEMO_NOW picks one alone.
for now in ${DOORSTEP_DEMO_NOW:-2027-02-10T10:00:00Z 2026-12-01T10:00:00Z 2027-03-27T10:00:00Z}; do
  DOORSTEP_DEMO_NOW="$now"
  start_embed_demo "browser tests"
  echo "== browser tests, the demo's clock at $now"
  (cd js-embed && DOORSTEP_BASE="http://127.0.0.1:$demo_port" HOST_PORT="$host_port" CHROMIUM_PATH="$chromium" \
    node --test --test-concurrency=1 --test-reporter=spec test/*.test.mjs)
  stop_embed_demo
done
