# The measuring half of the API benchmarks (bench/screen_pop.sh, bench/lead_intake.sh): a store of N generated
# customers on SQLite or on the throwaway PostgreSQL of scripts/lib/test_servers.sh, the real `hub run` on it,
# wrk with 2 threads and 16 keep-alive connections, and the ceiling measured in the same run — nginx serving a
# static file of the answer's size on loopback. For the hub it also prints its own CPU time per request (user
# and system, from /proc: steadier than requests/s on a shared machine).
#
# The caller sets `root` (the checkout), `build` (the build tree), `work` (a scratch folder, mode 755 so that
# nginx's workers can read it), `customers`, `seconds`, `runtime` (a <runtime .../> element or empty), `bench`
# (a short name for messages) and optionally `api_perf` (a folder: the hub is profiled under load there, perf
# record -e cpu-clock -g, one <label>.perf.data each) and `statements` (N: PostgreSQL's N statements that took
# the most time under load, from pg_stat_statements); it sources scripts/lib/test_servers.sh, then this file,
# and calls `trap api_load_cleanup EXIT`.

api_started=()
[ -n "${statements:-}" ] && export HUB_TEST_PG_SETTINGS="-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track_planning=on"

# Runs `sql` in the bench's PostgreSQL database, printing its rows.
pg_statements() { "$pg_bin/psql" -h 127.0.0.1 -p "$HUB_TEST_PG_PORT" -U postgres -d "hub_$bench" -c "$1"; }

# With `statements` set, forgets PostgreSQL's statistics (before a load) or prints its costliest statements
# (after one): `statement_costs reset|report LABEL`.
statement_costs() {
  [ "$2" = postgresql ] && [ -n "${statements:-}" ] || return 0
  if [ "$1" = reset ]; then
    pg_statements "CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset()" >/dev/null
  else
    pg_statements "SELECT calls, round(total_exec_time::numeric / NULLIF(calls, 0) * 1000) AS us_per_call, round(total_exec_time::numeric) AS ms, round(total_plan_time::numeric / NULLIF(plans, 0) * 1000) AS us_per_plan, plans, left(regexp_replace(query, '\s+', ' ', 'g'), 160) FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT $statements"
  fi
}
api_load_cleanup() {
  local pid
  for pid in "${api_started[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  stop_servers
  rm -rf "$work"
}

# A token of `role` for the hub's configuration: `api_token` to send, `api_token_sha256` to configure.
api_token="$bench-$RANDOM$RANDOM"
api_token_sha256="$(printf %s "$api_token" | sha256sum | cut -d' ' -f1)"

wait_for_port() {
  local log="$1" pattern="$2" port=""
  for _ in $(seq 1 600); do
    port="$(sed -n "s/$pattern/\1/p" "$log" 2>/dev/null | head -n 1)"
    [ -n "$port" ] && { echo "$port"; return 0; }
    sleep 0.1
  done
  echo "$bench: nothing listening; $log says:" >&2
  cat "$log" >&2
  return 1
}

# The user and system CPU time of process `pid` so far, in clock ticks (/proc/PID/stat fields 14 and 15).
cpu_ticks() { sed 's/^.*) //' "/proc/$1/stat" | cut -d' ' -f12,13; }

