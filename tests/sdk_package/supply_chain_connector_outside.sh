#!/usr/bin/env bash
# The shipped supply_chain connector builds as an outside author builds a plugin: installs the SDK with
# scripts/install_sdk.sh into a scratch prefix, builds connectors/supply_chain as a standalone CMake project
# against it (find_package(HubSDK) plus expat, pugixml and Boost.JSON: nothing of the hub's tree but the
# connector's own sources), and checks that the plugin exports only the two entry points, that `hub plugins`
# loads it from a folder of its own, that `hub check-config` validates a section that both reads a folder and
# drops orders, and that `hub sync` reads a DEBMAS07 IDoc file into the store and archives it.
# Usage: tests/sdk_package/supply_chain_connector_outside.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
source_dir="$1"
build_dir="$2"
# shellcheck source=outside_build.sh
source "$(dirname "${BASH_SOURCE[0]}")/outside_build.sh"
outside_build supply_chain_connector_outside "$source_dir/connectors/supply_chain"

mkdir -p "$work/inbox" "$work/drop"
cp "$source_dir/tests/data/supply_chain/debmas07.xml" "$work/inbox/debmas07.xml"

cat >"$work/hub.xml" <<XML
<hub>
  <store><connection>Driver=SQLite3;Database=hub.db</connection></store>
  <plugins dir="plugins" system="false"/>
  <api address="127.0.0.1" port="0"><auth required="false"/></api>
  <connectors>
    <connector name="supply_chain" plugin="supply_chain">
      <path>inbox</path>
      <archive_dir>archive</archive_dir>
      <error_dir>error</error_dir>
      <final>true</final>
      <drop_dir>drop</drop_dir>
      <receiver_partner>PRDCLNT100</receiver_partner>
    </connector>
  </connectors>
  <jobs>
    <job name="sap_customers" connector="supply_chain">
      <mapping entity="party">
        <field target="kind" value="organization"/>
        <field target="name" source="name"/>
        <field target="country" source="country"/>
        <field target="status" source="status"/>
      </mapping>
    </job>
  </jobs>
</hub>
XML

plugins="$("$hub" plugins --config "$work/hub.xml" 2>&1)" || fail "hub plugins failed: $plugins"
echo "$plugins"
grep -qE "^supply_chain .* $work/plugins/hub_supply_chain\.so loaded( mappings: .*)?$" <<<"$plugins" ||
  fail "hub plugins did not load $plugin"
expect_line "ok" "$hub" check-config --config "$work/hub.xml"
sync_line="$("$hub" sync sap_customers --config "$work/hub.xml" 2>&1)" || fail "hub sync failed: $sync_line"
echo "$sync_line"
grep -q "^read=3 inserted=3 " <<<"$sync_line" || fail "hub sync did not store the 3 customers: $sync_line"
# The next run starts from the file's end: it archives it.
"$hub" sync sap_customers --config "$work/hub.xml" >/dev/null 2>&1 || fail "the second hub sync failed"
[ -f "$work/archive/debmas07.xml" ] || fail "debmas07.xml was not archived: $(ls -R "$work")"
echo "supply_chain_connector_outside: the supply_chain connector built outside the tree loads and syncs IDocs"
