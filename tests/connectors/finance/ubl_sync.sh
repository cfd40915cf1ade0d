#!/usr/bin/env bash
# The finance connector's UBL folder under `hub sync`, end to end, into an SQLite store:
# - the folder alone through the shipped mapping ubl_invoice: the invoices, the credit note (linked to the
#   invoice it reverses, read before it) and their Chinese customers stored once; the malformed file, the
#   Order and the invoices without number or customer set aside with a sidecar saying why; a half-written
#   file left until it is complete; a second run reads nothing and archives what the first stored;
# - a sync killed (SIGKILL) in the middle of a folder of 300 invoices resumes without losing or repeating one;
# - the Odoo demo tables and the folder in one job through odoo17: both stored, and a key-set sweep of the
#   tables deletes the invoice gone from Odoo, never the folder's.
# Usage: tests/connectors/finance/ubl_sync.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
source_dir="$1"
build_dir="$2"
hub="$build_dir/bin/hub"
fixtures="$source_dir/tests/data/finance/ubl"
work="$build_dir/tests/connectors/finance/ubl_sync"
rm -rf "$work"
mkdir -p "$work/in"

test_name=ubl_sync
# shellcheck source=../../support/expect.sh
source "$source_dir/tests/support/expect.sh"

# A file written in place an hour ago: settled. The bad ones sort after the good ones.
drop() {
  cp "$fixtures/$1" "$work/in/$2"
  touch -d '-1 hour' "$work/in/$2"
}
drop CN-2026-0007.xml CN-2026-0007.xml
drop INV-2026-0101.xml INV-2026-0101.xml
drop INV-2026-0102.xml INV-2026-0102.xml
for bad in malformed order no_customer no_number; do drop "bad/$bad.xml" "X-$bad.xml"; done
# Half of an invoice, written just now in place: still being copied as far as anyone can tell.
invoice_0103="$(sed 's/INV-2026-0101/INV-2026-0103/g' "$fixtures/INV-2026-0101.xml")"
head -c 2000 <<<"$invoice_0103" >"$work/in/Z-INV-2026-0103.xml"

cat >"$work/hub.xml" <<XML
<hub>
  <store><connection>Driver=SQLite3;Database=$work/hub.db</connection></store>
  <plugins dir="$build_dir/plugins" system="false"/>
  <connectors>
    <connector name="peppol_inbox" plugin="finance">
      <ubl_path>$work/in</ubl_path>
      <pattern>*.xml</pattern>
      <archive_dir>$work/archive</archive_dir>
      <error_dir>$work/error</error_dir>
      <settle_time>10m</settle_time>
    </connector>
  </connectors>
  <jobs><job name="ubl" connector="peppol_inbox" every="5m"><mapping use="ubl_invoice"/></job></jobs>
</hub>
XML
db="$work/hub.db"
expect_line "ok" "$hub" check-config --config "$work/hub.xml"
# The credit note and its line wait (pending) for the invoice it reverses, read after it, and are stored with it.
expect_line "read=10 inserted=7 updated=0 merged=0 quarantined=2 deleted=0" "$hub" sync ubl --config "$work/hub.xml"
expect_value "credit_note|issued|INV-2026-0101" "$db" \
  "SELECT c.kind, c.status, o.invoice_number FROM invoices c JOIN invoices o ON o.id = c.original_invoice_id
   WHERE c.invoice_number = 'CN-2026-0007'"
expect_value "invoice|partially_paid|2390" "$db" \
  "SELECT kind, status, CAST(amount_residual AS INTEGER) FROM invoices WHERE invoice_number = 'INV-2026-0102'"
expect_value "上海华东贸易有限公司|13673|2" "$db" \
  "SELECT p.name, CAST(i.total_amount AS INTEGER), (SELECT COUNT(*) FROM invoice_lines l WHERE l.invoice_id = i.id)
   FROM invoices i JOIN parties p ON p.id = i.party_id WHERE i.invoice_number = 'INV-2026-0101'"
expect_value "北京中科智联信息技术有限公司|91110108MA01C2HX7C" "$db" \
  "SELECT p.name, n.value FROM parties p JOIN party_identifiers n ON n.party_id = p.id AND n.scheme = 'uscc'
   WHERE p.name LIKE '北京%'"
expect_value "finance_ubl|3" "$db" "SELECT source_system, COUNT(*) FROM source_links WHERE entity = 'invoice' GROUP BY source_system"
for bad in malformed order no_customer no_number; do
  [ -f "$work/error/X-$bad.xml" ] || fail "X-$bad.xml was not moved to the error folder"
  grep -qF "X-$bad.xml" "$work/error/X-$bad.xml.error.txt" || fail "the sidecar of X-$bad.xml does not name it"
done
grep -qF "a UBL Order, not an Invoice or CreditNote" "$work/error/X-order.xml.error.txt" || fail "no reason for the Order"
grep -qF "has no customer" "$work/error/X-no_customer.xml.error.txt" || fail "no reason for the missing customer"
[ -f "$work/in/Z-INV-2026-0103.xml" ] || fail "the half-written file was moved"

