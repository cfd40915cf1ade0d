#!/usr/bin/env bash
# The finance connector under `hub sync`, end to end: the Odoo 17 demo database (config/demo/finance/
# odoo17_demo.sql, loaded with the sqlite3 CLI as scripts/run.sh does) synced into an SQLite store by three
# jobs of one system `finance` (partners, invoices, payments; one stream each, as a job holds one mapping):
# every record is inserted once; a run with nothing changed writes nothing although the overlap window re-reads
# rows; a new partner is inserted and a cancelled invoice updated exactly once, its status translated from
# Odoo's state:payment_state through a code table; an invoice without a customer is quarantined with its reason.
# Usage: tests/connectors/finance/finance_sync.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
source_dir="$1"
build_dir="$2"
hub="$build_dir/bin/hub"
work="$build_dir/tests/connectors/finance/sync"
rm -rf "$work"
mkdir -p "$work"

test_name=finance_sync
# shellcheck source=../../support/expect.sh
source "$source_dir/tests/support/expect.sh"

# Like expect_line for a sync's count line, whatever it read (the overlap window re-reads the newest rows).
expect_counts() {
  local expected="$1"
  shift
  local output
  output="$("$@" 2>&1)" || fail "'$*' failed: $output"
  echo "$output"
  grep -qE -- "^read=[0-9]+ $expected\$" <<<"$output" || fail "'$*' did not print 'read=N $expected'"
}

sqlite3 "$work/odoo.db" <"$source_dir/config/demo/finance/odoo17_demo.sql"

connector() {
  cat <<XML
    <connector name="$1" plugin="finance">
      <connection>Driver=SQLite3;Database=$work/odoo.db</connection>
      <streams>$2</streams>
    </connector>
XML
}

cat >"$work/hub.xml" <<XML
<hub>
  <store><connection>Driver=SQLite3;Database=$work/hub.db</connection></store>
  <plugins dir="$build_dir/plugins" system="false"/>
  <connectors>
$(connector odoo_partners partners)
$(connector odoo_invoices invoices)
$(connector odoo_payments payments)
  </connectors>
  <jobs>
    <job name="partners" connector="odoo_partners" every="5m">
      <mapping entity="party">
        <field target="source_system" value="finance"/>
        <field target="kind" source="kind"/>
        <field target="name" source="name" transform="trim"/>
        <field target="email" source="email" transform="trim"/>
        <field target="city" source="city" transform="trim"/>
        <field target="country" source="country_code" transform="trim|upper"/>
      </mapping>
    </job>
    <job name="invoices" connector="odoo_invoices" every="5m">
      <mapping entity="invoice">
        <field target="source_system" value="finance"/>
        <field target="invoice_number" source="name"/>
        <field target="party_source_id" source="partner_id"/>
        <field target="kind" source="move_type" lookup="odoo_move_type"/>
        <field target="status" concat="state, payment_state" separator=":" lookup="odoo_invoice_status"/>
        <field target="currency" source="currency"/>
        <field target="net_amount" source="amount_untaxed"/>
        <field target="tax_amount" source="amount_tax"/>
        <field target="total_amount" source="amount_total"/>
        <field target="issued_on" source="invoice_date"/>
        <field target="due_on" source="invoice_date_due"/>
      </mapping>
    </job>
    <job name="payments" connector="odoo_payments" every="5m">
      <mapping entity="payment">
        <field target="source_system" value="finance"/>
        <field target="reference" source="name"/>
        <field target="party_source_id" source="partner_id"/>
        <field target="status" source="state" lookup="odoo_payment_status"/>
        <field target="currency" source="currency"/>
        <field target="amount" source="amount"/>
        <field target="received_on" source="date"/>
      </mapping>
    </job>
  </jobs>
  <code_tables>
$(sed -n '/<code_tables>/,/<\/code_tables>/p' "$source_dir/connectors/finance/mappings/odoo17.xml" | sed '1d;$d')
  </code_tables>
</hub>
XML

expect_line "ok" "$hub" check-config --config "$work/hub.xml"
expect_line "read=8 inserted=8 updated=0 merged=0 quarantined=0 deleted=0" "$hub" sync partners --config "$work/hub.xml"
expect_line "read=12 inserted=12 updated=0 merged=0 quarantined=0 deleted=0" "$hub" sync invoices --config "$work/hub.xml"
expect_line "read=6 inserted=6 updated=0 merged=0 quarantined=0 deleted=0" "$hub" sync payments --config "$work/hub.xml"
expect_value "cancelled" "$work/hub.db" "SELECT status FROM invoices WHERE invoice_number = 'INV/2026/00008'"
expect_value "cancelled" "$work/hub.db" "SELECT status FROM invoices WHERE invoice_number = 'INV/2026/00009'"
expect_value "partially_paid" "$work/hub.db" "SELECT status FROM invoices WHERE invoice_number = 'INV/2026/00004'"
expect_value "credit_note|paid" "$work/hub.db" "SELECT kind, status FROM invoices WHERE invoice_number = 'RINV/2026/00001'"
expect_value "reversed" "$work/hub.db" "SELECT status FROM payments WHERE reference = 'PBNK1/2026/00006'"

