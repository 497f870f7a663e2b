#!/usr/bin/env bash
# Runs the Kamailio integration example end to end on loopback:
#   installs kamailio + modules + sipp when missing (apt-get, as root), starts Shiftwell from this checkout on its
#   own database, creates a site/team/agents/router key through the API, starts Kamailio, registers the agents'
#   phones (sipp UAS), places calls (sipp UAC) and checks the results through the API.
# Exits non-zero on any failure. Environment (all optional):
#   RING_SECONDS        how long Kamailio rings an agent before rejecting with no_answer (default here 4)
#   DATABASE_ADMIN_URL  PostgreSQL server to create the example's database on
#                       (default postgres://postgres@127.0.0.1:5432/test; unreachable -> embedded PostgreSQL)
#   CALLS               answering callers to place (default 40); CALL_RATE calls/s (default 3)
#   API_PORT SIP_PORT   ports on 127.0.0.1 (defaults: a free port, 25060; phones on SIP_PORT+1, +2, +7; sipp clients
#                       on +3..+6, +8)
#   KEEP_WORKDIR=1      keep logs and the database afterwards
#   SHIFTWELL_MODE=reservations  the fallback flow (reserve + retry) even when the service has the queue
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
# a free TCP port on loopback (the machine may be shared)
free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
API_PORT="${API_PORT:-$(free_port)}"
SIP_PORT="${SIP_PORT:-25060}"
PHONE_PORT=$((SIP_PORT + 1))
BUSY_PORT=$((SIP_PORT + 2))
NOANSWER_PORT=$((SIP_PORT + 7))
CALLS="${CALLS:-40}"
CALL_RATE="${CALL_RATE:-3}"
ABANDONS=6 # 3 for Minnan (its agent is not ready), 3 for Shanghainese (its agent's phone is never picked up)
UNROUTABLE=2
HOSTILE=2
DATABASE_ADMIN_URL="${DATABASE_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/test}"
WORK="$(mktemp -d /tmp/shiftwell-kamailio.XXXXXX)"
DB_NAME="shiftwell_kamailio_$$"
PIDS=()
STARTED=$(date +%s)

log() { printf '[%3ss] %s\n' "$(($(date +%s) - STARTED))" "$*"; }

cleanup() {
  local rc=$?
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    kill "${PIDS[i]}" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  if [ "${KEEP_WORKDIR:-0}" != 1 ]; then
    [ -n "${DB_URL:-}" ] && node -e "$DROP_DB" "$DATABASE_ADMIN_URL" "$DB_NAME" 2>/dev/null || true
    [ -n "${PG_DIR:-}" ] && rm -rf "$PG_DIR"
    if [ "$rc" = 0 ]; then rm -rf "$WORK"; else echo "logs kept in $WORK" >&2; fi
  else
    echo "logs in $WORK, database ${DB_URL:-embedded under ${PG_DIR:-?}/data}"
  fi
  exit "$rc"
}
trap cleanup EXIT INT TERM

# ---------------------------------------------------------------- packages
MODDIR=/usr/lib/x86_64-linux-gnu/kamailio/modules
need=()
command -v kamailio >/dev/null 2>&1 || need+=(kamailio)
[ -f "$MODDIR/http_client.so" ] || need+=(kamailio-utils-modules)
[ -f "$MODDIR/jansson.so" ] || need+=(kamailio-extra-modules)
command -v sipp >/dev/null 2>&1 || need+=(sip-tester)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "missing ${need[*]}: install them (apt-get install ${need[*]}) or run as root" >&2
    exit 1
  fi
fi

# ---------------------------------------------------------------- Shiftwell
cd "$ROOT"
if [ ! -f dist/src/main.js ] || [ -n "$(find src -newer dist/src/main.js -name '*.ts' -print -quit)" ]; then
  log "building the service"
  npm run build --silent >/dev/null
fi

CREATE_DB='const {Client}=require("pg");(async()=>{const c=new Client({connectionString:process.argv[1],connectionTimeoutMillis:20000});await c.connect();await c.query(`CREATE DATABASE "${process.argv[2]}"`);await c.end()})().catch(e=>{console.error(e.message);process.exit(1)})'
DROP_DB='const {Client}=require("pg");(async()=>{const c=new Client({connectionString:process.argv[1]});await c.connect();await c.query(`DROP DATABASE IF EXISTS "${process.argv[2]}" WITH (FORCE)`);await c.end()})().catch(()=>process.exit(1))'
if node -e "$CREATE_DB" "$DATABASE_ADMIN_URL" "$DB_NAME" 2>"$WORK/createdb.err"; then
  DB_URL="$(node -e 'const u=new URL(process.argv[1]);u.pathname="/"+process.argv[2];console.log(u.toString())' "$DATABASE_ADMIN_URL" "$DB_NAME")"
  export DATABASE_URL="$DB_URL"
  log "database $DB_NAME on $(node -e 'console.log(new URL(process.argv[1]).host)' "$DATABASE_ADMIN_URL")"
