#!/usr/bin/env bash
# Finance sync throughput: `hub sync` of generated Odoo 17 tables — res_partner and account_move, the finance
# connector's partners and invoices streams, into parties (with e-mail, phone and address) and invoices — on
# SQLite (source and store in SQLite files) and on a throwaway PostgreSQL on loopback (source and store as two
# databases of one cluster), next to its ceiling measured in the same run: the raw multi-row insert of the
# same rows (bench_store_rows_insert: exactly the rows the sync writes for the same input — each party with
# its source link, e-mail, phone, address and change event; each invoice with its source link and change
# event — read through the same connector and mappings and built beforehand, untimed, then written by the
# store's own bulk-path inserts into an empty store of the same engine, one transaction per batch). Prints
# both rates in records/s and their ratio (the target: the sync at least half its ceiling).
# Usage: bench/finance_sync.sh [customers] (default 100000; as many invoices). Needs a built tree
# (scripts/build.sh, or ninja -C build hub finance_connector bench_store_rows_insert); HUB_BUILD_DIR names
# another one. HUB_BENCH_ENGINES chooses the engines ("sqlite postgresql", the default, or either alone).
# Prints the load (`uptime`) before and after, since the figures are only comparable within a run on a
# shared machine.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
customers="${1:-100000}"
build="${HUB_BUILD_DIR:-$root/build}"
hub="$build/bin/hub"
ceiling_bench="$build/bin/bench_store_rows_insert"
plugins="$build/plugins"
work="$(mktemp -d /tmp/hub-finance-bench.XXXXXX)"
# shellcheck source=../scripts/lib/test_servers.sh
source "$root/scripts/lib/test_servers.sh"
# shellcheck source=customers_job.sh
source "$root/bench/customers_job.sh"
trap 'stop_servers; rm -rf "$work"' EXIT

# The demo's schema without its rows (with its indexes on (write_date, id), which the streams' pages read
# by), then the generated rows, in SQL both engines run; then the statistics a database in use has (without
# them PostgreSQL plans each page as a scan and sort of the whole table: pages cost O(rows), a first load
# O(rows²)).
sed -n '/^INSERT INTO/q;p' "$root/config/demo/finance/odoo17_demo.sql" >"$work/schema.sql"
echo "ANALYZE;" >"$work/analyze.sql"
python3 - "$customers" >"$work/rows.sql" <<'PY'
import sys
n = int(sys.argv[1])
out = sys.stdout
out.write("BEGIN;\n")
out.write("INSERT INTO res_currency VALUES (1, 'CNY', TRUE);\nINSERT INTO res_country VALUES (1, 'CN', 'China');\n"
          "INSERT INTO res_company VALUES (1, 'Bench Co.', 1);\n")
def batches(rows):
    for i in range(0, len(rows), 500):
        yield rows[i:i + 500]
partners = [f"({i}, '客户 {i} 贸易有限公司', TRUE, NULL, NULL, 'C{i:08d}', 'CN9131{i:012d}', NULL, 'ap{i}@example.com', "
            f"'+86 21 {6000 + i % 4000:04d} {i % 9999:04d}', NULL, '{i} Century Avenue', NULL, 'Shanghai', '200120', 1, TRUE, 1, "
            f"'2026-11-01 08:00:00', '2026-11-{1 + i % 28:02d} {i % 24:02d}:{i % 60:02d}:{(i // 60) % 60:02d}')" for i in range(1, n + 1)]
for batch in batches(partners):
    out.write("INSERT INTO res_partner VALUES " + ", ".join(batch) + ";\n")
