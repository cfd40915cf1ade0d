# Sourced by the tests that build a shipped connector as an outside author builds a plugin. Defines:
#   outside_build NAME CONNECTOR_DIR  installs the SDK with scripts/install_sdk.sh into a scratch prefix,
#                                     builds CONNECTOR_DIR as a standalone CMake project against it, checks
#                                     that the plugin exports only the two entry points, and copies it into
#                                     $work/plugins; sets $work, $hub and $plugin
#   fail, expect_line                 from tests/support/expect.sh, the failures named after NAME
# Needs $source_dir and $build_dir.

# shellcheck source=../support/expect.sh
source "$(dirname "${BASH_SOURCE[0]}")/../support/expect.sh"

outside_build() {
  outside_name="$1"
  test_name="$outside_name"
  local connector_dir="$2"
  hub="$build_dir/bin/hub"
  # A fixed scratch folder, emptied first: reruns compile the same paths and hit the compiler cache.
  work="$build_dir/tests/sdk_package/$outside_name"
  rm -rf "$work"
  mkdir -p "$work/plugins"
  HUB_BUILD_DIR="$build_dir" "$source_dir/scripts/install_sdk.sh" "$work/prefix" >/dev/null
  local launcher=()
  if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
  cmake -S "$connector_dir" -B "$work/build" -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix" "${launcher[@]}" \
    >"$work/configure.log" 2>&1 || fail "configuring failed: $(cat "$work/configure.log")"
  cmake --build "$work/build" >"$work/build.log" 2>&1 || fail "building failed: $(cat "$work/build.log")"
  plugin="$(find "$work/build" -maxdepth 1 -name 'hub_*.so' | head -n 1)"
  [ -n "$plugin" ] || fail "the build made no hub_*.so"
  "$source_dir/tests/support/plugin_exports.sh" "$plugin"
  cp "$plugin" "$work/plugins/"
}
