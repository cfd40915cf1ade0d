# Sourced by the tests that build a shipped connector as an outside author builds a plugin. Defines:
#   sdk_prefix                        the scratch prefix the SDK package is installed in, once per run, by
#                                     the ctest fixture SdkPackage.InstallsIntoAScratchPrefix
#                                     (scripts/install_sdk.sh); one prefix for every outside build, so that
#                                     the sources they share (trade_formats) compile to the same commands
#                                     and the compiler cache serves all but the first
#   use_installed_sdk NAME            sets $work (emptied), fails unless the SDK is in $sdk_prefix
#   outside_build NAME CONNECTOR_DIR  builds CONNECTOR_DIR as a standalone CMake project against the
#                                     installed SDK, checks that the plugin exports only the two entry
#                                     points, and copies it into $work/plugins; sets $work, $hub and $plugin
#   expect_file_job_syncs PLUGIN FILE MAPPING LINE [OPTIONS]
#                                     for a connector that reads one file (or folder) with its default mapping:
#                                     writes $work/hub.xml (connector PLUGIN reading FILE with the option XML
#                                     OPTIONS, by default <final>true</final> (declared final); job PLUGIN
#                                     with <mapping use="MAPPING"/>), checks that `hub plugins` loads the plugin
#                                     from $work/plugins with that mapping, that `hub check-config` passes and
#                                     that `hub sync` prints LINE
#   fail, expect_line                 from tests/support/expect.sh, the failures named after NAME
# Needs $source_dir and $build_dir.

# shellcheck source=../support/expect.sh
source "$(dirname "${BASH_SOURCE[0]}")/../support/expect.sh"

sdk_prefix="$build_dir/tests/sdk_package/prefix"
launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi

use_installed_sdk() {
  test_name="$1"
  [ -f "$sdk_prefix/lib/cmake/HubSDK/HubSDKConfig.cmake" ] ||
    fail "no SDK installed in $sdk_prefix: run through ctest, whose fixture SdkPackage.InstallsIntoAScratchPrefix installs it"
  # A fixed scratch folder, emptied first: reruns compile the same paths and hit the compiler cache.
  work="$build_dir/tests/sdk_package/$test_name"
  rm -rf "$work"
  mkdir -p "$work"
}

outside_build() {
  use_installed_sdk "$1"
  local connector_dir="$2"
  hub="$build_dir/bin/hub"
  mkdir -p "$work/plugins"
  cmake -S "$connector_dir" -B "$work/build" -G Ninja -DCMAKE_PREFIX_PATH="$sdk_prefix" "${launcher[@]}" \
    >"$work/configure.log" 2>&1 || fail "configuring failed: $(cat "$work/configure.log")"
  cmake --build "$work/build" >"$work/build.log" 2>&1 || fail "building failed: $(cat "$work/build.log")"
  plugin="$(find "$work/build" -maxdepth 1 -name 'hub_*.so' | head -n 1)"
  [ -n "$plugin" ] || fail "the build made no hub_*.so"
  "$source_dir/tests/support/plugin_exports.sh" "$plugin"
  cp "$plugin" "$work/plugins/"
}

expect_file_job_syncs() {
  local connector="$1" file="$2" mapping="$3" expected="$4" options="${5-<final>true</final>}"
  cat >"$work/hub.xml" <<XML
<hub>
  <store><connection>Driver=SQLite3;Database=hub.db</connection></store>
  <plugins dir="plugins" system="false"/>
  <api address="127.0.0.1" port="0"><auth required="false"/></api>
  <connectors>
    <connector name="$connector" plugin="$connector">
      <path>$file</path>
      $options
    </connector>
  </connectors>
  <jobs>
    <job name="$connector" connector="$connector">
      <mapping use="$mapping"/>
    </job>
  </jobs>
</hub>
XML
  local plugins
  plugins="$("$hub" plugins --config "$work/hub.xml" 2>&1)" || fail "hub plugins failed: $plugins"
  echo "$plugins"
  grep -qE "^$connector .* $work/plugins/hub_$connector\.so loaded mappings: $mapping$" <<<"$plugins" ||
    fail "hub plugins did not load $plugin with its mapping $mapping"
  expect_line "ok" "$hub" check-config --config "$work/hub.xml"
  expect_line "$expected" "$hub" sync "$connector" --config "$work/hub.xml"
}
