#!/usr/bin/env bash
# Messages fetched per second over IMAP (bench_imap_fetch) from the test Dovecot, started here on loopback
# (scripts/lib/mail_servers.sh: needs root) and stopped after, with `uptime` before and after for the load.
#   bench/imap_fetch.sh [messages] [page size]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../scripts/lib/test_servers.sh
source "$root/scripts/lib/test_servers.sh"
trap stop_servers EXIT
start_mail_servers
[ -n "${HUB_TEST_MAIL_DIR:-}" ] || { echo "imap_fetch.sh: no mail servers (run as root)" >&2; exit 1; }
uptime
"${HUB_BUILD_DIR:-$root/build}/bin/bench_imap_fetch" "${1:-2000}" "${2:-100}"
uptime
