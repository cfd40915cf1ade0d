#!/usr/bin/env bash
# Would writing a batch over two PostgreSQL connections at once make a first load faster? The upper bound:
# the raw insert of the same rows a first load writes (bench_store_rows_insert, see sync_throughput.sh), once
# for all `rows` customers over one connection, then for two disjoint halves at the same time, each over its
# own connection into a database of its own (no shared table or index, so no contention between them: the
# best two connections could do). Prints records/s and the server's CPU for each, and the load.
# Usage: bench/parallel_writers.sh [rows] (default 200000). Needs a built tree; HUB_BUILD_DIR names another.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rows="${1:-200000}"
half=$((rows / 2))
plugins="${HUB_BUILD_DIR:-$root/build}/plugins"
same_rows_bench="${HUB_BUILD_DIR:-$root/build}/bin/bench_store_rows_insert"
work="$(mktemp -d /tmp/hub-parallel-bench.XXXXXX)"
# shellcheck source=../scripts/lib/test_servers.sh
source "$root/scripts/lib/test_servers.sh"
# shellcheck source=customers_job.sh
source "$root/bench/customers_job.sh"
trap 'stop_servers; rm -rf "$work"' EXIT

# config NAME CSV DATABASE: a configuration of the customers job reading CSV into DATABASE.
config() {
  customers_config "${HUB_TEST_PG_ODBC/Database=hub_test/Database=$3}" "$2" "$work/$1.xml"
  as_server_user "$pg_bin/createdb" -h 127.0.0.1 -p "$HUB_TEST_PG_PORT" -U postgres "$3"
}

python3 "$root/bench/customers_csv.py" "$rows" >"$work/all.csv"
python3 "$root/bench/customers_csv.py" "$half" >"$work/first.csv"
python3 "$root/bench/customers_csv.py" "$half" "$half" >"$work/second.csv"
start_postgres >/dev/null
config one "$work/all.csv" hub_one
config first "$work/first.csv" hub_first
config second "$work/second.csv" hub_second

# seconds OUTPUT: the timed seconds bench_store_rows_insert printed ("... records in 12.34 s, ...").
seconds() { sed -n 's/.* records in \([0-9.]*\) s.*/\1/p' <<<"$1"; }

echo "load before: $(uptime)"
cpu=$(server_cpu)
one=$("$same_rows_bench" "$work/one.xml" customers)
echo "$one"
python3 -c "import sys; s=float(sys.argv[1]); print(f'one connection: {int(sys.argv[2])/s:,.0f} records/s ({s:.2f} s; server CPU {float(sys.argv[4])-float(sys.argv[3]):.2f} s, migration included)')" \
  "$(seconds "$one")" "$rows" "$cpu" "$(server_cpu)"

cpu=$(server_cpu)
"$same_rows_bench" "$work/first.xml" customers >"$work/first.out" &
first=$!
second=$("$same_rows_bench" "$work/second.xml" customers)
wait "$first"
echo "$(cat "$work/first.out")"
echo "$second"
# Both precompute the same number of rows before their timed part, so the timed parts run side by side.
python3 -c "import sys; s=max(float(sys.argv[1]), float(sys.argv[2])); print(f'two connections, half each at once: {int(sys.argv[3])/s:,.0f} records/s ({s:.2f} s for both; server CPU {float(sys.argv[5])-float(sys.argv[4]):.2f} s, migrations included)')" \
  "$(seconds "$(cat "$work/first.out")")" "$(seconds "$second")" "$rows" "$cpu" "$(server_cpu)"
echo "load after: $(uptime)"
