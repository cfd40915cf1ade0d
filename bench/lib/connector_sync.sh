# The measuring half of a connector's sync benchmark (bench/hr_sync.sh, bench/email_sync.sh): `hub sync JOB`
# into a fresh store on each engine, then in the same run its ceiling, the connector and mapping alone
# (bench_connector_read on the same configuration, no store), both in records/s with their ratio and the
# hub's CPU per record, and the load before and after.
#
# The caller sets `build` (the build tree), `work` (its scratch folder, with `trap 'stop_servers; rm -rf
# "$work"' EXIT`), sources scripts/lib/test_servers.sh, defines `write_config STORE FILE` (its configuration
# for the store's connection string STORE into FILE), then calls
#   run_connector_sync_bench JOB [COUNT UNIT]
# COUNT UNIT (e.g. "$employees" employees) add a second rate in those units. HUB_BENCH_ENGINES chooses the
# engines ("sqlite postgresql", the default, or either alone).

# measure_connector_sync ENGINE JOB [COUNT UNIT]: one engine, the store of $work/hub.xml.
measure_connector_sync() {
  local engine="$1" job="$2" count="${3:-0}" unit="${4:-}" hub="$build/bin/hub" ceiling
  "$hub" db migrate --config "$work/hub.xml" >/dev/null
  /usr/bin/time -f "%e %U %S" -o "$work/sync.time" "$hub" sync "$job" --config "$work/hub.xml" >"$work/sync.out"
  echo "$engine, hub sync $job: $(cat "$work/sync.out")"
  ceiling=$("$build/bin/bench_connector_read" "$work/hub.xml" "$job" 2>"$work/ceiling.log")
  echo "$ceiling"
  python3 - "$engine" "$job" "$count" "$unit" "$(cat "$work/sync.time")" "$(tail -n 1 <<<"$ceiling")" <<'PY'
import re, sys
engine, job, count, unit, sync_time, ceiling_line = sys.argv[1:]
count, (seconds, user, system) = int(count), (float(x) for x in sync_time.split())
records = int(re.search(r"\(([0-9]+) records in", ceiling_line).group(1))
ceiling = float(re.search(r"no store: ([0-9.]+) records/s", ceiling_line).group(1))
also = f", {count / seconds:,.0f} {unit}/s" if count else ""
print(f"{engine}: hub sync {records / seconds:,.0f} records/s{also} ({records} records in {seconds:.2f} s; "
      f"hub CPU {(user + system) / records * 1e6:.1f} us/record)")
print(f"{engine}: ceiling (job {job}'s connector and mapping alone, no store) {ceiling:,.0f} records/s; "
      f"sync / ceiling = {records / seconds / ceiling:.2f}")
PY
}

run_connector_sync_bench() {
  local engine
  echo "load before: $(uptime)"
  for engine in ${HUB_BENCH_ENGINES:-sqlite postgresql}; do
    case "$engine" in
      sqlite) write_config "Driver=SQLite3;Database=$work/hub.db" "$work/hub.xml" ;;
      postgresql)
        start_postgres >/dev/null
        write_config "$HUB_TEST_PG_ODBC" "$work/hub.xml"
        ;;
      *) echo "HUB_BENCH_ENGINES: unknown engine '$engine'" >&2 && exit 2 ;;
    esac
    measure_connector_sync "$engine" "$@"
  done
  echo "load after: $(uptime)"
}
