#!/usr/bin/env bash
# End-to-end sync throughput: `hub sync` of a generated customer CSV (Chinese and English names, phones,
# e-mail, tax ids) through the file connector, the mapping and the store sink, into SQLite and into a
# throwaway PostgreSQL on loopback. Prints, per database, rows/s and peak RSS for a first load (all new
# parties) and a re-read of the same file (all unchanged), with their CPU time, next to two raw rates
# measured in the same run: the multi-row ODBC insert of 8-column rows into one table (bench_odbc_insert,
# 250 rows per statement) and the multi-row insert of exactly the rows the first load writes, into the
# migrated schema of a second, empty database, without the engine (bench_store_rows_insert).
# Usage: bench/sync_throughput.sh [rows] (default 1000000). Needs a built tree (scripts/build.sh); HUB_BUILD_DIR
# names another one (a saved build of the code before a change, to compare in one session). HUB_BENCH_ENGINES
# chooses the engines ("sqlite postgresql", the default, or either alone). Prints the load (`uptime`) before
# and after, since the figures are only comparable within a run on a shared machine.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rows="${1:-1000000}"
hub="${HUB_BUILD_DIR:-$root/build}/bin/hub"
raw_bench="${HUB_BUILD_DIR:-$root/build}/bin/bench_odbc_insert"
same_rows_bench="${HUB_BUILD_DIR:-$root/build}/bin/bench_store_rows_insert"
plugins="${HUB_BUILD_DIR:-$root/build}/plugins"
work="$(mktemp -d /tmp/hub-sync-bench.XXXXXX)"
# shellcheck source=../scripts/lib/test_servers.sh
source "$root/scripts/lib/test_servers.sh"
# shellcheck source=customers_job.sh
source "$root/bench/customers_job.sh"
trap 'stop_servers; rm -rf "$work"' EXIT

python3 "$root/bench/customers_csv.py" "$rows" >"$work/customers.csv"

# write_config CONNECTION_STRING [FILE]: the benchmark's configuration, by default $work/hub.xml.
write_config() { customers_config "$1" "$work/customers.csv" "${2:-$work/hub.xml}"; }

measure() { measure_sync "$1" "$work/hub.xml"; }

# same_rows CONFIG: the raw insert of the same rows (bench_store_rows_insert), with the server's CPU on PostgreSQL.
same_rows() {
  local server_before server_after
  server_before=$(server_cpu)
  "$same_rows_bench" "$1" customers
  server_after=$(server_cpu)
  python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); n=int(sys.argv[3]); s > 0 and print(f'  server CPU {s:.2f} s = {s/n*1e6:.1f} us/record')" \
    "$server_before" "$server_after" "$rows"
}

raw_rate() {
  "$raw_bench" --benchmark_filter="^insert/$1/rows_per_statement:250/" --benchmark_min_time=1 2>/dev/null |
    awk -v db="$1" '/rows\/s=/ { match($0, /rows\/s=[0-9.]+[kM]?/); print db ", raw multi-row ODBC insert: " substr($0, RSTART + 7, RLENGTH - 7) " rows/s" }'
}

bench_sqlite() {
  write_config "Driver=SQLite3;Database=$work/hub.db"
  "$hub" db migrate --config "$work/hub.xml" >/dev/null
  measure "sqlite, first load"
  measure "sqlite, unchanged re-read"
  raw_rate sqlite
  write_config "Driver=SQLite3;Database=$work/same_rows.db" "$work/same_rows.xml"
  same_rows "$work/same_rows.xml"
}

bench_postgresql() {
  start_postgres >/dev/null
  write_config "$HUB_TEST_PG_ODBC"
  "$hub" db migrate --config "$work/hub.xml" >/dev/null
  measure "postgresql, first load"
  measure "postgresql, unchanged re-read"
  raw_rate postgresql
  as_server_user "$pg_bin/createdb" -h 127.0.0.1 -p "$HUB_TEST_PG_PORT" -U postgres hub_same_rows
  write_config "${HUB_TEST_PG_ODBC/Database=hub_test/Database=hub_same_rows}" "$work/same_rows.xml"
  same_rows "$work/same_rows.xml"
}

echo "load before: $(uptime)"
for engine in ${HUB_BENCH_ENGINES:-sqlite postgresql}; do
  case "$engine" in
    sqlite | postgresql) "bench_$engine" ;;
    *) echo "HUB_BENCH_ENGINES: unknown engine '$engine'" >&2 && exit 2 ;;
  esac
done
echo "load after: $(uptime)"
