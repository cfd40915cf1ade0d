#!/usr/bin/env bash
# The hr connector reading the HR system's employee table over ODBC under `hub sync`, end to end: an SQLite
# table (made with the sqlite3 CLI) synced into an SQLite store through the shipped mapping cn_hr, the hub
# started from another directory (the connection's relative Database= is taken from the configuration's
# folder). Every record is stored once; a run with nothing changed writes nothing although the overlap
# re-reads rows; a leaver gives exactly one employee.status_changed; a row committed late with a timestamp
# older than the watermark but inside the overlap is stored once; a row without 工号 is quarantined with its
# position and reason while the rest goes on; a sync killed (SIGKILL) in the middle resumes without losing or
# repeating an employee.
# Usage: tests/connectors/hr/hr_table_sync.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
source_dir="$1"
build_dir="$2"
hub="$build_dir/bin/hub"
work="$build_dir/tests/connectors/hr/table_sync"
rm -rf "$work"
mkdir -p "$work/config"

test_name=hr_table_sync
# shellcheck source=../../support/expect.sh
source "$source_dir/tests/support/expect.sh"

# Like expect_line for a sync's count line, whatever it read (the overlap window re-reads the newest rows).
expect_counts() {
  local expected="$1"
  shift
  local output
  output="$("$@" 2>&1)" || fail "'$*' failed: $output"
  echo "$output"
  grep -qE -- "^read=[0-9]+ $expected\$" <<<"$output" || fail "'$*' did not print 'read=N $expected'"
}

expect_value() {
  local expected="$1" db="$2" sql="$3" actual
  actual="$(sqlite3 "$db" "$sql")"
  [ "$actual" = "$expected" ] || fail "'$sql' gave '$actual', not '$expected'"
}

# `hub sync JOB` with the configuration CONFIG, run from / so that no path can be taken from the cwd.
sync() { (cd / && "$hub" sync "$1" --config "$2"); }

create_table() {
  sqlite3 "$1" "CREATE TABLE hr_employees (id INTEGER PRIMARY KEY, 工号 TEXT, 姓名 TEXT, department TEXT,
    职务 TEXT, 区域 TEXT, 入职日期 DATE, 离职日期 DATE, status TEXT, updated_at TIMESTAMP);"
}
create_table "$work/hr.db"
sqlite3 "$work/hr.db" "INSERT INTO hr_employees (id, 工号, 姓名, department, 职务, 区域, 入职日期, status, updated_at) VALUES
  (1, 'E1001', '张伟', '销售一部', '销售代表', '华东', '2023-03-15', '在职', '2026-11-02 09:00:00'),
  (2, 'E1002', '李娜', '销售一部', '销售代表', '华东、华南', '2023-04-01', '在职', '2026-11-02 09:05:00'),
  (3, 'E1003', '王芳', '客服部', '客服专员', '华北', '2024-01-08', '休假', '2026-11-02 09:07:00');"

config() {
  cat <<XML
<hub>
  <store><connection>Driver=SQLite3;Database=../$1.db</connection></store>
  <plugins dir="$build_dir/plugins" system="false"/>
  <connectors>
    <connector name="hr_db" plugin="hr">
      <connection>Driver=SQLite3;Database=../$2.db</connection>
      <table>hr_employees</table>
      <timestamp_column>updated_at</timestamp_column>
      <id_column>id</id_column>
      <overlap>5m</overlap>
    </connector>
  </connectors>
  <jobs><job name="hr" connector="hr_db" every="15m" batch_size="$3"><mapping use="cn_hr"/></job></jobs>
</hub>
XML
}
config hub hr 100 >"$work/config/hub.xml"
db="$work/hub.db"
expect_line "ok" "$hub" check-config --config "$work/config/hub.xml"
# 2 teams, 3 territories, 3 employees.
expect_line "read=8 inserted=8 updated=0 merged=0 quarantined=0 deleted=0" sync hr "$work/config/hub.xml"
expect_value "E1001|active|2023-03-15
E1002|active|2023-04-01
E1003|on_leave|2024-01-08" "$db" "SELECT employee_number, status, hired_on FROM employees ORDER BY employee_number"
expect_value "华东,华南" "$db" "SELECT group_concat(name, ',') FROM (SELECT t.name FROM employees e
  JOIN employee_territories et ON et.employee_id = e.id JOIN territories t ON t.id = et.territory_id
  WHERE e.employee_number = 'E1002' ORDER BY t.name)"

# Nothing changed: the overlap re-reads the newest rows, and nothing is written.
expect_counts "inserted=0 updated=0 merged=0 quarantined=0 deleted=0" sync hr "$work/config/hub.xml"

