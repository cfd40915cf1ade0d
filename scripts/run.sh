#!/usr/bin/env bash
# Builds, then runs the hub in the foreground on the embedded demo configuration (SQLite under var/,
# API on 127.0.0.1:8080). Ctrl-C stops it cleanly.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/build.sh"
mkdir -p "$root/var"
# The demo databases the connectors read over ODBC — the finance demo's Odoo database, the HR demo's employee
# table — each made from its SQL when missing: changes made to them between runs stay, and the connectors
# read them. Delete a file to start over.
demo_database() {
  local database="$root/var/$1" sql="$root/config/demo/$2"
  if [ ! -f "$database" ]; then
    rm -f "$database.tmp"
    sqlite3 "$database.tmp" <"$sql"
    mv "$database.tmp" "$database"
  fi
}
demo_database finance_demo.db finance/odoo17_demo.sql
demo_database hr_demo.db hr/hr_employees_demo.sql
cd "$root"
exec "$root/build/bin/hub" run --config "$root/config/hub.xml"
