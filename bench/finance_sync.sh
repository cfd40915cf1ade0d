#!/usr/bin/env bash
# Finance sync throughput: `hub sync` of generated Odoo 17 tables (res_partner and account_move, the finance
# connector's partners and invoices streams) from an SQLite source into an SQLite store, against the raw
# INSERT rate of the same rows into the source (multi-row INSERTs of 500 rows in one transaction through the
# sqlite3 shell), measured in the same run. Prints both rates and their ratio (the target: sync at least half
# the raw rate).
# Usage: bench/finance_sync.sh [customers] (default 100000; as many invoices). Needs a built tree
# (scripts/build.sh); HUB_BUILD_DIR names another one. Prints the load (`uptime`) before and after, since the
# figures are only comparable within a run on a shared machine.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
customers="${1:-100000}"
build="${HUB_BUILD_DIR:-$root/build}"
work="$(mktemp -d /tmp/hub-finance-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
uptime

# The demo's schema without its rows, then the generated rows as their own SQL file.
sed -n '/^INSERT INTO/q;p' "$root/config/demo/finance/odoo17_demo.sql" >"$work/schema.sql"
sqlite3 "$work/odoo.db" <"$work/schema.sql"
sqlite3 "$work/odoo.db" "INSERT INTO res_currency VALUES (1, 'CNY', TRUE); INSERT INTO res_country VALUES (1, 'CN', 'China');
  INSERT INTO res_company VALUES (1, 'Bench Co.', 1);"
python3 - "$customers" >"$work/rows.sql" <<'PY'
import sys
n = int(sys.argv[1])
out = sys.stdout
out.write("BEGIN;\n")
def batches(rows):
    for i in range(0, len(rows), 500):
        yield rows[i:i + 500]
partners = [f"({i}, '客户 {i} 贸易有限公司', TRUE, NULL, NULL, 'C{i:08d}', 'CN9131{i:012d}', NULL, 'ap{i}@example.com', "
            f"'+86 21 {i % 10000:04d} {i % 9999:04d}', NULL, '{i} Century Avenue', NULL, 'Shanghai', '200120', 1, TRUE, 1, "
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
rows=$((2 * customers))
start=$(date +%s.%N)
sqlite3 "$work/odoo.db" <"$work/rows.sql"
end=$(date +%s.%N)
raw=$(python3 -c "import sys; print(int(sys.argv[3]) / (float(sys.argv[2]) - float(sys.argv[1])))" "$start" "$end" "$rows")

cat >"$work/hub.xml" <<XML
<hub>
  <store><connection>Driver=SQLite3;Database=$work/hub.db</connection></store>
  <plugins dir="$build/plugins" system="false"/>
  <connectors>
    <connector name="finance" plugin="finance">
      <connection>Driver=SQLite3;Database=$work/odoo.db</connection>
      <streams>partners</streams>
    </connector>
    <connector name="finance_invoices" plugin="finance">
      <connection>Driver=SQLite3;Database=$work/odoo.db</connection>
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
"$build/bin/hub" db migrate --config "$work/hub.xml" >/dev/null
start=$(date +%s.%N)
/usr/bin/time -f "partners %e s" "$build/bin/hub" sync partners --config "$work/hub.xml"
/usr/bin/time -f "invoices %e s" "$build/bin/hub" sync invoices --config "$work/hub.xml"
end=$(date +%s.%N)
python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); n=int(sys.argv[3]); raw=float(sys.argv[4]); print(f'raw INSERT of the rows into the source: {raw:,.0f} rows/s'); print(f'hub sync of the same rows: {n/s:,.0f} rows/s ({s:.2f} s for {n} rows), {n/s/raw:.2f} of the raw rate')" \
  "$start" "$end" "$rows" "$raw"
uptime