# Nothing changed: the overlap re-reads the newest rows, and nothing is written.
expect_counts "inserted=0 updated=0 merged=0 quarantined=0 deleted=0" "$hub" sync invoices --config "$work/hub.xml"

sqlite3 "$work/odoo.db" "INSERT INTO res_partner (id, name, is_company, active, customer_rank, create_date, write_date)
  VALUES (19, 'Nanjing New Partner Co.', TRUE, TRUE, 1, '2026-12-01 08:00:00', '2026-12-01 08:00:00');
  UPDATE account_move SET state = 'cancel', write_date = '2026-12-01 09:00:00' WHERE id = 106;"
expect_counts "inserted=1 updated=0 merged=0 quarantined=0 deleted=0" "$hub" sync partners --config "$work/hub.xml"
expect_counts "inserted=0 updated=1 merged=0 quarantined=0 deleted=0" "$hub" sync invoices --config "$work/hub.xml"
expect_value "cancelled" "$work/hub.db" "SELECT status FROM invoices WHERE invoice_number = 'INV/2026/00006'"

sqlite3 "$work/odoo.db" "UPDATE account_move SET commercial_partner_id = NULL, write_date = '2026-12-01 10:00:00' WHERE id = 107"
expect_counts "inserted=0 updated=0 merged=0 quarantined=1 deleted=0" "$hub" sync invoices --config "$work/hub.xml"
quarantine="$("$hub" quarantine list --config "$work/hub.xml" 2>&1)" || fail "quarantine list failed: $quarantine"
echo "$quarantine"
grep -qF "account_move id=107: column 'partner_id' is empty, and the invoice needs it" <<<"$quarantine" ||
  fail "the quarantine does not give the reason"

# The whole demo through the shipped mapping (use="odoo17"), with a key-set sweep every second: a draft
# invoice deleted in Odoo is seen deleted exactly once (the invoice and its line), whichever run sweeps.
cat >"$work/hub_all.xml" <<XML
<hub>
  <store><connection>Driver=SQLite3;Database=$work/hub_all.db</connection></store>
  <plugins dir="$build_dir/plugins" system="false"/>
  <connectors>
    <connector name="finance" plugin="finance">
      <connection>Driver=SQLite3;Database=$work/odoo.db</connection>
      <sweep_every>1s</sweep_every>
    </connector>
  </connectors>
  <jobs><job name="finance" connector="finance" every="5m"><mapping use="odoo17"/></job></jobs>
</hub>
XML
# Runs `hub sync finance` once; prints its deleted=N count.
deleted_by_sync() {
  local output
  output="$("$hub" sync finance --config "$work/hub_all.xml" 2>&1)" || fail "hub sync finance failed: $output"
  sed -nE 's/^read=.* deleted=([0-9]+)$/\1/p' <<<"$output"
}
[ "$(deleted_by_sync)" = 0 ] || fail "the first sync deleted something"
sqlite3 "$work/odoo.db" "DELETE FROM account_move_line WHERE move_id = 109; DELETE FROM account_move WHERE id = 109;"
# Until a sweep is due (sweep_every after the first run) runs delete nothing; the first sweep deletes both.
deadline=$((SECONDS + 60))
until deleted="$(deleted_by_sync)" && [ "$deleted" != 0 ]; do
  [ "$SECONDS" -lt "$deadline" ] || fail "no sweep saw the deleted invoice within 60 s"
done
[ "$deleted" = 2 ] || fail "the sweep deleted $deleted records, not the invoice and its line"
[ "$(deleted_by_sync)" = 0 ] || fail "a later sync deleted something again"
[ "$(sqlite3 "$work/hub_all.db" "SELECT entity || ':' || source_id FROM source_links WHERE deleted_at IS NOT NULL ORDER BY entity")" = \
  "$(printf 'invoice:109\ninvoice_line:1028')" ] || fail "the sweep did not mark the deleted invoice and its line"
echo "finance_sync: the finance connector syncs the Odoo demo once per change"
