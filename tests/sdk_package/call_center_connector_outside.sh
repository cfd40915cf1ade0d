#!/usr/bin/env bash
# The shipped call_center connector builds as an outside author builds a plugin: installs the SDK with
# scripts/install_sdk.sh into a scratch prefix, builds connectors/call_center as a standalone CMake project
# against it (find_package(HubSDK COMPONENTS files): nothing of the hub's tree but the connector's own
# sources), checks that the plugin exports only the two entry points, that `hub plugins` loads it from a
# folder of its own with its default mapping asterisk_call, and that `hub sync` stores a cdr_custom
# Master.csv through that mapping: its two calls.
# Usage: tests/sdk_package/call_center_connector_outside.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
source_dir="$1"
build_dir="$2"
# shellcheck source=outside_build.sh
source "$(dirname "${BASH_SOURCE[0]}")/outside_build.sh"
outside_build call_center_connector_outside "$source_dir/connectors/call_center"

cp "$source_dir/tests/data/call_center/cdr_custom.csv" "$work/Master.csv"

# Its two calls.
expect_file_job_syncs call_center Master.csv asterisk_call "read=2 inserted=2 updated=0 merged=0 quarantined=0 deleted=0"
echo "call_center_connector_outside: the call_center connector built outside the tree loads and syncs a Master.csv"
