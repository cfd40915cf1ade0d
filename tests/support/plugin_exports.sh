#!/usr/bin/env bash
# Checks that each plugin library given exports exactly the two Boost.DLL aliases the hub looks up
# (hub_plugin_abi, hub_plugin_entry) and no other dynamic symbol: what hub_add_connector's version script and
# hidden visibility promise. Prints the defined dynamic symbols of a library that exports anything else.
# Usage: tests/support/plugin_exports.sh PLUGIN.so...     exit 0 when every one passes, 1 otherwise
set -euo pipefail
status=0
for library in "$@"; do
  if [ ! -f "$library" ]; then
    echo "plugin_exports.sh: $library: no such file" >&2
    status=1
    continue
  fi
  symbols="$(nm -D --defined-only "$library" | awk '{print $NF}' | sort | tr '\n' ' ')"
  if [ "$symbols" != "hub_plugin_abi hub_plugin_entry " ]; then
    echo "plugin_exports.sh: $library exports: $symbols(expected only hub_plugin_abi hub_plugin_entry)" >&2
    status=1
  fi
done
exit "$status"