# The user and system CPU time so far of the throwaway PostgreSQL start_postgres started last (its postmaster and
# every backend), in clock ticks; nothing when none runs.
postgres_cpu_ticks() {
  local dir postmaster user=0 system=0 u s pid
  [ ${#test_server_dirs[@]} -gt 0 ] || return 0
  dir="${test_server_dirs[-1]}"
  [ -f "$dir/data/postmaster.pid" ] || return 0
  postmaster="$(head -n 1 "$dir/data/postmaster.pid")"
  for pid in "$postmaster" $(pgrep -P "$postmaster"); do
    read -r u s <<<"$(cpu_ticks "$pid" 2>/dev/null || echo "0 0")"
    user=$((user + u))
    system=$((system + s))
  done
  echo "$user $system"
}

# "<label> CPU per request: … us user + … us system (N requests)" from two "user system" tick readings.
print_cpu_per_request() {
  local label="$1" before="$2" after="$3" requests="$4" tick_us user_before system_before user_after system_after
  tick_us=$((1000000 / $(getconf CLK_TCK)))
  read -r user_before system_before <<<"$before"
  read -r user_after system_after <<<"$after"
  echo "$label CPU per request: $(((user_after - user_before) * tick_us / requests)) us user +" \
    "$(((system_after - system_before) * tick_us / requests)) us system ($requests requests)"
}

# Loads with wrk: its arguments after the common ones (options, the URL, then -- and the script's). With
# `pid` (the server's process) it also prints that process's CPU time per request answered, and the CPU time
# the PostgreSQL behind it spent per request when start_postgres started one.
load_test() {
  local label="$1" pid="$2" out="$work/wrk.out" before after db_before db_after
  shift 2
  echo "== ${pid:+hub }$label: wrk -t2 -c16 -d${seconds}s --latency $*"
  local perf_pid=""
  if [ -n "$pid" ] && [ -n "${api_perf:-}" ]; then
    perf record -q -e cpu-clock -g -p "$pid" -o "$api_perf/$label.perf.data" 2>/dev/null &
    perf_pid=$!
  fi
  statement_costs reset "$label"
  [ -n "$pid" ] && before="$(cpu_ticks "$pid")" && db_before="$(postgres_cpu_ticks)"
  wrk -t2 -c16 -d"${seconds}s" --latency "$@" >"$out"
  [ -n "$pid" ] && after="$(cpu_ticks "$pid")" && db_after="$(postgres_cpu_ticks)"
  if [ -n "$perf_pid" ]; then
    kill -INT "$perf_pid"
    wait "$perf_pid" || true
  fi
  sed -n '/Latency/,$p' "$out"
  if [ -n "$pid" ]; then
    local requests
    requests="$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' "$out")"
    print_cpu_per_request hub "$before" "$after" "$requests"
    [ -n "$db_before" ] && print_cpu_per_request PostgreSQL "$db_before" "$db_after" "$requests"
  fi
  statement_costs report "$label"
  echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# The ceiling: nginx serving `file`, a JSON answer written by the caller, with the same wrk command.
nginx_ceiling() {
  local answer="$1" dir="$work/nginx" port
  mkdir -p "$dir/www" "$dir/tmp"
  chmod -R 755 "$dir"
  printf '%s\n' "$answer" >"$dir/www/answer.json"
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
  api_started+=("$pid")
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/answer.json" >/dev/null && break; sleep 0.1; done
  load_test "nginx, static file of $(stat -c %s "$dir/www/answer.json") bytes" "" "http://127.0.0.1:$port/answer.json"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
}

# The generated store: customer i (1..N) is "Customer i Trading Co" with the mobile +86 138 i (8 digits) and the
# landline +86 10 6 (i mod 10^7, 7 digits), the e164 column written directly in the writer's form, then analyzed.
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
VACUUM ANALYZE;
SQL
}

# start_hub LABEL STORE FILL TARGET [CONFIG_EXTRA]: writes the hub's configuration for the store's connection
# string STORE (with CONFIG_EXTRA inside <hub>: <leads>, say), migrates, fills the store with FILL TARGET, starts
# `hub run` and sets `hub_pid` and `hub_port`. The token is of role `api_role` (read unless the caller says).
start_hub() {
  local label="$1" store="$2" fill="$3" target="$4" extra="${5:-}" dir="$work/$1" started_at
  mkdir -p "$dir"
  cat >"$dir/hub.xml" <<XML
<hub name="$bench-bench">
  <store><connection>$store</connection></store>
  <plugins dir="$build/plugins" system="false"/>
  $runtime
  <api address="127.0.0.1" port="0">
    <auth required="true"><token name="bench" role="${api_role:-read}" sha256="$api_token_sha256"/></auth>
  </api>
  $extra
</hub>
XML
  "$build/bin/hub" db migrate --config "$dir/hub.xml" >"$dir/migrate.log" 2>&1 || { cat "$dir/migrate.log" >&2; return 1; }
  started_at=$(date +%s%N)
  "$fill" "$target"
  echo "$label: filled $customers customers and $((2 * customers)) phones in $((($(date +%s%N) - started_at) / 1000000)) ms"
  "$build/bin/hub" run --config "$dir/hub.xml" >"$dir/hub.log" 2>&1 &
  hub_pid=$!
  api_started+=("$hub_pid")
  hub_port="$(wait_for_port "$dir/hub.log" '.*API listening on http:\/\/127\.0\.0\.1:\([0-9]*\).*')"
}

stop_hub() {
  kill "$hub_pid"
  wait "$hub_pid" 2>/dev/null || true
}

# for_each_engine MEASURE: calls `MEASURE LABEL STORE FILL TARGET` for each engine of `engines` ("sqlite
# postgresql" by default), the PostgreSQL one in a database of its own.
for_each_engine() {
  local measure="$1"
  if [[ " ${engines:-sqlite postgresql} " == *" sqlite "* ]]; then
    mkdir -p "$work/sqlite"
    "$measure" sqlite "Driver=SQLite3;Database=$work/sqlite/hub.db" fill_sqlite "$work/sqlite/hub.db"
  fi
  if [[ " ${engines:-sqlite postgresql} " == *" postgresql "* ]]; then
    start_postgres >/dev/null
    as_server_user "$pg_bin/createdb" -h 127.0.0.1 -p "$HUB_TEST_PG_PORT" -U postgres "hub_$bench"
    "$measure" postgresql "${HUB_TEST_PG_ODBC/Database=hub_test/Database=hub_$bench}" fill_postgres "hub_$bench"
  fi
}
