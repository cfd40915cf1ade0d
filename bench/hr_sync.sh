#!/usr/bin/env bash
# HR sync throughput: `hub sync` of a generated GB18030 roster (花名册) of N employees — the real export's shape:
# title rows, then the Chinese headers 工号, 姓名, 部门, 部门编码, 上级部门, 职务, 角色, 区域, 入职日期 (2023年3月15日,
# 2023/3/15, 2023-03-15), 离职日期, 状态, 上级工号, …; 40 departments under 5 divisions and 30 regions, so teams
# and territories repeat — through the hr connector and its shipped mapping `cn_hr` into a fresh store: SQLite
# (a file) and a throwaway PostgreSQL on loopback (start_postgres of scripts/lib/test_servers.sh). Next to it,
# in the same run, its ceiling: the connector alone (bench_connector_read: decode, parse and records through the
# plugin, then the mapping, no store). Not the raw insert of the same rows, as bench/finance_sync.sh's is: the
# store has no bulk insert for employees (their status change and team/territory assignments are written per
# record), so bench_store_rows_insert does not take them. Prints both in records/s (records = the employees and
# the team, territory and speciality records the connector gives before them) and employees/s.
# Usage: bench/hr_sync.sh [employees] (default 50000). Needs a built tree (ninja -C build hub hub_connector_hr
# bench_connector_read); HUB_BUILD_DIR names another one. HUB_BENCH_ENGINES chooses the engines ("sqlite
# postgresql", the default, or either alone). Prints the load (`uptime`) before and after: the figures are
# comparable only within a run on a shared machine.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
employees="${1:-50000}"
build="${HUB_BUILD_DIR:-$root/build}"
plugins="$build/plugins"
work="$(mktemp -d /tmp/hub-hr-bench.XXXXXX)"
# shellcheck source=../scripts/lib/test_servers.sh
source "$root/scripts/lib/test_servers.sh"
# shellcheck source=lib/connector_sync.sh
source "$root/bench/lib/connector_sync.sh"
trap 'stop_servers; rm -rf "$work"' EXIT

python3 - "$employees" "$work/花名册.csv" <<'PY'
import sys
n, path = int(sys.argv[1]), sys.argv[2]
divisions = ["销售管理部", "市场部", "客户服务部", "渠道管理部", "大客户事业部"]
departments = [(f"{divisions[i % 5]}{'一二三四五六七八'[i // 5]}组", f"D{i:02d}", divisions[i % 5], f"V{i % 5}")
               for i in range(40)]
regions = ["华东", "华南", "华北", "华中", "西南", "西北", "东北", "上海", "北京", "广州", "深圳", "杭州", "南京", "苏州",
           "成都", "重庆", "武汉", "长沙", "西安", "郑州", "济南", "青岛", "天津", "沈阳", "大连", "厦门", "福州", "合肥",
           "昆明", "南宁"]
titles = ["销售经理", "客户经理", "销售代表", "客服专员", "渠道经理"]
roles = ["", "", "", "组长", "负责人"]
industries = ["制造业", "零售业", "金融业", "医疗健康", "教育", "能源", ""]
functions = ["大客户销售", "渠道销售", "电话销售", "售后服务"]
statuses = ["在职"] * 16 + ["试用", "产假", "休假", "离职"]
surnames, given = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗", "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华"
rows = ["员工花名册 2026年11月", "导出日期：2026年11月30日",
        "工号,姓名,部门,部门编码,上级部门,上级部门编码,职务,角色,区域,入职日期,离职日期,状态,上级工号,手机,邮箱,行业专长,职能专长,产能"]
for i in range(1, n + 1):
    name, code, parent, parent_code = departments[i % 40]
    region = regions[i % 30] + ("、" + regions[(i + 7) % 30] if i % 4 == 0 else "")
    year, month, day = 2015 + i % 11, 1 + i % 12, 1 + i % 28
    hired = [f"{year}年{month}月{day}日", f"{year}/{month}/{day}", f"{year}-{month:02d}-{day:02d}"][i % 3]
    status = statuses[i % len(statuses)]
    left = f"2026年{1 + i % 10}月{day}日" if status == "离职" else ""
    manager = f"E{i - 40:07d}" if i > 40 else ""
    industry = industries[i % 7] + ("、" + industries[(i + 1) % 6] if i % 5 == 0 else "")
    rows.append(f"E{i:07d},{surnames[i % 20]}{given[i % 24]}{given[(i // 24) % 24]},{name},{code},{parent},{parent_code},"
                f"{titles[i % 5]},{roles[i % 5]},{region},{hired},{left},{status},{manager},1{3800000000 + i:010d},"
                f"e{i}@example.cn,{industry},{functions[i % 4]},{30 + i % 21}")
with open(path, "w", encoding="gb18030", newline="") as out:
    out.write("\r\n".join(rows) + "\r\n")
PY

# write_config STORE FILE: the benchmark's configuration (the store's connection string) into FILE: job hr
# reading the roster through the hr connector with its shipped mapping cn_hr, in batches of 1 000.
write_config() {
  cat >"$2" <<XML
<hub>
  <store><connection>$1</connection></store>
  <plugins dir="$plugins" system="false"/>
  <connectors>
    <connector name="hr" plugin="hr">
      <path>$work/花名册.csv</path>
      <final>true</final>
    </connector>
  </connectors>
  <jobs>
    <job name="hr" connector="hr" batch_size="1000">
      <mapping use="cn_hr"/>
    </job>
  </jobs>
</hub>
XML
}

run_connector_sync_bench hr "$employees" employees