else
  unset DATABASE_URL
  # its own directory, readable by the user embedded-postgres runs initdb as when we are root
  PG_DIR="$(mktemp -d /tmp/shiftwell-kamailio-pg.XXXXXX)"
  chmod 755 "$PG_DIR"
  export DATA_DIR="$PG_DIR/data" EMBEDDED_PG_PORT="$(free_port)"
  log "no PostgreSQL server ($(cat "$WORK/createdb.err")): embedded PostgreSQL under $DATA_DIR"
fi

export SHIFTWELL_URL="http://127.0.0.1:$API_PORT" RING_SECONDS="${RING_SECONDS:-4}"
PORT="$API_PORT" LOG_LEVEL=warn LOG_FILE="$WORK/service.log" NODE_ENV=development \
  node dist/src/main.js >"$WORK/service.out" 2>&1 &
PIDS+=($!)
for i in $(seq 1 120); do
  curl -fsS "$SHIFTWELL_URL/health" >/dev/null 2>&1 && break
  kill -0 "${PIDS[0]}" 2>/dev/null || { cat "$WORK/service.out" >&2; echo "the service did not start" >&2; exit 1; }
  [ "$i" = 120 ] && { echo "the service did not answer /health in 60 s" >&2; exit 1; }
  sleep 0.5
done
log "Shiftwell up on $SHIFTWELL_URL"

export SIP_HOST=127.0.0.1 SIP_PORT PHONE_PORT BUSY_PORT NOANSWER_PORT CALLS
node "$HERE/scenario.mjs" setup "$WORK"
set -a
# shellcheck disable=SC1091
. "$WORK/env"
set +a

# ---------------------------------------------------------------- phones and router
SIPP_COMMON=(-i 127.0.0.1 -nostdin -trace_err -max_recv_loops 1000)
# -deadcall_wait 1: a phone must take a second INVITE of the same Call-ID (the call offered again) as a new call
sipp 127.0.0.1:"$SIP_PORT" -sf "$HERE/sipp/agent-phone.xml" -p "$PHONE_PORT" "${SIPP_COMMON[@]}" -deadcall_wait 1 \
  -error_file "$WORK/phone-errors.log" >"$WORK/phone.out" 2>&1 &
PIDS+=($!)
sipp 127.0.0.1:"$SIP_PORT" -sf "$HERE/sipp/agent-busy.xml" -p "$BUSY_PORT" "${SIPP_COMMON[@]}" -deadcall_wait 1 \
  -error_file "$WORK/busy-errors.log" >"$WORK/busy.out" 2>&1 &
PIDS+=($!)
sipp 127.0.0.1:"$SIP_PORT" -sf "$HERE/sipp/agent-no-answer.xml" -p "$NOANSWER_PORT" "${SIPP_COMMON[@]}" -deadcall_wait 1 \
  -error_file "$WORK/no-answer-errors.log" >"$WORK/no-answer.out" 2>&1 &
PIDS+=($!)

# start_kamailio <log file>: the config's start-up hook logs SW|started (and, with the queue, the resync's answer)
# before SIP is read
start_kamailio() {
  kamailio -f "$HERE/kamailio.cfg" -l "udp:127.0.0.1:$SIP_PORT" -DD -E -w "$WORK" -Y "$WORK" >"$1" 2>&1 &
  KAMAILIO=$!
  PIDS+=("$KAMAILIO")
  for i in $(seq 1 50); do
    grep -q 'SW|started' "$1" 2>/dev/null && break
    kill -0 "$KAMAILIO" 2>/dev/null || { tail -20 "$1" >&2; echo "kamailio did not start" >&2; exit 1; }
    [ "$i" = 50 ] && { tail -20 "$1" >&2; echo "kamailio did not start in 10 s" >&2; exit 1; }
    sleep 0.2
  done
  sleep 0.5
  log "kamailio on udp:127.0.0.1:$SIP_PORT ($SHIFTWELL_MODE mode) $(grep -o 'SW|resync|.*' "$1" | head -1 | cut -d'|' -f6-)"
}
start_kamailio "$WORK/kamailio.log"

sipp 127.0.0.1:"$SIP_PORT" -sf "$HERE/sipp/agent-register.xml" -inf "$WORK/agents.csv" -m "$AGENT_COUNT" \
  -p $((SIP_PORT + 3)) "${SIPP_COMMON[@]}" -timeout 20s -timeout_error >"$WORK/register.out" 2>&1 \
  || { cat "$WORK/register.out" >&2; echo "agent registration failed" >&2; exit 1; }
log "$AGENT_COUNT agent phones registered"

