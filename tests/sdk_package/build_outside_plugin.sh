#!/usr/bin/env bash
# An outside author's path, for real: install the SDK package from this build, build
# sdk/examples/hello_connector against it in a separate CMake project, and load the result with `hub`.
# Usage: build_outside_plugin.sh <source dir> <build dir>
set -euo pipefail
source_dir="$1"
build_dir="$2"
work="$(mktemp -d /tmp/hub-sdk-package.XXXXXX)"
trap 'rm -rf "$work"' EXIT

cmake --install "$build_dir" --component sdk --prefix "$work/prefix" >/dev/null
test -f "$work/prefix/lib/cmake/HubSDK/HubSDKConfig.cmake"
test -f "$work/prefix/include/hub/sdk/sdk.hpp"
test -f "$work/prefix/include/hub/sdk/version.hpp"

cmake -S "$source_dir/sdk/examples/hello_connector" -B "$work/build" -G Ninja \
  -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/build" >/dev/null

mkdir -p "$work/plugins"
cp "$work/build/hub_hello.so" "$work/plugins/"
cat >"$work/hub.xml" <<XML
<hub>
  <store><connection>Driver=SQLite3;Database=hub.db</connection></store>
  <plugins dir="plugins"/>
  <connectors>
    <connector name="greetings" plugin="hello"><count>5</count></connector>
  </connectors>
  <jobs>
    <job name="greet" connector="greetings" batch_size="2">
      <mapping entity="party"><field target="kind" value="person"/><field target="name" source="name"/></mapping>
    </job>
  </jobs>
</hub>
XML

plugins="$("$build_dir/bin/hub" plugins --config "$work/hub.xml")"
echo "$plugins"
grep -Eq '^hello 1\.0\.0 connector 1\.0 .*hub_hello\.so loaded$' <<<"$plugins"
counts="$("$build_dir/bin/hub" sync greet --config "$work/hub.xml")"
echo "$counts"
[ "$counts" = "read=5 inserted=5 updated=0 merged=0 quarantined=0" ]
echo "outside plugin built against the installed SDK and loaded"
