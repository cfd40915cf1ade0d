#!/usr/bin/env bash
# Email sync throughput: `hub sync` of a generated Maildir++ tree of N messages (INBOX, Sent and Sales.China;
# plain text in Chinese and English with signatures, one in ten with a PDF attachment, one in twenty filed in two
# folders) through the email connector and its shipped mapping `email_activity` into a fresh store: SQLite (a
# file) and a throwaway PostgreSQL on loopback (start_postgres of scripts/lib/test_servers.sh). Each activity
# goes through the store's per-record path (the activity's attribution by email, domain and phone, lead
# candidates, attachments). Next to it, in the same run, its ceiling: the connector alone (bench_connector_read:
# list, read, parse with GMime, build the records and map them, no store). Prints both in messages/s.
# Usage: bench/email_sync.sh [messages] (default 20000). Needs a built tree (ninja -C build hub
# hub_connector_email bench_connector_read); HUB_BUILD_DIR names another one. HUB_BENCH_ENGINES chooses the
# engines ("sqlite postgresql", the default, or either alone). Prints the load (`uptime`) before and after: the
# figures are comparable only within a run on a shared machine.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
messages="${1:-20000}"
build="${HUB_BUILD_DIR:-$root/build}"
hub="$build/bin/hub"
plugins="$build/plugins"
work="$(mktemp -d /tmp/hub-email-bench.XXXXXX)"
# shellcheck source=../scripts/lib/test_servers.sh
source "$root/scripts/lib/test_servers.sh"
trap 'stop_servers; rm -rf "$work"' EXIT

python3 - "$messages" "$work/Maildir" <<'PY'
import base64, os, sys
n, root = int(sys.argv[1]), sys.argv[2]
folders = {"INBOX": root, "Sent": os.path.join(root, ".Sent"), "Sales.China": os.path.join(root, ".Sales.China")}
for path in folders.values():
    for sub in ("new", "cur", "tmp"):
        os.makedirs(os.path.join(path, sub), exist_ok=True)
pdf = base64.encodebytes(b"%PDF-1.4\n" + os.urandom(6000)).decode()
for i in range(n):
    company = i % 400
    if i % 3 == 0:
        head = (f"From: Sales <sales@acme.cn>\nTo: buyer{company} <buyer@customer{company}.com.cn>\n"
                f"Subject: =?UTF-8?B?{base64.b64encode(f'Re: 询价 {i}'.encode()).decode()}?=\n")
        text = f"您好，\n\n报价单见附件，编号 Q-{i}。\n\n-- \nAcme Co., Ltd.\n"
        folder = "Sent"
    else:
        head = (f"From: =?UTF-8?B?{base64.b64encode('王芳'.encode()).decode()}?= <wang{i % 50}@mail.customer{company}.com.cn>\n"
                f"To: sales@acme.cn\nSubject: Request for quotation {i}\n")
        text = (f"Hello,\n\nplease send a quotation for {i % 90 + 10} pumps.\n\n> earlier mail\n\nBest regards,\n"
                f"Wang Fang\nCustomer{company} Trading Co., Ltd.\nMobile: +86 138 {i % 10000:04d} {company:04d}\n")
        folder = "INBOX" if i % 2 else "Sales.China"
    head = f"Message-ID: <m{i}@bench.example>\nDate: Tue, 14 Nov 2023 09:30:00 +0800\nMIME-Version: 1.0\n" + head
    if i % 10 == 5:
        body = (head + "Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain; charset=UTF-8\n"
                "Content-Transfer-Encoding: 8bit\n\n" + text + "--b\nContent-Type: application/pdf; name=q.pdf\n"
                "Content-Disposition: attachment; filename=q.pdf\nContent-Transfer-Encoding: base64\n\n" + pdf + "--b--\n")
    else:
        body = head + "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n" + text
    copies = [folder] + (["INBOX" if folder != "INBOX" else "Sales.China"] if i % 20 == 7 else [])
    for copy, target in enumerate(copies):
        name = f"{1699900000 + i // 5}.M{i}P{copy}.bench:2,S"
        with open(os.path.join(folders[target], "cur", name), "w", encoding="utf-8") as out:
            out.write(body)
PY
files=$(find "$work/Maildir" -type f | wc -l)

# write_config STORE FILE: the benchmark's configuration (the store's connection string) into FILE: job mail
# reading the tree through the email connector with its shipped mapping email_activity, in batches of 500.
write_config() {
  rm -rf "$work/attachments"
  cat >"$2" <<XML
<hub>
  <store><connection>$1</connection></store>
  <plugins dir="$plugins" system="false"/>
  <connectors>
    <connector name="mail" plugin="email">
      <path>$work/Maildir</path>
      <own_addresses>acme.cn</own_addresses>
      <attachment_dir>$work/attachments</attachment_dir>
    </connector>
  </connectors>
  <jobs>
    <job name="mail" connector="mail" batch_size="500">
      <mapping use="email_activity"/>
    </job>
  </jobs>
</hub>
XML
}

# measure ENGINE: hub sync of job mail into the fresh store of $work/hub.xml, then the ceiling on the same
# configuration, then both rates and their ratio.
measure() {
  local engine="$1" ceiling
  "$hub" db migrate --config "$work/hub.xml" >/dev/null
  /usr/bin/time -f "%e %U %S" -o "$work/sync.time" "$hub" sync mail --config "$work/hub.xml" >"$work/sync.out"
  echo "$engine, hub sync mail: $(cat "$work/sync.out")"
  ceiling=$("$build/bin/bench_connector_read" "$work/hub.xml" mail 2>"$work/ceiling.log")
  echo "$ceiling"
  python3 - "$engine" "$files" "$(cat "$work/sync.time")" "$(tail -n 1 <<<"$ceiling")" <<'PY'
import re, sys
engine, files, sync_time, ceiling_line = sys.argv[1:]
files, (seconds, user, system) = int(files), (float(x) for x in sync_time.split())
ceiling = float(re.search(r"no store: ([0-9.]+) records/s", ceiling_line).group(1))
print(f"{engine}: hub sync {files / seconds:,.0f} messages/s ({files} message files in {seconds:.2f} s; "
      f"hub CPU {(user + system) / files * 1e6:.0f} us/message)")
print(f"{engine}: ceiling (the email connector and mapping alone, no store) {ceiling:,.0f} messages/s; "
      f"sync / ceiling = {files / seconds / ceiling:.2f}")
PY
}

bench_sqlite() {
  write_config "Driver=SQLite3;Database=$work/hub.db" "$work/hub.xml"
  measure sqlite
}

bench_postgresql() {
  start_postgres >/dev/null
  write_config "$HUB_TEST_PG_ODBC" "$work/hub.xml"
  measure postgresql
}

echo "load before: $(uptime)"
for engine in ${HUB_BENCH_ENGINES:-sqlite postgresql}; do
  case "$engine" in
    sqlite | postgresql) "bench_$engine" ;;
    *) echo "HUB_BENCH_ENGINES: unknown engine '$engine'" >&2 && exit 2 ;;
  esac
done
echo "load after: $(uptime)"