# ---------------------------------------------------------------- calls
{
  echo SEQUENTIAL
  for i in $(seq 1 "$CALLS"); do
    if [ "$i" = 3 ] || [ "$i" = 7 ]; then echo "cmn;0;hostile"
    elif [ $((i % 5)) = 0 ]; then echo "yue;5;calm"
    else echo "cmn;$((i % 3));calm"; fi
  done
} >"$WORK/calls.csv"
printf 'SEQUENTIAL\nnan\nwuu\nnan\nwuu\nnan\nwuu\n' >"$WORK/abandon.csv"
printf 'SEQUENTIAL\nen\n' >"$WORK/unroutable.csv"

log "placing $CALLS calls at $CALL_RATE/s, $ABANDONS callers who give up (Minnan, Shanghainese)$([ "$SHIFTWELL_MODE" = queue ] && echo ", $UNROUTABLE nobody can take (English)")"
sipp 127.0.0.1:"$SIP_PORT" -sf "$HERE/sipp/caller.xml" -inf "$WORK/calls.csv" -m "$CALLS" -r "$CALL_RATE" -l 12 \
  -p $((SIP_PORT + 4)) "${SIPP_COMMON[@]}" -timeout $((60 + CALLS * 2))s -timeout_error \
  -error_file "$WORK/caller-errors.log" >"$WORK/callers.out" 2>&1 &
CALLERS=$!
sipp 127.0.0.1:"$SIP_PORT" -sf "$HERE/sipp/caller-abandon.xml" -inf "$WORK/abandon.csv" -m "$ABANDONS" -r 6 \
  -p $((SIP_PORT + 5)) "${SIPP_COMMON[@]}" -timeout 60s -timeout_error \
  -error_file "$WORK/abandon-errors.log" >"$WORK/abandon.out" 2>&1 &
ABANDONERS=$!
if [ "$SHIFTWELL_MODE" = queue ]; then
  sipp 127.0.0.1:"$SIP_PORT" -sf "$HERE/sipp/caller-unroutable.xml" -inf "$WORK/unroutable.csv" -m "$UNROUTABLE" -r 1 \
    -p $((SIP_PORT + 6)) "${SIPP_COMMON[@]}" -timeout 60s -timeout_error \
    -error_file "$WORK/unroutable-errors.log" >"$WORK/unroutable.out" 2>&1 &
  UNROUTABLERS=$!
fi

ok=1
wait "$CALLERS" || { ok=0; echo "callers: some calls failed (sipp exit $?), see $WORK/callers.out" >&2; }
wait "$ABANDONERS" || { ok=0; echo "abandoning callers failed, see $WORK/abandon.out" >&2; }
if [ "$SHIFTWELL_MODE" = queue ]; then
  wait "$UNROUTABLERS" || { ok=0; echo "unroutable callers failed, see $WORK/unroutable.out" >&2; }
  EXPECTED_UNROUTABLE=$UNROUTABLE
else
  # without the queue, a call nobody can take is retried until the caller gives up: not placed
  EXPECTED_UNROUTABLE=0
fi
log "calls done"
sleep 1 # the last BYE's call.ended

# A router restart: one more call, connected while Kamailio stops and starts again. The new process resyncs with
# no live calls, so Shiftwell ends this one; its BYE still reaches the phone (Record-Route names the same address).
RESTARTS=0
if [ "$SHIFTWELL_MODE" = queue ]; then
  printf 'SEQUENTIAL\ncmn;0;calm\n' >"$WORK/restart.csv"
  answered_before=$(grep -c 'SW|answered' "$WORK/kamailio.log" || true)
  sipp 127.0.0.1:"$SIP_PORT" -sf "$HERE/sipp/caller-through-restart.xml" -inf "$WORK/restart.csv" -m 1 \
    -p $((SIP_PORT + 8)) "${SIPP_COMMON[@]}" -timeout 60s -timeout_error \
    -error_file "$WORK/restart-errors.log" >"$WORK/restart.out" 2>&1 &
  RESTART_CALLER=$!
  for _ in $(seq 1 100); do
    [ "$(grep -c 'SW|answered' "$WORK/kamailio.log" || true)" -gt "$answered_before" ] && break
    sleep 0.1
  done
  log "restarting kamailio with a call connected"
  kill "$KAMAILIO"
  for _ in $(seq 1 50); do kill -0 "$KAMAILIO" 2>/dev/null || break; sleep 0.1; done
  start_kamailio "$WORK/kamailio-restarted.log"
  wait "$RESTART_CALLER" || { ok=0; echo "the call through the restart failed, see $WORK/restart.out" >&2; }
  RESTARTS=1
fi

export EXPECTED="{\"answered\":$((CALLS + RESTARTS)),\"abandoned\":$ABANDONS,\"unroutable\":$EXPECTED_UNROUTABLE,\"hostile\":$HOSTILE,\"endedByResync\":$RESTARTS}"
node "$HERE/scenario.mjs" check "$WORK" || ok=0
log "finished"
[ "$ok" = 1 ]
