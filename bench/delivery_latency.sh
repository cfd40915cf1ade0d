#!/usr/bin/env bash
# Delivery latency: the time from an event's commit to its line in a drop folder, at the documented poll
# interval (a delivery job with every="2s"), through the real `hub run` on SQLite and on a throwaway
# PostgreSQL on loopback. Per engine, bench/delivery_latency.py syncs a CSV a few rows at a time at random
# moments (POST /api/v1/jobs/NAME/run) while the delivery job polls the store and hands the events to the
# `file` connector's outbound side, and prints the median, p95 and max latency over every event, with the
# delivery runs' own time from the hub's log. The reference is the poll interval itself: a commit waits
# for the next poll, on average half the interval, at most all of it, plus the delivery run's own time.
# Usage: bench/delivery_latency.sh [events] [rows per commit] [interval]   (default 300 2 2s)
# Needs a built tree (scripts/build.sh).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
events="${1:-300}"
per_commit="${2:-2}"
interval="${3:-2s}"
build="${HUB_BUILD_DIR:-$root/build}"
work="$(mktemp -d /tmp/hub-delivery-latency.XXXXXX)"
# shellcheck source=../scripts/lib/test_servers.sh
source "$root/scripts/lib/test_servers.sh"
trap 'stop_servers; rm -rf "$work"' EXIT

measure() {
  local label="$1" store="$2"
  mkdir -p "$work/$label"
  python3 "$root/bench/delivery_latency.py" "$build/bin/hub" "$build/plugins" "$work/$label" "$store" "$label" \
    "$events" "$per_commit" "$interval"
}

echo "machine: $(nproc) vCPUs, $(lscpu | sed -n 's/^Model name: *//p'), $(uptime)"
measure sqlite "Driver=SQLite3;Database=$work/sqlite/hub.db"
start_postgres >/dev/null
as_server_user "$pg_bin/createdb" -h 127.0.0.1 -p "$HUB_TEST_PG_PORT" -U postgres hub_latency
measure postgresql "${HUB_TEST_PG_ODBC/Database=hub_test/Database=hub_latency}"
echo "after: $(uptime)"