# 李娜 leaves: one update, one employee.status_changed; a sync after it changes nothing.
changed="SELECT COUNT(*) FROM outbox_events WHERE kind = 'employee.status_changed'"
expect_value "0" "$db" "$changed"
sqlite3 "$work/hr.db" "UPDATE hr_employees SET status = '离职', 离职日期 = '2026-11-30',
  updated_at = '2026-12-01 09:00:00' WHERE id = 2"
expect_counts "inserted=0 updated=1 merged=0 quarantined=0 deleted=0" sync hr "$work/config/hub.xml"
expect_value "1" "$db" "$changed"
expect_value "left|2026-11-30" "$db" "SELECT status, left_on FROM employees WHERE employee_number = 'E1002'"
expect_counts "inserted=0 updated=0 merged=0 quarantined=0 deleted=0" sync hr "$work/config/hub.xml"
expect_value "1" "$db" "$changed"

# A row the HR system stamped before the watermark (09:00 on 1 Dec) and committed only now, inside the
# overlap: stored by the next sync, and once.
sqlite3 "$work/hr.db" "INSERT INTO hr_employees (id, 工号, 姓名, department, 区域, status, updated_at)
  VALUES (4, 'E1004', '赵磊', '客服部', '华北', '在职', '2026-12-01 08:57:00')"
expect_counts "inserted=1 updated=0 merged=0 quarantined=0 deleted=0" sync hr "$work/config/hub.xml"
expect_counts "inserted=0 updated=0 merged=0 quarantined=0 deleted=0" sync hr "$work/config/hub.xml"
expect_value "1" "$db" "SELECT COUNT(*) FROM employees WHERE employee_number = 'E1004'"

# A row without 工号 is quarantined with its position and reason; the row after it is stored.
sqlite3 "$work/hr.db" "INSERT INTO hr_employees (id, 姓名, department, status, updated_at) VALUES
  (5, '无工号', '客服部', '在职', '2026-12-01 10:00:00');
  INSERT INTO hr_employees (id, 工号, 姓名, department, status, updated_at) VALUES
  (6, 'E1006', '周杰', '客服部', '在职', '2026-12-01 10:01:00');"
expect_counts "inserted=1 updated=0 merged=0 quarantined=1 deleted=0" sync hr "$work/config/hub.xml"
quarantine="$(cd / && "$hub" quarantine list --config "$work/config/hub.xml" 2>&1)" ||
  fail "quarantine list failed: $quarantine"
echo "$quarantine"
grep -qF "hr_employees id=5: 工号 is empty" <<<"$quarantine" || fail "the quarantine does not give the position and reason"

# Killed in the middle of 300 employees (one record a batch), then run again: each employee once.
create_table "$work/many.db"
{
  echo "BEGIN;"
  for i in $(seq 1 300); do
    printf "INSERT INTO hr_employees (id, 工号, 姓名, department, status, updated_at) VALUES (%d, 'K%03d', '员工%d', '部门%d', '在职', '2026-11-01 08:00:%02d');\n" \
      "$i" "$i" "$i" $((i % 7)) $((i % 60))
  done
  echo "COMMIT;"
} | sqlite3 "$work/many.db"
config many_store many 1 >"$work/config/many.xml"
(cd / && exec "$hub" sync hr --config "$work/config/many.xml") >"$work/killed.log" 2>&1 &
pid=$!
deadline=$((SECONDS + 60))
until [ "$(sqlite3 "$work/many_store.db" "SELECT COUNT(*) FROM employees" 2>/dev/null || echo 0)" -gt 20 ]; do
  kill -0 "$pid" 2>/dev/null || break
  [ "$SECONDS" -lt "$deadline" ] || fail "the sync stored no employee within 60 s"
  sleep 0.05
done
kill -KILL "$pid" 2>/dev/null && echo "hr_table_sync: killed the sync after $(sqlite3 "$work/many_store.db" "SELECT COUNT(*) FROM employees") employees"
wait "$pid" 2>/dev/null || true
sync hr "$work/config/many.xml" || fail "the sync after the kill failed"
expect_value "300|300|7" "$work/many_store.db" \
  "SELECT (SELECT COUNT(*) FROM employees), (SELECT COUNT(DISTINCT employee_number) FROM employees), (SELECT COUNT(*) FROM teams)"
expect_value "307" "$work/many_store.db" "SELECT COUNT(*) FROM source_links"
echo "hr_table_sync: the hr connector syncs the employee table once per change"
