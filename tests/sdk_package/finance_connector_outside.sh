#!/usr/bin/env bash
# The shipped finance connector builds as an outside author builds a plugin, and works: installs the SDK with
# scripts/install_sdk.sh into a scratch prefix, builds connectors/finance as a standalone CMake project against
# it (find_package(HubSDK COMPONENTS odbc), whose ODBC client holds the incremental query), checks that the
# plugin exports only the two entry points, that `hub plugins` loads it from a folder of its own, and that
# `hub sync` reads the Odoo demo database (config/demo/finance/odoo17_demo.sql) into the store.
# Usage: tests/sdk_package/finance_connector_outside.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
source_dir="$1"
build_dir="$2"
# shellcheck source=outside_build.sh
source "$(dirname "${BASH_SOURCE[0]}")/outside_build.sh"
outside_build finance_connector_outside "$source_dir/connectors/finance"

sqlite3 "$work/odoo.db" <"$source_dir/config/demo/finance/odoo17_demo.sql"

cat >"$work/hub.xml" <<XML
<hub>
  <store><connection>Driver=SQLite3;Database=hub.db</connection></store>
  <plugins dir="plugins" system="false"/>
  <connectors>
    <connector name="finance" plugin="finance">
      <connection>Driver=SQLite3;Database=$work/odoo.db</connection>
      <streams>partners</streams>
    </connector>
  </connectors>
  <jobs>
    <job name="finance_partners" connector="finance" every="5m">
      <mapping entity="party">
        <field target="kind" source="kind"/>
        <field target="name" source="name"/>
      </mapping>
    </job>
  </jobs>
</hub>
XML

plugins="$("$hub" plugins --config "$work/hub.xml" 2>&1)" || fail "hub plugins failed: $plugins"
echo "$plugins"
grep -qE "^finance .* $work/plugins/hub_finance\.so loaded( mappings: .*)?$" <<<"$plugins" || fail "hub plugins did not load $plugin"
expect_line "ok" "$hub" check-config --config "$work/hub.xml"
expect_line "read=8 inserted=8 updated=0 merged=0 quarantined=0 deleted=0" "$hub" sync finance_partners --config "$work/hub.xml"
echo "finance_connector_outside: the finance connector built outside the tree loads and syncs"
