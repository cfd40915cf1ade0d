#!/usr/bin/env bash
# End-to-end sync throughput: `hub sync` of a generated customer CSV (Chinese and English names, phones,
# e-mail, tax ids) through the file connector, the mapping and the store sink, into SQLite and into a
# throwaway PostgreSQL on loopback. Prints, per database, rows/s and peak RSS for a first load (all new
# parties) and a re-read of the same file (all unchanged), with their CPU time, next to two raw rates
# measured in the same run: the multi-row ODBC insert of 8-column rows into one table (bench_odbc_insert,
# 250 rows per statement) and the multi-row insert of exactly the rows the first load writes, into the
# migrated schema of a second, empty database, without the engine (bench_party_rows_insert).
# Usage: bench/sync_throughput.sh [rows] (default 1000000). Needs a built tree (scripts/build.sh).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rows="${1:-1000000}"
hub="${HUB_BUILD_DIR:-$root/build}/bin/hub"
raw_bench="${HUB_BUILD_DIR:-$root/build}/bin/bench_odbc_insert"
same_rows_bench="${HUB_BUILD_DIR:-$root/build}/bin/bench_party_rows_insert"
plugins="${HUB_BUILD_DIR:-$root/build}/plugins"
work="$(mktemp -d /tmp/hub-sync-bench.XXXXXX)"
# shellcheck source=../scripts/lib/test_servers.sh
source "$root/scripts/lib/test_servers.sh"
trap 'stop_servers; rm -rf "$work"' EXIT

python3 - "$rows" >"$work/customers.csv" <<'PY'
import sys
n = int(sys.argv[1])
CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
def uscc(body):  # a unified social credit code with its right check character (GB 32100-2015)
    check = (31 - sum(CHARSET.index(c) * w for c, w in zip(body, WEIGHTS)) % 31) % 31
    return body + CHARSET[check]
print("id,name,phone,email,tax_id,city")
cities = ["上海", "深圳", "北京", "Hamburg", "Boston"]
for i in range(n):
    name = f"上海华腾贸易有限公司{i}" if i % 2 else f"Northwind Traders {i} Ltd"
    print(f"C{i:07d},{name},+86 138 {i % 10000:04d} {i % 7777:04d},sales{i}@example.cn,{uscc(f'9131011{i:010d}')},{cities[i % 5]}")
PY

# write_config CONNECTION_STRING [FILE]: the benchmark's configuration, by default $work/hub.xml.
write_config() {
  cat >"${2:-$work/hub.xml}" <<XML
<hub>
  <store><connection>$1</connection></store>
  <plugins dir="$plugins"/>
  <connectors><connector name="crm" plugin="file"><path>$work/customers.csv</path></connector></connectors>
  <jobs>
    <job name="customers" connector="crm" batch_size="1000">
      <mapping entity="party" id="id">
        <field target="kind" value="organization"/>
        <field target="name" source="name" transform="trim|nfkc"/>
        <field target="phone" source="phone"/>
        <field target="email" source="email" transform="lower"/>
        <field target="uscc" source="tax_id"/>
        <field target="city" source="city"/>
      </mapping>
    </job>
  </jobs>
</hub>
XML
}

measure() {
  local label="$1" start end usage
  start=$(date +%s.%N)
  usage=$(/usr/bin/time -f "%M %U %S" "$hub" sync customers --config "$work/hub.xml" --full 2>&1 >/dev/null | tail -n 1)
  end=$(date +%s.%N)
  python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); kb,u,c=sys.argv[5].split(); print(f'{sys.argv[3]}: {int(sys.argv[4])/s:,.0f} rows/s ({s:.2f} s for {sys.argv[4]} rows; CPU {float(u)+float(c):.2f} s = {u} user + {c} sys), peak RSS {int(kb)/1024:.0f} MB')" \
    "$start" "$end" "$label" "$rows" "$usage"
}

raw_rate() {
  "$raw_bench" --benchmark_filter="^insert/$1/rows_per_statement:250/" --benchmark_min_time=1 2>/dev/null |
    awk -v db="$1" '/rows\/s=/ { match($0, /rows\/s=[0-9.]+[kM]?/); print db ", raw multi-row ODBC insert: " substr($0, RSTART + 7, RLENGTH - 7) " rows/s" }'
}

write_config "Driver=SQLite3;Database=$work/hub.db"
"$hub" db migrate --config "$work/hub.xml" >/dev/null
measure "sqlite, first load"
measure "sqlite, unchanged re-read"
raw_rate sqlite
write_config "Driver=SQLite3;Database=$work/same_rows.db" "$work/same_rows.xml"
"$same_rows_bench" "$work/same_rows.xml" customers

start_postgres >/dev/null
write_config "$HUB_TEST_PG_ODBC"
"$hub" db migrate --config "$work/hub.xml" >/dev/null
measure "postgresql, first load"
measure "postgresql, unchanged re-read"
raw_rate postgresql
as_server_user "$pg_bin/createdb" -h 127.0.0.1 -p "$HUB_TEST_PG_PORT" -U postgres hub_same_rows
write_config "${HUB_TEST_PG_ODBC/Database=hub_test/Database=hub_same_rows}" "$work/same_rows.xml"
"$same_rows_bench" "$work/same_rows.xml" customers