states = [("posted", "not_paid"), ("posted", "paid"), ("posted", "partial"), ("cancel", "not_paid"), ("draft", "not_paid")]
moves = []
for i in range(1, n + 1):
    state, payment = states[i % len(states)]
    untaxed = 100 + i % 900
    moves.append(f"({i}, 'INV/2026/{i:06d}', 'out_invoice', '{state}', '{payment}', {i}, {i}, 1, 1, '2026-11-{1 + i % 28:02d}', "
                 f"'2026-11-{1 + i % 28:02d}', '2026-12-{1 + i % 28:02d}', NULL, NULL, NULL, {untaxed}.00, {untaxed * 13 / 100:.2f}, "
                 f"{untaxed * 113 / 100:.2f}, {untaxed * 113 / 100 if payment != 'paid' else 0:.2f}, '2026-11-01 08:00:00', "
                 f"'2026-11-{1 + i % 28:02d} {i % 24:02d}:{i % 60:02d}:{(i // 60) % 60:02d}')")
for batch in batches(moves):
    out.write("INSERT INTO account_move VALUES " + ", ".join(batch) + ";\n")
out.write("COMMIT;\n")
PY

# write_config SOURCE STORE FILE: the benchmark's configuration (the finance source's and the store's
# connection strings) into FILE: job partners (res_partner → party), then job invoices (account_move →
# invoice, Odoo's state:payment_state through the shipped code table).
write_config() {
  cat >"$3" <<XML
<hub>
  <store><connection>$2</connection></store>
  <plugins dir="$plugins" system="false"/>
  <connectors>
    <connector name="finance" plugin="finance">
      <connection>$1</connection>
      <streams>partners</streams>
    </connector>
    <connector name="finance_invoices" plugin="finance">
      <connection>$1</connection>
      <streams>invoices</streams>
    </connector>
  </connectors>
  <jobs>
    <job name="partners" connector="finance" every="5m">
      <mapping entity="party">
        <field target="kind" source="kind"/>
        <field target="name" source="name"/>
        <field target="email" source="email"/>
        <field target="phone" source="phone"/>
        <field target="address_line" source="street"/>
        <field target="city" source="city"/>
        <field target="country" source="country_code"/>
      </mapping>
    </job>
    <job name="invoices" connector="finance_invoices" every="5m">
      <mapping entity="invoice">
        <field target="source_system" value="finance"/>
        <field target="invoice_number" source="name"/>
        <field target="party_source_id" source="partner_id"/>
        <field target="status" concat="state, payment_state" separator=":" lookup="odoo_invoice_status"/>
        <field target="currency" source="currency"/>
        <field target="net_amount" source="amount_untaxed"/>
        <field target="tax_amount" source="amount_tax"/>
        <field target="total_amount" source="amount_total"/>
        <field target="issued_on" source="invoice_date"/>
        <field target="due_on" source="invoice_date_due"/>
      </mapping>
    </job>
  </jobs>
  <code_tables>
$(sed -n '/<table name="odoo_invoice_status">/,/<\/table>/p' "$root/connectors/finance/mappings/odoo17.xml")
  </code_tables>
</hub>
XML
}

# row_counts ENGINE DATABASE: "table=rows" for each table a first load writes, sorted, on one line: the
# sync's store and the ceiling's must agree (the ceiling writes exactly the sync's rows).
row_counts() {
  local table sql=""
  for table in parties source_links party_identifiers phones emails websites addresses data_quality outbox_events \
    invoices; do
    sql+="${sql:+ UNION ALL }SELECT '$table=' || COUNT(*) FROM $table"
  done
  if [ "$1" = sqlite ]; then
    sqlite3 "$work/$2.db" "$sql"
  else
    "$pg_bin/psql" -tA -h 127.0.0.1 -p "$HUB_TEST_PG_PORT" -U postgres -d "$2" -c "$sql"
  fi | sort | tr '\n' ' '
}

