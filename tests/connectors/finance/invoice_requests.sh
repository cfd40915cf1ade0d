#!/usr/bin/env bash
# Invoice requests for delivered orders, end to end through the hub's event delivery, into an SQLite store:
# the finance connector syncs the Odoo demo's customers (config/demo/finance/odoo17_demo.sql, whose partner 11
# carries SAP customer 0000100001 in `ref`); the supply_chain connector reads that customer (DEBMAS07), its
# order 0000012001 (ORDERS05) and the order's delivery 0080001234 (DELVRY03) from tests/data/supply_chain/, and a
# delivery of an order the hub does not know; `hub run`'s delivery job, subscribed to delivery events with
# their documents, hands the delivery to the finance connector, which writes one row (and its two lines) into
# the interface table hub_invoice_requests of the finance database, created on first use, with the customer's
# Odoo partner id; a second finance connector with invoice_drop_dir, subscribed the same way, drops one UBL
# invoice file for it. The delivery of the unknown order waits in the quarantine and requests nothing.
# Delivering the event again — the subscribers' positions set back as a hub killed before its acknowledgement
# leaves them — adds nothing.
# Usage: tests/connectors/finance/invoice_requests.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
source_dir="$1"
build_dir="$2"
hub="$build_dir/bin/hub"
fixtures="$source_dir/tests/data/supply_chain"
work="$build_dir/tests/connectors/finance/invoice_requests"
rm -rf "$work"
mkdir -p "$work/inbox" "$work/invoices"

test_name=invoice_requests
# shellcheck source=../../support/expect.sh
source "$source_dir/tests/support/expect.sh"

sqlite3 "$work/finance.db" <"$source_dir/config/demo/finance/odoo17_demo.sql"
cp "$fixtures/debmas07.xml" "$work/inbox/1-debmas07.xml"
cp "$fixtures/orders05.xml" "$work/inbox/2-orders05.xml"
cp "$fixtures/delvry03.xml" "$work/inbox/3-delvry03.xml"
sed 's/0080001234/0080001299/; s/0000012001/0000019999/g' "$fixtures/delvry03.xml" >"$work/inbox/4-delvry-unknown-order.xml"

cat >"$work/hub.xml" <<XML
<hub>
  <store><connection>Driver=SQLite3;Database=$work/hub.db</connection></store>
  <plugins dir="$build_dir/plugins" system="false"/>
  <api address="127.0.0.1" port="0"><auth required="false"/></api>
  <connectors>
    <connector name="supply_chain" plugin="supply_chain">
      <path>$work/inbox</path>
      <final>true</final>
    </connector>
    <connector name="finance" plugin="finance">
      <connection>Driver=SQLite3;Database=$work/finance.db</connection>
      <streams>partners</streams>
      <sweep_every>0s</sweep_every>
    </connector>
    <connector name="finance_files" plugin="finance">
      <invoice_drop_dir>$work/invoices</invoice_drop_dir>
    </connector>
  </connectors>
  <jobs>
    <job name="finance_partners" connector="finance" every="1h"><mapping use="odoo17"/></job>
    <job name="sap" connector="supply_chain" every="1h"><mapping use="sap_idoc"/></job>
    <job name="invoice_requests" kind="delivery" connector="finance" every="200ms">
      <subscribe entity="delivery" kinds="delivery.created delivery.updated" document="true"/>
      <filter field="status" not_in="planned cancelled returned"/>
    </job>
    <job name="invoice_files" kind="delivery" connector="finance_files" every="200ms">
      <subscribe entity="delivery" kinds="delivery.created delivery.updated" document="true"/>
    </job>
  </jobs>
</hub>
XML
expect_line "ok" "$hub" check-config --config "$work/hub.xml"
"$hub" sync finance_partners --config "$work/hub.xml" || fail "hub sync finance_partners failed"
"$hub" sync sap --config "$work/hub.xml" || fail "hub sync sap failed"
expect_value "1" "$work/hub.db" "SELECT COUNT(*) FROM deliveries"

# How many events delivery job `$1` delivered, by the log lines of `hub run` in `$2`.
delivered() { sed -nE "s/.*job $1: delivered=([0-9]+) .*/\1/p" "$2" | paste -sd+ | bc; }

# `hub run` until both delivery jobs have delivered an event, then SIGTERM; its log is run-$1.log.
run_until_delivered() {
  local log="$work/run-$1.log" pid
  "$hub" run --config "$work/hub.xml" >"$log" 2>&1 &
  pid=$!
  local deadline=$((SECONDS + 60))
  until [ "$(delivered invoice_requests "$log")" -ge 1 ] 2>/dev/null && [ "$(delivered invoice_files "$log")" -ge 1 ] 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || fail "hub run exited: $(cat "$log")"
    [ "$SECONDS" -lt "$deadline" ] || { kill -TERM "$pid"; fail "the delivery jobs delivered nothing within 60 s: $(cat "$log")"; }
    sleep 0.1
  done
  kill -TERM "$pid"
  wait "$pid" || fail "hub run did not stop cleanly: $(cat "$log")"
}

run_until_delivered first
requests="SELECT status, delivery_system, delivery_source_id, delivery_number, order_number, customer_reference,
  customer_partner_id, customer_number, currency, CAST(net_amount * 100 AS INTEGER), order_date, delivery_date
  FROM hub_invoice_requests"
expect_value "new|supply_chain|0080001234|0080001234|0000012001|PO-NW-2026-338|11|0000100001|EUR|525500|2026-12-01|2026-12-03" \
  "$work/finance.db" "$requests"
expect_value "1|10|HX-2040|4000|500000
2|20|SK-7|6000|25500" "$work/finance.db" \
  "SELECT line_no, order_line_no, sku, CAST(quantity * 1000 AS INTEGER), CAST(amount * 100 AS INTEGER)
   FROM hub_invoice_request_lines ORDER BY line_no"
request_id="$(sqlite3 "$work/finance.db" "SELECT request_id FROM hub_invoice_requests")"
store_identity="$(sqlite3 "$work/hub.db" "SELECT id FROM store_identity")"
[[ "$request_id" == "$store_identity"-* ]] || fail "the request id '$request_id' is not the event id"
invoice_files() { (cd "$work/invoices" && ls); }
[ "$(invoice_files)" = "INVOICE_REQUEST_0080001234_${request_id}.xml" ] || fail "the drop folder holds: $(invoice_files)"
grep -qF "<cbc:ID>0000012001</cbc:ID>" "$work/invoices/INVOICE_REQUEST_0080001234_${request_id}.xml" ||
  fail "the UBL invoice does not reference the order"
expect_value "1" "$work/hub.db" \
  "SELECT COUNT(*) FROM quarantine WHERE record_key = '0080001299' AND status = 'pending' AND awaits_key = '0000019999'"

# The hub is killed after the finance database committed the request and before the delivery's position was
# committed: the event comes again, with the same id, and writes nothing new.
sqlite3 "$work/hub.db" "UPDATE delivery_lanes SET position = 0"
run_until_delivered again
expect_value "1|2" "$work/finance.db" \
  "SELECT (SELECT COUNT(*) FROM hub_invoice_requests), (SELECT COUNT(*) FROM hub_invoice_request_lines)"
expect_value "$request_id" "$work/finance.db" "SELECT request_id FROM hub_invoice_requests"
[ "$(invoice_files)" = "INVOICE_REQUEST_0080001234_${request_id}.xml" ] || fail "the drop folder holds: $(invoice_files)"
echo "invoice_requests: a delivered order becomes one invoice request row (and one UBL file), once"
