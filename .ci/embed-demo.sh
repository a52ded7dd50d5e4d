#!/usr/bin/env bash
# Sourced by .ci/browser-tests.sh and bench/embed.sh: builds the launcher when the embed scripts or Java
# sources changed, then starts `./doorstep demo` on a free loopback port with a throwaway data directory and its
# clock at DOORSTEP_DEMO_NOW (default 2027-02-10T10:00:00Z, as in js-embed/test/support.mjs),
# allowing a second free port's origin to embed it. Sets demo_port, host_port and work, exports the demo's
# admin token as DOORSTEP_ADMIN_TOKEN; stops the demo and
# removes the directory when the calling shell exits.

start_embed_demo() { # who (for messages)
  local who="$1"
  DOORSTEP_DEMO_NOW="${DOORSTEP_DEMO_NOW:-2027-02-10T10:00:00Z}"
  export DOORSTEP_DEMO_NOW
  # the launcher rebuilds itself when Java sources change; the embed scripts live outside src/main, so check them too
  local jar="samples/target/doorstep-samples.jar"
  if [ ! -f "$jar" ] || [ ! -f js-embed/target/classes/community/doorstep/embed/embed.min.js ] \
      || [ -n "$(find js-embed/src js-embed/pom.xml -newer "$jar" -print -quit)" ]; then
    echo "== building the launcher"
    mvn -q -B -DskipTests -pl samples -am package
  fi

  demo_port="$(free_loopback_port)"
  host_port="$(free_loopback_port)"
  while [ "$host_port" = "$demo_port" ]; do host_port="$(free_loopback_port)"; done
  work="$(mktemp -d)"
  demo_pid=""
  trap stop_embed_demo EXIT

  echo "== starting the demo on 127.0.0.1:$demo_port (host pages on 127.0.0.1:$host_port)"
  # the demo's clock starts at a fixed instant (DOORSTEP_DEMO_NOW), so no test depends on today's date
  ./doorstep demo --host 127.0.0.1 --port "$demo_port" --data "$work/data" --now "$DOORSTEP_DEMO_NOW" \
    --allow-origin "http://127.0.0.1:$host_port" >"$work/demo.log" 2>&1 &
  demo_pid=$!
  for _ in $(seq 1 300); do
    if grep -q "Doorstep demo is running." "$work/demo.log"; then
      # the browser tests check the coordinator's pages too
      DOORSTEP_ADMIN_TOKEN="$(sed -n 's/.*Admin token[^:]*: //p' "$work/demo.log" | head -n 1)"
      export DOORSTEP_ADMIN_TOKEN
      return 0
    fi
    if ! kill -0 "$demo_pid" 2>/dev/null; then
      cat "$work/demo.log" >&2
      echo "$who: the demo did not start" >&2
      exit 1
    fi
    sleep 1
  done
  cat "$work/demo.log" >&2
  echo "$who: the demo did not start in time" >&2
  exit 1
}

free_loopback_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

stop_embed_demo() {
  if [ -n "${demo_pid:-}" ]; then
    kill "$demo_pid" 2>/dev/null || true
    wait "$demo_pid" 2>/dev/null || true
    demo_pid=""
  fi
  rm -rf "${work:-}"
}
