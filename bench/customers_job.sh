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
