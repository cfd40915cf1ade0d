#!/usr/bin/env bash
# What matching on arrival costs a sync: `hub sync` of N new customers (bench/customers_csv.py, numbers N..2N-1)
# into a store that already holds N others, after a match run over them — once with the match job's
# on_arrival="true" (the run kept its model and filled the blocking index: every party of the batch is indexed
# and matched in its transaction) and once with on_arrival="false" (the same stores and batches, nothing
# matched), on SQLite and on a throwaway PostgreSQL on loopback. The match run is `hub run` running the match job
# at start (an interval job), stopped once its audit row is written.
# Then, against the on_arrival="true" store (2N parties by then), 2000 one-record batches (bench_arrival_match):
# new customers and copies of existing ones under new ids, each batch timed with and without matching on arrival.
# Usage: bench/arrival_sync.sh [rows] (default 100000). HUB_BUILD_DIR names another build tree; HUB_BENCH_ENGINES
# chooses the engines ("sqlite postgresql", the default, or either alone).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rows="${1:-100000}"
hub="${HUB_BUILD_DIR:-$root/build}/bin/hub"
single_bench="${HUB_BUILD_DIR:-$root/build}/bin/bench_arrival_match"
plugins="${HUB_BUILD_DIR:-$root/build}/plugins"
work="$(mktemp -d /tmp/hub-arrival-sync.XXXXXX)"
# shellcheck source=../scripts/lib/test_servers.sh
source "$root/scripts/lib/test_servers.sh"
# shellcheck source=customers_job.sh
source "$root/bench/customers_job.sh"
trap 'stop_servers; rm -rf "$work"' EXIT

python3 "$root/bench/customers_csv.py" "$rows" >"$work/first.csv"
python3 "$root/bench/customers_csv.py" "$rows" "$rows" >"$work/second.csv"

# audit_rows CONFIG_DIR ENGINE: the match runs audited so far.
audit_rows() {
  local sql="SELECT COUNT(*) FROM audit_log WHERE action = 'match'"
  if [ "$2" = sqlite ]; then
    sqlite3 "$1/hub.db" "$sql"
  else
    "$pg_bin/psql" -tA -h 127.0.0.1 -p "$HUB_TEST_PG_PORT" -U postgres -d "$(basename "$1" | tr - _)" -c "$sql"
  fi
}

# match_once DIR ENGINE: `hub run` until the match job's run at start is audited.
match_once() {
  "$hub" run --config "$1/hub.xml" >"$1/run.log" 2>&1 &
  local pid=$! started
  started=$(date +%s.%N)
  until [ "$(audit_rows "$1" "$2" 2>/dev/null || echo 0)" = 1 ]; do
    kill -0 "$pid" 2>/dev/null || { cat "$1/run.log" >&2; return 1; }
    sleep 0.5
  done
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  echo "  match run over $rows parties: $(python3 -c "import sys,time; print(f'{time.time()-float(sys.argv[1]):.1f} s')" "$started")"
}

# single_records DIR: bench_arrival_match over DIR's store: 1000 new customers (numbers from 2N) and 1000 copies of
# existing ones (every N/1000th of the first load, its id prefixed "D"), in pairs (two new, two copies, ...) so
# that the batches with and without matching on arrival see the same mix.
single_records() {
  python3 - "$work/first.csv" "$rows" "$work/single.csv" "$root/bench/customers_csv.py" <<'PY'
import subprocess, sys
first, rows, out, generator = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
count = 1000
lines = open(first).read().splitlines()
header, existing = lines[0], lines[1:]
new = subprocess.run([sys.executable, generator, str(count), str(2 * rows)], capture_output=True, text=True,
                     check=True).stdout.splitlines()[1:]
copies = ["D" + existing[i * (len(existing) // count)] for i in range(count)]
with open(out, "w") as f:
    print(header, file=f)
    for i in range(0, count, 2):
        print("\n".join(new[i:i + 2] + copies[i:i + 2]), file=f)
PY
  "$single_bench" "$1/hub.xml" customers "$work/single.csv"
}

# variant ENGINE ON_ARRIVAL STORE: a store of the first N customers, a match run, then the second N measured.
variant() {
  local engine="$1" on="$2" dir="$work/$1-$2"
  mkdir -p "$dir"
  customers_config "$3" "$work/first.csv" "$dir/hub.xml"
  # The match job, and an API on a port of its own (hub run serves one).
  sed -i -e "s|  </jobs>|    <job name=\"match\" kind=\"match\" every=\"24h\" on_arrival=\"$on\"/>\n  </jobs>|" \
    -e "s|</hub>|  <api address=\"127.0.0.1\" port=\"0\"/>\n</hub>|" "$dir/hub.xml"
  "$hub" db migrate --config "$dir/hub.xml" >/dev/null
  "$hub" sync customers --config "$dir/hub.xml" --full >/dev/null
  match_once "$dir" "$engine"
  sed -i "s|$work/first.csv|$work/second.csv|" "$dir/hub.xml"
  measure_sync "$engine, $rows new parties into $rows, on_arrival=$on" "$dir/hub.xml"
  if [ "$on" = true ]; then single_records "$dir"; fi
}

echo "machine: $(nproc) vCPUs, $(lscpu | sed -n 's/^Model name: *//p')"
echo "load before: $(uptime)"
for engine in ${HUB_BENCH_ENGINES:-sqlite postgresql}; do
  case "$engine" in
    sqlite | postgresql) ;;
    *) echo "HUB_BENCH_ENGINES: unknown engine '$engine'" >&2 && exit 2 ;;
  esac
  [ "$engine" = postgresql ] && start_postgres >/dev/null
  for on in false true; do
    if [ "$engine" = sqlite ]; then
      variant sqlite "$on" "Driver=SQLite3;Database=$work/sqlite-$on/hub.db"
    else
      as_server_user "$pg_bin/createdb" -h 127.0.0.1 -p "$HUB_TEST_PG_PORT" -U postgres "postgresql_$on"
      variant postgresql "$on" "${HUB_TEST_PG_ODBC/Database=hub_test/Database=postgresql_$on}"
    fi
  done
done
echo "load after: $(uptime)"
