#!/usr/bin/env bash
# Screen-pop throughput and latency: GET /api/v1/customers?phone=... through the real `hub run`, with wrk
# (16 connections, keep-alive, bench/screen_pop.lua writing each number in one of six forms), against a
# store of N customers with a mobile and a landline each, on SQLite and on a throwaway PostgreSQL on
# loopback; next to the ceiling measured in the same run: nginx serving a small static file on loopback
# (bench/lib/api_load.sh). Prints wrk's requests/s and latency percentiles per target, with the machine and
# its load, and for the hub its own CPU time per request.
# Usage: bench/screen_pop.sh [customers] [seconds per target]   (default 1000000 10)
# Environment: SCREEN_POP_ENGINES (default "sqlite postgresql") the stores to measure; SCREEN_POP_RUNTIME a
# <runtime .../> element for the hub's configuration (default none: the default threads); SCREEN_POP_PERF a
# folder: the hub is profiled under load there (perf record -e cpu-clock -g, one <engine>.perf.data each);
# SCREEN_POP_STATEMENTS=N: PostgreSQL's N statements that took the most time under load (pg_stat_statements).
# Needs a built tree (scripts/build.sh: hub) and the Debian packages wrk and nginx (scripts/build.sh).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
customers="${1:-1000000}"
seconds="${2:-10}"
engines="${SCREEN_POP_ENGINES:-sqlite postgresql}"
runtime="${SCREEN_POP_RUNTIME:-}"
api_perf="${SCREEN_POP_PERF:-}"
statements="${SCREEN_POP_STATEMENTS:-}"
bench=screen_pop
build="${HUB_BUILD_DIR:-$root/build}"
work="$(mktemp -d /tmp/hub-screen-pop.XXXXXX)"
chmod 755 "$work"  # nginx's workers run as nobody
# shellcheck source=../scripts/lib/test_servers.sh
source "$root/scripts/lib/test_servers.sh"
# shellcheck source=lib/api_load.sh
source "$root/bench/lib/api_load.sh"
trap api_load_cleanup EXIT

# Loads the screen pop of the hub on `store`, after checking that each of the Lua script's forms finds its
# customer.
measure_screen_pop() {
  local label="$1"
  start_hub "$@"
  local sample=$(((customers + 1) / 2)) mobile landline
  mobile="$(printf %08d "$sample")"
  landline="$(printf %07d $((sample % 10000000)))"
  local forms=("%2B86%20138%20${mobile:0:4}%20${mobile:4}" "0086-138$mobile" "138$mobile" "(010)6$landline"
               "010-6${landline:0:3}-${landline:3}%20ext.%2012" "%2B86%2010%206$landline")
  for form in "${forms[@]}"; do
    curl -sf -H "Authorization: Bearer $api_token" "http://127.0.0.1:$hub_port/api/v1/customers?phone=$form" \
      | grep -q "\"count\":1,.*\"id\":$sample," || { echo "screen_pop: $form did not find customer $sample" >&2; return 1; }
  done
  load_test "$label" "$hub_pid" -H "Authorization: Bearer $api_token" -s "$root/bench/screen_pop.lua" \
    "http://127.0.0.1:$hub_port/api/v1/customers" -- "$customers"
  stop_hub
}

echo "machine: $(nproc) vCPUs, $(lscpu | sed -n 's/^Model name: *//p'), $(uptime)"
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'), hub at $(git -C "$root" rev-parse --short HEAD)"
# A static answer of the size of a screen-pop card.
nginx_ceiling "$(python3 -c 'import json; print(json.dumps({"count": 1, "customers": [{"id": 1, "name": "x" * 400}]}))')"
for_each_engine measure_screen_pop
echo "after: $(uptime)"
