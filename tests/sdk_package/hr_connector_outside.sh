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

# The team, the territory and the two employees.
expect_file_job_syncs hr roster.csv cn_hr "read=4 inserted=4 updated=0 merged=0 quarantined=0 deleted=0"
echo "hr_connector_outside: the hr connector built outside the tree loads and syncs a GB18030 roster"
