#!/usr/bin/env bash
# Lead intake throughput and latency: POST /api/v1/leads through the real `hub run` (each lead checked against
# the store's customers, classified, routed to an owner of the HR data, stored with its stage history and its
# events), with wrk (16 connections, keep-alive, bench/lead_intake.lua: a new lead per request, half of them
# from known customers), against a store of N customers with a mobile and a landline each and a sales team of
# `HUB_BENCH_OWNERS` (default 50) salespeople, on SQLite and on a throwaway PostgreSQL on loopback; next to the
# ceiling measured in the same run: nginx serving a static file of the answer's size (bench/lib/api_load.sh).
# Prints wrk's requests/s and latency percentiles per target, the machine and its load, the hub's CPU time per
# lead, and the leads the store holds afterwards (every 2xx answer is one stored lead).
# Usage: bench/lead_intake.sh [customers] [seconds per target]   (default 1000000 10)
# Environment: LEAD_INTAKE_ENGINES (default "postgresql sqlite"), LEAD_INTAKE_RUNTIME a <runtime .../> element,
# LEAD_INTAKE_PERF a folder: the hub is profiled under load there (perf record -e cpu-clock -g);
# LEAD_INTAKE_STATEMENTS=N: PostgreSQL's N statements that took the most time under load (pg_stat_statements).
# Needs a built tree (scripts/build.sh: hub) and the Debian packages wrk and nginx (scripts/build.sh).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
customers="${1:-1000000}"
seconds="${2:-10}"
engines="${LEAD_INTAKE_ENGINES:-postgresql sqlite}"
runtime="${LEAD_INTAKE_RUNTIME:-}"
api_perf="${LEAD_INTAKE_PERF:-}"
statements="${LEAD_INTAKE_STATEMENTS:-}"
owners="${HUB_BENCH_OWNERS:-50}"
bench=lead_intake
api_role=operate
build="${HUB_BUILD_DIR:-$root/build}"
work="$(mktemp -d /tmp/hub-lead-intake.XXXXXX)"
chmod 755 "$work"  # nginx's workers run as nobody
# shellcheck source=../scripts/lib/test_servers.sh
source "$root/scripts/lib/test_servers.sh"
# shellcheck source=lib/api_load.sh
source "$root/bench/lib/api_load.sh"
trap api_load_cleanup EXIT

# The sales team, as HR's connector would store it: employees of one team with a territory and a speciality each.
team_sql() {
  local i
  echo "INSERT INTO territories (id, code, name, country, province) VALUES (1, 'zj', '浙江', 'CN', '浙江'), (2, 'js', '江苏', 'CN', '江苏');"
  echo "INSERT INTO specialities (id, code, name) VALUES (1, 'manufacturing', '制造业'), (2, 'erp', 'ERP');"
  echo "INSERT INTO teams (id, code, name) VALUES (1, 'east', '华东销售部');"
  for ((i = 1; i <= owners; i++)); do
    echo "INSERT INTO employees (id, employee_number, name, email, status) VALUES ($i, 'S$i', '销售$i', 's$i@example.cn', 'active');"
    echo "INSERT INTO team_members (team_id, employee_id) VALUES (1, $i);"
    echo "INSERT INTO employee_territories (employee_id, territory_id) VALUES ($i, $((i % 2 + 1)));"
    echo "INSERT INTO employee_specialities (employee_id, speciality_id, level) VALUES ($i, $((i % 2 + 1)), $((i % 5 + 1)));"
  done
}

fill_sqlite_with_team() {
  fill_sqlite "$1"
  { echo "BEGIN;"; team_sql; echo "COMMIT;"; } | sqlite3 "$1"
}

fill_postgres_with_team() {
  fill_postgres "$1"
  team_sql | "$pg_bin/psql" -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$HUB_TEST_PG_PORT" -U postgres -d "$1" >/dev/null
}

stored_leads() {
  if [ "$1" = sqlite ]; then
    sqlite3 "$work/sqlite/hub.db" "SELECT COUNT(*), COUNT(owner_employee_id), COUNT(party_id) FROM leads"
  else
    "$pg_bin/psql" -At -h 127.0.0.1 -p "$HUB_TEST_PG_PORT" -U postgres -d "hub_$bench" \
      -c "SELECT COUNT(*), COUNT(owner_employee_id), COUNT(party_id) FROM leads"
  fi
}

measure_lead_intake() {
  local label="$1" store="$2" fill="$3" target="$4"
  start_hub "$label" "$store" "${fill}_with_team" "$target"
  local answer
  answer="$(curl -sf -H "Authorization: Bearer $api_token" -H 'Content-Type: application/json' \
    -d '{"channel":"web","company_name":"Customer 1 Trading Co","mobile":"13800000001","need":"试用"}' \
    "http://127.0.0.1:$hub_port/api/v1/leads")" || { echo "lead_intake: the first lead was refused" >&2; return 1; }
  echo "$label: a known customer's lead answers $answer"
  load_test "$label" "$hub_pid" -s "$root/bench/lead_intake.lua" -H "Authorization: Bearer $api_token" \
    "http://127.0.0.1:$hub_port/api/v1/leads" -- "$customers"
  stop_hub
  echo "$label: leads stored, routed to an owner, attached to a customer: $(stored_leads "$label" | tr '|' ' ')"
}

echo "machine: $(nproc) vCPUs, $(lscpu | sed -n 's/^Model name: *//p'), $(uptime)"
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'), hub at $(git -C "$root" rev-parse --short HEAD)"
# A static answer of the size of an intake's answer.
nginx_ceiling "$(python3 -c 'import json; print(json.dumps({"lead_id": 1, "duplicate_check": {"decision": "x" * 500}}))')"
for_each_engine measure_lead_intake
echo "after: $(uptime)"
