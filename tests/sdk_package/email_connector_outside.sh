#!/usr/bin/env bash
# The shipped email connector builds as an outside author builds a plugin: installs the SDK with
# scripts/install_sdk.sh into a scratch prefix, builds connectors/email as a standalone CMake project against it
# (find_package(HubSDK COMPONENTS files), GMime and libpsl through pkg-config: nothing of the hub's tree but the
# connector's own sources), checks that the plugin exports only the two entry points, that `hub plugins` loads
# it from a folder of its own with its default mapping email_activity, and that `hub sync` stores the demo
# Maildir through that mapping: five files, four messages (one filed in two folders).
# Usage: tests/sdk_package/email_connector_outside.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
source_dir="$1"
build_dir="$2"
# shellcheck source=outside_build.sh
source "$(dirname "${BASH_SOURCE[0]}")/outside_build.sh"
outside_build email_connector_outside "$source_dir/connectors/email"

cp -r "$source_dir/config/demo/email/Maildir" "$work/Maildir"

expect_file_job_syncs email Maildir email_activity "read=5 inserted=4 updated=0 merged=0 quarantined=0 deleted=0" \
  "<own_addresses>hub-demo.example</own_addresses>"
echo "email_connector_outside: the email connector built outside the tree loads and syncs a Maildir"
