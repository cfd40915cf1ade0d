#!/usr/bin/env bash
# Builds, then runs the hub in the foreground on the embedded demo configuration (SQLite under var/,
# API on 127.0.0.1:8080). Ctrl-C stops it cleanly.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/build.sh"
mkdir -p "$root/var"
cd "$root"
exec "$root/build/bin/hub" run --config "$root/config/hub.xml"
