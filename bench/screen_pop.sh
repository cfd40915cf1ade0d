#!/usr/bin/env bash
# Screen-pop throughput and latency: GET /api/v1/customers?phone=... through the real `hub run`, with wrk
# (16 connections, keep-alive, bench/screen_pop.lua writing each number in one of six forms), against a
# store of N customers with a mobile and a landline each, on SQLite and on a throwaway PostgreSQL on
# loopback; next to the ceiling measured in the same run: nginx serving a small static file on loopback.
# The store is filled by generated SQL (the look-up reads the e164 column the store's writer fills; the
# bench writes it directly, in the same form), then analyzed. Prints wrk's requests/s and latency
# percentiles per target, with the machine and its load, and for the hub its own CPU time per request (user
# and system, from /proc: steadier than requests/s on a shared machine).
# Usage: bench/screen_pop.sh [customers] [seconds per target]   (default 1000000 10)
# Environment: SCREEN_POP_ENGINES (default "sqlite postgresql") the stores to measure; SCREEN_POP_RUNTIME a
# <runtime .../> element for the hub's configuration (default none: the default threads); SCREEN_POP_PERF a
# folder: the hub is profiled under load there (perf record -e cpu-clock -g, one <engine>.perf.data each).
# Needs a built tree (scripts/build.sh: hub) and the Debian packages wrk and nginx (scripts/build.sh).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
customers="${1:-1000000}"
seconds="${2:-10}"
engines="${SCREEN_POP_ENGINES:-sqlite postgresql}"
runtime="${SCREEN_POP_RUNTIME:-}"
build="${HUB_BUILD_DIR:-$root/build}"
work="$(mktemp -d /tmp/hub-screen-pop.XXXXXX)"
chmod 755 "$work"  # nginx's workers run as nobody
# shellcheck source=../scripts/lib/test_servers.sh
source "$root/scripts/lib/test_servers.sh"
started=()
cleanup() {
  local pid
  for pid in "${started[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  stop_servers
  rm -rf "$work"
}
trap cleanup EXIT

token="screen-pop-$RANDOM$RANDOM"
token_sha256="$(printf %s "$token" | sha256sum | cut -d' ' -f1)"

wait_for_port() {
  local log="$1" pattern="$2" port=""
  for _ in $(seq 1 600); do
    port="$(sed -n "s/$pattern/\1/p" "$log" 2>/dev/null | head -n 1)"
    [ -n "$port" ] && { echo "$port"; return 0; }
    sleep 0.1
  done
  echo "screen_pop: nothing listening; $log says:" >&2
  cat "$log" >&2
  return 1
}

# The user and system CPU time of process `pid` so far, in clock ticks (/proc/PID/stat fields 14 and 15).
cpu_ticks() { sed 's/^.*) //' "/proc/$1/stat" | cut -d' ' -f12,13; }

# Loads with wrk: its arguments after the common ones (options, the URL, then -- and the script's). With
# `pid` (the server's process) it also prints that process's CPU time per request answered.
load_test() {
  local label="$1" pid="$2" out="$work/wrk.out" before after
  shift 2
  echo "== ${pid:+hub }$label: wrk -t2 -c16 -d${seconds}s --latency $*"
  local perf_pid=""
  if [ -n "$pid" ] && [ -n "${SCREEN_POP_PERF:-}" ]; then
    perf record -q -e cpu-clock -g -p "$pid" -o "$SCREEN_POP_PERF/$label.perf.data" 2>/dev/null &
    perf_pid=$!
  fi
  [ -n "$pid" ] && before="$(cpu_ticks "$pid")"
  wrk -t2 -c16 -d"${seconds}s" --latency "$@" >"$out"
  [ -n "$pid" ] && after="$(cpu_ticks "$pid")"
  if [ -n "$perf_pid" ]; then
    kill -INT "$perf_pid"
    wait "$perf_pid" || true
  fi
  sed -n '/Latency/,$p' "$out"
  if [ -n "$pid" ]; then
    local requests tick_us
    requests="$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' "$out")"
    tick_us=$((1000000 / $(getconf CLK_TCK)))
    read -r user_before system_before <<<"$before"
    read -r user_after system_after <<<"$after"
    echo "hub CPU per request: $(((user_after - user_before) * tick_us / requests)) us user +" \
      "$(((system_after - system_before) * tick_us / requests)) us system ($requests requests)"
  fi
  echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
}

nginx_ceiling() {
  local dir="$work/nginx" port
  mkdir -p "$dir/www" "$dir/tmp"
  chmod -R 755 "$dir"
  # A static answer of the size of a screen-pop card.
  python3 -c 'import json; print(json.dumps({"count": 1, "customers": [{"id": 1, "name": "x" * 400}]}))' \
    >"$dir/www/card.json"
  port="$(free_loopback_port)"
  cat >"$dir/nginx.conf" <<CONF
worker_processes auto;
daemon off;
pid $dir/nginx.pid;
error_log $dir/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $dir/tmp/body;
  proxy_temp_path $dir/tmp/proxy;
  fastcgi_temp_path $dir/tmp/fastcgi;
  uwsgi_temp_path $dir/tmp/uwsgi;
  scgi_temp_path $dir/tmp/scgi;
  keepalive_requests 100000000;
  server { listen 127.0.0.1:$port; root $dir/www; }
}
CONF
  nginx -c "$dir/nginx.conf" -p "$dir" 2>"$dir/stderr.log" &
  local pid=$!
  started+=("$pid")
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/card.json" >/dev/null && break; sleep 0.1; done
  load_test "nginx, static file of $(stat -c %s "$dir/www/card.json") bytes" "" "http://127.0.0.1:$port/card.json"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
}