# measure ENGINE STORE CEILING: hub sync of both jobs into the store of $work/hub.xml, then the ceiling into the empty
# store of $work/ceiling.xml (databases STORE and CEILING), then both rates and their ratio.
measure() {
  local engine="$1" job sync_rows ceiling_rows server_before server_after start end ceiling
  "$hub" db migrate --config "$work/hub.xml" >/dev/null
  server_before=$(server_cpu)
  start=$(date +%s.%N)
  for job in partners invoices; do
    /usr/bin/time -f "%e %U %S" -o "$work/$job.time" "$hub" sync "$job" --config "$work/hub.xml" >"$work/$job.out"
    echo "$engine, hub sync $job: $(cat "$work/$job.out")"
  done
  end=$(date +%s.%N)
  server_after=$(server_cpu)
  ceiling=$("$ceiling_bench" "$work/ceiling.xml" partners invoices)
  echo "$ceiling"
  sync_rows=$(row_counts "$engine" "$2")
  ceiling_rows=$(row_counts "$engine" "$3")
  echo "$engine, rows written by the sync:    $sync_rows"
  echo "$engine, rows written by the ceiling: $ceiling_rows"
  [ "$sync_rows" = "$ceiling_rows" ] || { echo "$engine: the ceiling did not write the sync's rows" >&2 && exit 1; }
  python3 - "$engine" "$start" "$end" "$((2 * customers))" "$(cat "$work/partners.time")" "$(cat "$work/invoices.time")" \
    "$server_before" "$server_after" "$(tail -n 1 <<<"$ceiling")" <<'PY'
import re, sys
engine, start, end, n, partners, invoices, server_before, server_after, ceiling_line = sys.argv[1:]
seconds, n = float(end) - float(start), int(n)
cpu = sum(float(x) for x in partners.split()[1:] + invoices.split()[1:])
server = float(server_after) - float(server_before)
ceiling = float(re.search(r"same rows: ([0-9.]+) records/s", ceiling_line).group(1))
print(f"{engine}: hub sync {n / seconds:,.0f} records/s ({n} records in {seconds:.2f} s: partners {partners.split()[0]} s, "
      f"invoices {invoices.split()[0]} s; hub CPU {cpu / n * 1e6:.1f} us/record"
      + (f"; server CPU {server / n * 1e6:.1f} us/record, source and store" if server > 0 else "") + ")")
print(f"{engine}: ceiling (raw insert of the same rows) {ceiling:,.0f} records/s; sync / ceiling = {n / seconds / ceiling:.2f}")
PY
}

bench_sqlite() {
  sqlite3 "$work/odoo.db" <"$work/schema.sql"
  sqlite3 "$work/odoo.db" <"$work/rows.sql"
  sqlite3 "$work/odoo.db" <"$work/analyze.sql"
  write_config "Driver=SQLite3;Database=$work/odoo.db" "Driver=SQLite3;Database=$work/hub.db" "$work/hub.xml"
  write_config "Driver=SQLite3;Database=$work/odoo.db" "Driver=SQLite3;Database=$work/ceiling.db" "$work/ceiling.xml"
  measure sqlite hub ceiling
}

bench_postgresql() {
  local database file
  start_postgres >/dev/null
  for database in odoo hub_ceiling; do
    as_server_user "$pg_bin/createdb" -h 127.0.0.1 -p "$HUB_TEST_PG_PORT" -U postgres "$database"
  done
  for file in schema rows analyze; do
    "$pg_bin/psql" -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$HUB_TEST_PG_PORT" -U postgres -d odoo -f "$work/$file.sql" >/dev/null
  done
  write_config "${HUB_TEST_PG_ODBC/Database=hub_test/Database=odoo}" "$HUB_TEST_PG_ODBC" "$work/hub.xml"
  write_config "${HUB_TEST_PG_ODBC/Database=hub_test/Database=odoo}" \
    "${HUB_TEST_PG_ODBC/Database=hub_test/Database=hub_ceiling}" "$work/ceiling.xml"
  measure postgresql hub_test hub_ceiling
}

echo "load before: $(uptime)"
for engine in ${HUB_BENCH_ENGINES:-sqlite postgresql}; do
  case "$engine" in
    sqlite | postgresql) "bench_$engine" ;;
    *) echo "HUB_BENCH_ENGINES: unknown engine '$engine'" >&2 && exit 2 ;;
  esac
done
echo "load after: $(uptime)"
