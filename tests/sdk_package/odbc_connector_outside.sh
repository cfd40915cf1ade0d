#!/usr/bin/env bash
# The shipped odbc connector builds as an outside author builds a plugin, and works: installs the SDK with
# scripts/install_sdk.sh into a scratch prefix, builds connectors/odbc as a standalone CMake project against
# it (find_package(HubSDK COMPONENTS odbc): nothing of the hub's tree but the connector's own sources), and
# checks that the plugin exports only the two entry points, that `hub plugins` loads it from a folder of its
# own, and that `hub sync` reads a small SQLite database through the SQLite ODBC driver into the store.
# Usage: tests/sdk_package/odbc_connector_outside.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
source_dir="$1"
build_dir="$2"
# shellcheck source=outside_build.sh
source "$(dirname "${BASH_SOURCE[0]}")/outside_build.sh"
outside_build odbc_connector_outside "$source_dir/connectors/odbc"

python3 - "$work/crm.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("CREATE TABLE customers (customer_no INTEGER PRIMARY KEY, name TEXT NOT NULL, last_modified TEXT NOT NULL)")
db.executemany("INSERT INTO customers VALUES (?, ?, ?)", [(1, "Acme Trading", "2026-01-05 10:00:00"),
                                                          (2, "Globex", "2026-01-05 10:01:00"),
                                                          (3, "北京华信", "2026-01-05 10:02:00")])
db.commit()
PY

cat >"$work/hub.xml" <<XML
<hub>
  <store><connection>Driver=SQLite3;Database=hub.db</connection></store>
  <plugins dir="plugins" system="false"/>
  <connectors>
    <connector name="crm_customers" plugin="odbc">
      <connection>Driver=SQLite3;Database=$work/crm.db</connection>
      <query>SELECT customer_no, name, last_modified FROM customers</query>
      <timestamp_column>last_modified</timestamp_column>
      <id_column>customer_no</id_column>
    </connector>
  </connectors>
  <jobs>
    <job name="crm_customers" connector="crm_customers" every="5m">
      <mapping entity="party" id="customer_no">
        <field target="kind" value="organization"/>
        <field target="name" source="name"/>
      </mapping>
    </job>
  </jobs>
</hub>
XML

plugins="$("$hub" plugins --config "$work/hub.xml" 2>&1)" || fail "hub plugins failed: $plugins"
echo "$plugins"
grep -qE "^odbc .* $work/plugins/hub_odbc\.so loaded$" <<<"$plugins" || fail "hub plugins did not load $plugin"
expect_line "ok" "$hub" check-config --config "$work/hub.xml"
expect_line "read=3 inserted=3 updated=0 merged=0 quarantined=0 deleted=0" "$hub" sync crm_customers --config "$work/hub.xml"
echo "odbc_connector_outside: the odbc connector built outside the tree loads and syncs"
