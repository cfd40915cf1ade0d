#!/usr/bin/env bash
# The shipped hr connector builds as an outside author builds a plugin: installs the SDK with
# scripts/install_sdk.sh into a scratch prefix, builds connectors/hr as a standalone CMake project against it
# (find_package(HubSDK COMPONENTS files odbc): nothing of the hub's tree but the connector's own sources), checks
# that the plugin exports only the two entry points, that `hub plugins` loads it from a folder of its own
# with its default mapping cn_hr, and that `hub sync` stores a GB18030 roster with a title row through that
# mapping: the team, the territory and the two employees.
# Usage: tests/sdk_package/hr_connector_outside.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
source_dir="$1"
build_dir="$2"
# shellcheck source=outside_build.sh
source "$(dirname "${BASH_SOURCE[0]}")/outside_build.sh"
outside_build hr_connector_outside "$source_dir/connectors/hr"

python3 - "$work/roster.csv" <<'PY'
import sys
rows = "员工花名册 2026年11月,,,,\n工号,姓名,部门,区域,入职日期\nE1,张伟,销售一部,华东,2023年3月15日\nE2,王䶮,销售一部,华东,2024/2/29\n"
with open(sys.argv[1], "wb") as out:
    out.write(rows.encode("gb18030"))
PY

cat >"$work/hub.xml" <<XML
<hub>
  <store><connection>Driver=SQLite3;Database=hub.db</connection></store>
  <plugins dir="plugins" system="false"/>
  <api address="127.0.0.1" port="0"><auth required="false"/></api>
  <connectors>
    <connector name="hr" plugin="hr">
      <path>roster.csv</path>
      <final>true</final>
    </connector>
  </connectors>
  <jobs>
    <job name="hr" connector="hr">
      <mapping use="cn_hr"/>
    </job>
  </jobs>
</hub>
XML

plugins="$("$hub" plugins --config "$work/hub.xml" 2>&1)" || fail "hub plugins failed: $plugins"
echo "$plugins"
grep -qE "^hr .* $work/plugins/hub_hr\.so loaded mappings: cn_hr$" <<<"$plugins" ||
  fail "hub plugins did not load $plugin with its mapping cn_hr"
expect_line "ok" "$hub" check-config --config "$work/hub.xml"
synced="$("$hub" sync hr --config "$work/hub.xml" 2>&1)" || fail "hub sync failed: $synced"
echo "$synced"
# The team, the territory and the two employees (a later hub appends " deleted=N").
grep -qE "^read=4 inserted=4 updated=0 merged=0 quarantined=0( deleted=0)?$" <<<"$synced" ||
  fail "hub sync did not store the roster's four records: $synced"
echo "hr_connector_outside: the hr connector built outside the tree loads and syncs a GB18030 roster"
