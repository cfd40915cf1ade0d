#!/usr/bin/env bash
# The shipped file connector builds as an outside author builds a plugin, and works both ways: installs the
# SDK with scripts/install_sdk.sh into a scratch prefix, builds connectors/file as a standalone CMake project
# against it (find_package(HubSDK) plus ICU and Boost.JSON: nothing of the hub's tree but the connector's
# own sources), and checks that the plugin exports only the two entry points, that `hub plugins` loads it
# from a folder of its own, that `hub check-config` validates a connector section that both reads a CSV
# and receives events (`events_dir`), that `hub sync` reads a small GBK-encoded CSV (decoded by ICU inside
# the plugin) into the store, and that `hub run` delivers the change events into the drop folder.
# Usage: tests/sdk_package/file_connector_outside.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
source_dir="$1"
build_dir="$2"
# shellcheck source=outside_build.sh
source "$(dirname "${BASH_SOURCE[0]}")/outside_build.sh"
outside_build file_connector_outside "$source_dir/connectors/file"

# GBK without a byte-order mark: encoding=auto takes it for GB18030 (not valid UTF-8).
python3 - "$work/customers.csv" <<'PY'
import sys
rows = "id,name,country\nC1,Acme Trading,GB\nC2,北京华信,CN\nC3,海诚物流,HK\n"
with open(sys.argv[1], "wb") as out:
    out.write(rows.encode("gbk"))
PY
mkdir -p "$work/inbox"

cat >"$work/hub.xml" <<XML
<hub>
  <store><connection>Driver=SQLite3;Database=hub.db</connection></store>
  <plugins dir="plugins" system="false"/>
  <api address="127.0.0.1" port="0"><auth required="false"/></api>
  <connectors>
    <connector name="crm_files" plugin="file">
      <path>customers.csv</path>
      <id_field>id</id_field>
      <final>true</final>
      <events_dir>inbox</events_dir>
      <events_prefix>customers</events_prefix>
    </connector>
  </connectors>
  <jobs>
    <job name="crm_customers" connector="crm_files">
      <mapping entity="party" id="id">
        <field target="kind" value="organization"/>
        <field target="name" source="name"/>
        <field target="country" source="country"/>
      </mapping>
    </job>
    <job name="crm_feed" kind="delivery" connector="crm_files" every="1s">
      <subscribe entity="party" kinds="party.created"/>
    </job>
  </jobs>
</hub>
XML

plugins="$("$hub" plugins --config "$work/hub.xml" 2>&1)" || fail "hub plugins failed: $plugins"
echo "$plugins"
grep -qE "^file .* $work/plugins/hub_file\.so loaded$" <<<"$plugins" || fail "hub plugins did not load $plugin"
expect_line "ok" "$hub" check-config --config "$work/hub.xml"
expect_line "read=3 inserted=3 updated=0 merged=0 quarantined=0 deleted=0" "$hub" sync crm_customers --config "$work/hub.xml"

# The delivery job runs at the start of `hub run`; wait (with a deadline) for the three events in the drop
# folder (finished files only: a file being written has a dot name).
dropped() { cat "$work"/inbox/customers-*.jsonl 2>/dev/null || true; }
"$hub" run --config "$work/hub.xml" >"$work/run.log" 2>&1 &
hub_pid=$!
trap 'kill "$hub_pid" 2>/dev/null || true' EXIT
deadline=$((SECONDS + 60))
until [ "$(dropped | wc -l)" -ge 3 ]; do
  kill -0 "$hub_pid" 2>/dev/null || fail "hub run exited: $(cat "$work/run.log")"
  [ "$SECONDS" -lt "$deadline" ] || fail "not 3 events in $work/inbox after 60 s: $(dropped) $(cat "$work/run.log")"
  sleep 0.1
done
kill -TERM "$hub_pid"
wait "$hub_pid" || fail "hub run did not stop cleanly: $(cat "$work/run.log")"
trap - EXIT
lines="$(dropped)"
echo "$lines"
[ "$(wc -l <<<"$lines")" -eq 3 ] || fail "expected 3 events in the drop folder, got: $lines"
grep -q '"kind":"party.created".*"name":"北京华信"' <<<"$lines" || fail "the GBK name did not arrive as UTF-8: $lines"
echo "file_connector_outside: the file connector built outside the tree loads, syncs and delivers"
