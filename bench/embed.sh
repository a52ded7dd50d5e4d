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

# shellcheck source=../.ci/embed-demo.sh
source .ci/embed-demo.sh
start_embed_demo "bench/embed.sh"

echo "== machine: nproc $(nproc), $("$chromium" --version 2>/dev/null | head -1)"
(cd js-embed && DOORSTEP_BASE="http://127.0.0.1:$demo_port" HOST_PORT="$host_port" CHROMIUM_PATH="$chromium" \
  RUNS="${RUNS:-20}" node bench/first-paint.mjs)