# Nothing new: nothing read; the files the first run stored are archived now.
expect_line "read=0 inserted=0 updated=0 merged=0 quarantined=0 deleted=0" "$hub" sync ubl --config "$work/hub.xml"
[ "$(ls "$work/archive" | tr '\n' ' ')" = "CN-2026-0007.xml INV-2026-0101.xml INV-2026-0102.xml " ] ||
  fail "the archive holds $(ls "$work/archive")"

# The copy completes; once it has settled (here: its time set back), it is read.
printf '%s\n' "$invoice_0103" >"$work/in/Z-INV-2026-0103.xml"
touch -d '-1 hour' "$work/in/Z-INV-2026-0103.xml"
expect_line "read=4 inserted=3 updated=0 merged=0 quarantined=0 deleted=0" "$hub" sync ubl --config "$work/hub.xml"

# Killed in the middle of 300 invoices (one record a batch), then run again: each invoice and line once.
mkdir -p "$work/many"
for i in $(seq -w 1 300); do
  sed "s/INV-2026-0101/INV-K-$i/g; s/C-SH-0042/C-K-$i/g" "$fixtures/INV-2026-0101.xml" >"$work/many/INV-K-$i.xml"
done
sed "s|<ubl_path>$work/in</ubl_path>|<ubl_path>$work/many</ubl_path><final>true</final>|;
     s|<archive_dir>.*</archive_dir>||; s|hub.db|many.db|;
     s|<job name=\"ubl\" connector=\"peppol_inbox\" every=\"5m\">|<job name=\"ubl\" connector=\"peppol_inbox\" every=\"5m\" batch_size=\"1\">|" \
  "$work/hub.xml" >"$work/many.xml"
"$hub" sync ubl --config "$work/many.xml" >"$work/killed.log" 2>&1 &
pid=$!
deadline=$((SECONDS + 60))
until [ "$(sqlite3 "$work/many.db" "SELECT COUNT(*) FROM invoices" 2>/dev/null || echo 0)" -gt 20 ]; do
  kill -0 "$pid" 2>/dev/null || break
  [ "$SECONDS" -lt "$deadline" ] || fail "the sync stored no invoice within 60 s"
  sleep 0.05
done
kill -KILL "$pid" 2>/dev/null && echo "ubl_sync: killed the sync after $(sqlite3 "$work/many.db" "SELECT COUNT(*) FROM invoices") invoices"
wait "$pid" 2>/dev/null || true
"$hub" sync ubl --config "$work/many.xml" || fail "the sync after the kill failed"
expect_value "300|600|300" "$work/many.db" \
  "SELECT (SELECT COUNT(*) FROM invoices), (SELECT COUNT(*) FROM invoice_lines), (SELECT COUNT(*) FROM parties)"
expect_value "1200" "$work/many.db" "SELECT COUNT(DISTINCT entity || source_id) FROM source_links"
expect_value "1200" "$work/many.db" "SELECT COUNT(*) FROM source_links"

# The Odoo demo tables and the folder, one job through odoo17, a sweep every second.
sqlite3 "$work/odoo.db" <"$source_dir/config/demo/finance/odoo17_demo.sql"
mkdir -p "$work/both"
cp "$fixtures/INV-2026-0101.xml" "$fixtures/CN-2026-0007.xml" "$work/both/"
cat >"$work/both.xml" <<XML
<hub>
  <store><connection>Driver=SQLite3;Database=$work/both.db</connection></store>
  <plugins dir="$build_dir/plugins" system="false"/>
  <connectors>
    <connector name="finance" plugin="finance">
      <connection>Driver=SQLite3;Database=$work/odoo.db</connection>
      <sweep_every>1s</sweep_every>
      <ubl_path>$work/both</ubl_path>
      <final>true</final>
    </connector>
  </connectors>
  <jobs><job name="finance" connector="finance" every="5m"><mapping use="odoo17"/></job></jobs>
</hub>
XML
deleted_by_sync() {
  local output
  output="$("$hub" sync finance --config "$work/both.xml" 2>&1)" || fail "hub sync finance failed: $output"
  sed -nE 's/^read=.* deleted=([0-9]+)$/\1/p' <<<"$output"
}
[ "$(deleted_by_sync)" = 0 ] || fail "the first sync of tables and folder deleted something"
expect_value "finance|12
finance_ubl|2" "$work/both.db" "SELECT source_system, COUNT(*) FROM source_links WHERE entity = 'invoice' GROUP BY source_system ORDER BY source_system"
expect_value "credit_note|INV-2026-0101" "$work/both.db" \
  "SELECT c.kind, o.invoice_number FROM invoices c JOIN invoices o ON o.id = c.original_invoice_id
   WHERE c.invoice_number = 'CN-2026-0007'"
sqlite3 "$work/odoo.db" "DELETE FROM account_move_line WHERE move_id = 109; DELETE FROM account_move WHERE id = 109;"
deadline=$((SECONDS + 60))
until deleted="$(deleted_by_sync)" && [ "$deleted" != 0 ]; do
  [ "$SECONDS" -lt "$deadline" ] || fail "no sweep saw the deleted invoice within 60 s"
done
[ "$deleted" = 2 ] || fail "the sweep deleted $deleted records, not the Odoo invoice and its line"
expect_value "0" "$work/both.db" "SELECT COUNT(*) FROM source_links WHERE source_system = 'finance_ubl' AND deleted_at IS NOT NULL"
echo "ubl_sync: the finance connector syncs its UBL folder once per document"