fill_sqlite() {
  sqlite3 "$1" <<SQL
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $customers)
INSERT INTO parties (id, kind, name, name_normalized, status, country)
SELECT i, 'organization', 'Customer ' || i || ' Trading Co', 'customer ' || i || ' trading co', 'active', 'CN' FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $customers)
INSERT INTO phones (party_id, kind, raw, e164, is_primary)
SELECT i, 'mobile', '138 ' || printf('%08d', i), '+86138' || printf('%08d', i), 1 FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $customers)
INSERT INTO phones (party_id, kind, raw, e164, is_primary)
SELECT i, 'landline', '(010)6' || printf('%07d', i % 10000000), '+86106' || printf('%07d', i % 10000000), 0 FROM n;
COMMIT;
ANALYZE;
SQL
}

fill_postgres() {
  "$pg_bin/psql" -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$HUB_TEST_PG_PORT" -U postgres -d "$1" <<SQL
INSERT INTO parties (id, kind, name, name_normalized, status, country)
SELECT i, 'organization', 'Customer ' || i || ' Trading Co', 'customer ' || i || ' trading co', 'active', 'CN'
FROM generate_series(1, $customers) i;
INSERT INTO phones (party_id, kind, raw, e164, is_primary)
SELECT i, 'mobile', '138 ' || lpad(i::text, 8, '0'), '+86138' || lpad(i::text, 8, '0'), TRUE
FROM generate_series(1, $customers) i;
INSERT INTO phones (party_id, kind, raw, e164, is_primary)
SELECT i, 'landline', '(010)6' || lpad((i % 10000000)::text, 7, '0'), '+86106' || lpad((i % 10000000)::text, 7, '0'), FALSE
FROM generate_series(1, $customers) i;
ANALYZE;
SQL
}

# Runs `hub run` on `store` (filled by `fill` with its argument `target`) and loads its screen pop.
measure_hub() {
  local label="$1" store="$2" fill="$3" target="$4" dir="$work/$1" port pid started_at
  mkdir -p "$dir"
  cat >"$dir/hub.xml" <<XML
<hub name="screen-pop-bench">
  <store><connection>$store</connection></store>
  <plugins dir="$build/plugins" system="false"/>
  $runtime
  <api address="127.0.0.1" port="0">
    <auth required="true"><token name="bench" role="read" sha256="$token_sha256"/></auth>
  </api>
</hub>
XML
  "$build/bin/hub" db migrate --config "$dir/hub.xml" >"$dir/migrate.log" 2>&1 || { cat "$dir/migrate.log" >&2; return 1; }
  started_at=$(date +%s%N)
  "$fill" "$target"
  echo "$label: filled $customers customers and $((2 * customers)) phones in $((($(date +%s%N) - started_at) / 1000000)) ms"
  "$build/bin/hub" run --config "$dir/hub.xml" >"$dir/hub.log" 2>&1 &
  pid=$!
  started+=("$pid")
  port="$(wait_for_port "$dir/hub.log" '.*API listening on http:\/\/127\.0\.0\.1:\([0-9]*\).*')"
  # Each of the Lua script's forms finds its customer.
  local sample=$(((customers + 1) / 2)) mobile landline
  mobile="$(printf %08d "$sample")"
  landline="$(printf %07d $((sample % 10000000)))"
  local forms=("%2B86%20138%20${mobile:0:4}%20${mobile:4}" "0086-138$mobile" "138$mobile" "(010)6$landline"
               "010-6${landline:0:3}-${landline:3}%20ext.%2012" "%2B86%2010%206$landline")
  for form in "${forms[@]}"; do
    curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/customers?phone=$form" \
      | grep -q "\"count\":1,.*\"id\":$sample," || { echo "screen_pop: $form did not find customer $sample" >&2; return 1; }
  done
  load_test "$label" "$pid" -H "Authorization: Bearer $token" -s "$root/bench/screen_pop.lua" \
    "http://127.0.0.1:$port/api/v1/customers" -- "$customers"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
}

echo "machine: $(nproc) vCPUs, $(lscpu | sed -n 's/^Model name: *//p'), $(uptime)"
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'), hub at $(git -C "$root" rev-parse --short HEAD)"
nginx_ceiling
if [[ " $engines " == *" sqlite "* ]]; then
  measure_hub sqlite "Driver=SQLite3;Database=$work/sqlite/hub.db" fill_sqlite "$work/sqlite/hub.db"
fi
if [[ " $engines " == *" postgresql "* ]]; then
  start_postgres >/dev/null
  as_server_user "$pg_bin/createdb" -h 127.0.0.1 -p "$HUB_TEST_PG_PORT" -U postgres hub_screen_pop
  measure_hub postgresql "${HUB_TEST_PG_ODBC/Database=hub_test/Database=hub_screen_pop}" fill_postgres hub_screen_pop
fi
echo "after: $(uptime)"
