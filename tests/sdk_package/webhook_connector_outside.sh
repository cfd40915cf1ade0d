#!/usr/bin/env bash
# The shipped webhook connector builds as an outside author builds a plugin, and loads: installs the SDK with
# scripts/install_sdk.sh into a scratch prefix, builds connectors/webhook as a standalone CMake project
# against it (find_package(HubSDK) plus libcurl, OpenSSL and Boost.JSON: nothing of the hub's tree but the
# connector's own sources), and checks that the plugin exports only the two entry points, that `hub plugins`
# loads it from a folder of its own, and that `hub check-config` validates a connector section for it.
# Delivery itself is tested in the tree (tests/connectors/webhook).
# Usage: tests/sdk_package/webhook_connector_outside.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
source_dir="$1"
build_dir="$2"
# shellcheck source=outside_build.sh
source "$(dirname "${BASH_SOURCE[0]}")/outside_build.sh"
outside_build webhook_connector_outside "$source_dir/connectors/webhook"

cat >"$work/hub.xml" <<XML
<hub>
  <store><connection>Driver=SQLite3;Database=hub.db</connection></store>
  <plugins dir="plugins" system="false"/>
  <connectors>
    <connector name="erp_events" plugin="webhook">
      <url>https://erp.example.com/hub/events</url>
      <secret>\${env:HUB_TEST_WEBHOOK_SECRET}</secret>
      <timeout>15s</timeout>
    </connector>
  </connectors>
</hub>
XML

export HUB_TEST_WEBHOOK_SECRET=s3cret
plugins="$("$hub" plugins --config "$work/hub.xml" 2>&1)" || fail "hub plugins failed: $plugins"
echo "$plugins"
grep -qE "^webhook .* $work/plugins/hub_webhook\.so loaded$" <<<"$plugins" || fail "hub plugins did not load $plugin"
checked="$("$hub" check-config --config "$work/hub.xml" 2>&1)" ||
  fail "hub check-config failed: $checked"
grep -qxF "ok" <<<"$checked" || fail "hub check-config did not print 'ok': $checked"
echo "webhook_connector_outside: the webhook connector built outside the tree loads"
