# Throwaway servers for the tests, on loopback only. Sourced by scripts/test.sh.
# start_postgres: a fresh cluster (initdb into a temporary folder, as an unprivileged user, on a free port);
# exports HUB_TEST_PG_PORT and HUB_TEST_PG_ODBC (an ODBC connection string for psqlODBC). HUB_TEST_PG_SETTINGS,
# when set, adds server settings ("-c shared_preload_libraries=pg_stat_statements", say).
# start_mail_servers: Dovecot and Postfix (scripts/lib/mail_servers.sh says what they serve and export).
# stop_servers: stops whatever was started and removes its folders.

pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
test_server_dirs=()

free_loopback_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 20000))
    if [ -z "$(ss -Hltn "sport = :$port" 2>/dev/null)" ]; then
      echo "$port"
      return 0
    fi
  done
  echo "no free loopback port found" >&2
  return 1
}

as_server_user() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
  local dir port
  dir="$(mktemp -d /tmp/hub-test-pg.XXXXXX)"
  test_server_dirs+=("$dir")
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
  port="$(free_loopback_port)"
  as_server_user "$pg_bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; return 1; }
  as_server_user "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off ${HUB_TEST_PG_SETTINGS:-}" \
    start >/dev/null || { cat "$dir/server.log" >&2; return 1; }
  as_server_user "$pg_bin/createdb" -h 127.0.0.1 -p "$port" -U postgres hub_test
  export HUB_TEST_PG_PORT="$port"
  export HUB_TEST_PG_ODBC="Driver={PostgreSQL Unicode};Server=127.0.0.1;Port=$port;Database=hub_test;Uid=postgres;Pwd=;"
  echo "test.sh: PostgreSQL on 127.0.0.1:$port"
}

# shellcheck source=mail_servers.sh
source "$(dirname "${BASH_SOURCE[0]}")/mail_servers.sh"

stop_servers() {
  local dir
  stop_mail_servers
  for dir in "${test_server_dirs[@]}"; do
    if [ -d "$dir/data" ]; then
      as_server_user "$pg_bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
  done
  test_server_dirs=()
}
