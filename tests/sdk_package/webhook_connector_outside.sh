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
hub="$build_dir/bin/hub"
# A fixed scratch folder, emptied first: reruns compile the same paths and hit the compiler cache.
work="$build_dir/tests/sdk_package/webhook_connector_outside"
rm -rf "$work"
mkdir -p "$work/plugins"

fail() {
  echo "webhook_connector_outside: $*" >&2
  exit 1
}

HUB_BUILD_DIR="$build_dir" "$source_dir/scripts/install_sdk.sh" "$work/prefix" >/dev/null

launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
cmake -S "$source_dir/connectors/webhook" -B "$work/build" -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix" \
  "${launcher[@]}" >"$work/configure.log" 2>&1 || fail "configuring failed: $(cat "$work/configure.log")"
cmake --build "$work/build" >"$work/build.log" 2>&1 || fail "building failed: $(cat "$work/build.log")"
plugin="$work/build/hub_webhook.so"
"$source_dir/tests/support/plugin_exports.sh" "$plugin"
cp "$plugin" "$work/plugins/"

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
