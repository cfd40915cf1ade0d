#!/usr/bin/env bash
# Delivery throughput: events delivered per second from the outbox to the real `file` connector plugin (its
# outbound side, events_dir: JSON Lines files written under a temporary name, fsynced and renamed) by
# RunDelivery, on SQLite and on a throwaway PostgreSQL on loopback, next to the ceiling measured in the same
# run on the same rows: reading them in id order in batches of the same size and handing each batch to the
# same plugin, without any delivery state (bench_delivery_throughput). Each measurement gets a fresh
# database filled with the given number of party events (untimed).
# Usage: bench/delivery_throughput.sh [events] [batch sizes...] (default 200000, batch sizes 500 2000).
# Needs a built tree (scripts/build.sh).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
events="${1:-200000}"
shift || true
batch_sizes=("${@:-500 2000}")
read -r -a batch_sizes <<<"${batch_sizes[*]}"
bench="${HUB_BUILD_DIR:-$root/build}/bin/bench_delivery_throughput"
work="$(mktemp -d /tmp/hub-delivery-bench.XXXXXX)"
# shellcheck source=../scripts/lib/test_servers.sh
source "$root/scripts/lib/test_servers.sh"
trap 'stop_servers; rm -rf "$work"' EXIT

echo "machine: $(nproc) vCPUs, $(lscpu | sed -n 's/^Model name: *//p'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
for size in "${batch_sizes[@]}"; do
  "$bench" "Driver=SQLite3;Database=$work/delivery_$size.db" "$events" "$size"
done
start_postgres >/dev/null
for size in "${batch_sizes[@]}"; do
  as_server_user "$pg_bin/createdb" -h 127.0.0.1 -p "$HUB_TEST_PG_PORT" -U postgres "hub_delivery_$size"
  "$bench" "${HUB_TEST_PG_ODBC/Database=hub_test/Database=hub_delivery_$size}" "$events" "$size"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
