# What the sync benchmarks share; sourced after $root, $plugins and scripts/lib/test_servers.sh are set.

# customers_config CONNECTION_STRING CSV FILE: writes to FILE the benchmark's configuration: one job
# `customers` reading CSV (bench/customers_csv.py's columns) through the file connector into the store.
customers_config() {
  cat >"$3" <<XML
<hub>
  <store><connection>$1</connection></store>
  <plugins dir="$plugins"/>
  <connectors><connector name="crm" plugin="file"><path>$2</path></connector></connectors>
  <jobs>
    <job name="customers" connector="crm" batch_size="1000">
      <mapping entity="party" id="id">
        <field target="kind" value="organization"/>
        <field target="name" source="name" transform="trim|nfkc"/>
        <field target="phone" source="phone"/>
        <field target="email" source="email" transform="lower"/>
        <field target="uscc" source="tax_id"/>
        <field target="city" source="city"/>
      </mapping>
    </job>
  </jobs>
</hub>
XML
}

# server_cpu: the CPU seconds the PostgreSQL cluster started last has used so far (bench/server_cpu.py), or 0
# before one runs.
server_cpu() {
  local pid=""
  [ ${#test_server_dirs[@]} -gt 0 ] && pid=$(head -n 1 "${test_server_dirs[-1]}/data/postmaster.pid" 2>/dev/null || true)
  python3 "$root/bench/server_cpu.py" "${pid:-0}"
}

# measure_sync LABEL CONFIG: `hub sync customers --full` with CONFIG, as one line: rows/s, wall and CPU time per
# record (and the PostgreSQL server's, when one runs), peak RSS. Needs $hub and $rows (the records the job reads).
measure_sync() {
  local label="$1" config="$2" start end usage server_before server_after
  server_before=$(server_cpu)
  start=$(date +%s.%N)
  usage=$(/usr/bin/time -f "%M %U %S" "$hub" sync customers --config "$config" --full 2>&1 >/dev/null | tail -n 1)
  end=$(date +%s.%N)
  server_after=$(server_cpu)
  python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); kb,u,c=sys.argv[5].split(); n=int(sys.argv[4]); cpu=float(u)+float(c); server=float(sys.argv[7])-float(sys.argv[6]); print(f'{sys.argv[3]}: {n/s:,.0f} rows/s ({s:.2f} s for {n} rows; CPU {cpu:.2f} s = {u} user + {c} sys = {cpu/n*1e6:.1f} us/record' + (f'; server CPU {server:.2f} s = {server/n*1e6:.1f} us/record' if server > 0 else '') + f'), peak RSS {int(kb)/1024:.0f} MB')" \
    "$start" "$end" "$label" "$rows" "$usage" "$server_before" "$server_after"
}
