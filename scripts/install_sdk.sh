#!/usr/bin/env bash
# Installs the plugin SDK (headers and the CMake package HubSDK) from a hub build into PREFIX, for authors
# who build plugins outside this repository. Runs only the SDK's own install script, so nothing is written
# into the build tree (a plain `cmake --install build` leaves install_manifest.txt there).
# Usage: scripts/install_sdk.sh PREFIX      (the build is build/, or $HUB_BUILD_DIR)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${HUB_BUILD_DIR:-$root/build}"
if [ $# -ne 1 ] || [ -z "$1" ]; then
  echo "usage: scripts/install_sdk.sh PREFIX" >&2
  exit 2
fi
if [ ! -f "$build_dir/sdk/cmake_install.cmake" ]; then
  echo "install_sdk.sh: no hub build in $build_dir: run scripts/build.sh first (or set HUB_BUILD_DIR)" >&2
  exit 1
fi
prefix="$(mkdir -p "$1" && cd "$1" && pwd)"
cmake -DCMAKE_INSTALL_PREFIX="$prefix" -DCMAKE_INSTALL_COMPONENT=sdk -P "$build_dir/sdk/cmake_install.cmake"
echo "install_sdk.sh: HubSDK installed in $prefix (build plugins with -DCMAKE_PREFIX_PATH=$prefix)"
