#!/usr/bin/env bash
# Builds, then runs the hub in the foreground on the embedded demo configuration (SQLite under var/,
# API on 127.0.0.1:8080). Ctrl-C stops it cleanly.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/build.sh"
mkdir -p "$root/var"
# The finance demo's Odoo database (the finance connector reads it), made from its SQL when missing: changes
# made to it between runs stay, and the connector reads them. Delete the file to start over.
if [ ! -f "$root/var/finance_demo.db" ]; then
  rm -f "$root/var/finance_demo.db.tmp"
  sqlite3 "$root/var/finance_demo.db.tmp" <"$root/config/demo/finance/odoo17_demo.sql"
  mv "$root/var/finance_demo.db.tmp" "$root/var/finance_demo.db"
fi
cd "$root"
exec "$root/build/bin/hub" run --config "$root/config/hub.xml"
