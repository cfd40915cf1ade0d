#!/usr/bin/env bash
# Builds, starts the real servers the tests need on loopback (PostgreSQL, Postfix and Dovecot), runs every test through ctest,
# stops the servers, and exits non-zero on any failure.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/build.sh"

# shellcheck source=lib/test_servers.sh
source "$root/scripts/lib/test_servers.sh"
trap stop_servers EXIT
start_postgres
start_mail_servers

ctest --test-dir "${HUB_BUILD_DIR:-$root/build}" --output-on-failure -j"$(nproc)" --timeout 600
