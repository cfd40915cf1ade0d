#!/usr/bin/env python3
"""One measurement of the time from commit to delivery (bench/delivery_latency.sh runs it per engine).

Starts the real `hub run` on STORE with two jobs on the `file` connector: a sync job without a schedule
reading a CSV, and a delivery job (kind="delivery", every=INTERVAL) dropping every event as JSON Lines into
a folder. Then, EVENTS / ROWS_PER_COMMIT times: appends ROWS_PER_COMMIT new customers to the CSV, starts the
sync job with POST /api/v1/jobs/crm_customers/run (each run one store transaction: its outbox rows commit
together) and waits a random 0.1 to 0.9 s, so that commits fall at every phase of the delivery's poll.

Per event, the latency is the time its line appeared in the drop folder (the status-change time of its
file, which the connector's final rename sets) minus its `occurred_at` (outbox_events.created_at: on SQLite
the insert's time, on PostgreSQL the transaction's start; both a few ms before the commit, so the figures
slightly overstate the latency). Prints the latencies' median, p95, max, min and mean, and from the hub's
log the median time of a delivery run that delivered something and of a sync run (the gap between
created_at and the commit is at most the latter).

Usage: delivery_latency.py HUB PLUGIN_DIR WORK_DIR STORE_CONNECTION LABEL [EVENTS] [ROWS_PER_COMMIT] [INTERVAL]
"""
import calendar
import json
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request

SYNC_JOB = "crm_customers"
DELIVERY_JOB = "erp_feed"


def write_config(work, store, plugin_dir, interval):
    config = os.path.join(work, "hub.xml")
    with open(config, "w", encoding="utf-8") as out:
        out.write(f"""<hub name="latency">
  <store><connection>{store}</connection></store>
  <plugins dir="{plugin_dir}" system="false"/>
  <api address="127.0.0.1" port="0"><auth required="false"/></api>
  <connectors>
    <connector name="crm" plugin="file">
      <path>customers.csv</path>
      <id_field>id</id_field>
      <final>true</final>
    </connector>
    <connector name="erp_drop" plugin="file"><events_dir>drop</events_dir></connector>
  </connectors>
  <jobs>
    <job name="{SYNC_JOB}" connector="crm">
      <mapping entity="party" id="id">
        <field target="kind" value="organization"/>
        <field target="name" source="name"/>
        <field target="country" source="country"/>
      </mapping>
    </job>
    <job name="{DELIVERY_JOB}" kind="delivery" connector="erp_drop" every="{interval}"/>
  </jobs>
</hub>
""")
    return config


def wait_for(condition, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    sys.exit(f"delivery_latency: {what} within {seconds} s")


def api_port(log_path):
    with open(log_path, encoding="utf-8", errors="replace") as log:
        found = re.search(r"API listening on http://127\.0\.0\.1:(\d+)", log.read())
    return int(found.group(1)) if found else None


def start_sync(port):
    """Starts one run of the sync job; waits while the previous one is still running (409)."""
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/jobs/{SYNC_JOB}/run", data=b"",
                                     method="POST")
    while True:
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:
                if answer.status == 202:
                    return
        except urllib.error.HTTPError as error:
            if error.code != 409:
                raise
        time.sleep(0.02)


def dropped_lines(drop):
    """Every line of the finished drop files, with the time its file appeared (ns)."""
    lines = []
    for entry in os.scandir(drop):
        if entry.name.startswith(".") or not entry.name.endswith(".jsonl"):
            continue
        appeared_ns = entry.stat().st_ctime_ns
        with open(entry.path, encoding="utf-8") as events:
            lines.extend((line, appeared_ns) for line in events if line.strip())
    return lines


def occurred_ns(stamp):
    # 2026-12-01T21:03:10.123Z
    seconds, millis = stamp.rstrip("Z").split(".")
    whole = calendar.timegm(time.strptime(seconds, "%Y-%m-%dT%H:%M:%S"))
    return whole * 1_000_000_000 + int(millis) * 1_000_000


def run_seconds(log_text, job, delivered_only):
    runs = []
    for match in re.finditer(rf"job {job}: (.*?) in ([0-9.]+)s", log_text):
        if delivered_only and re.search(r"\bdelivered=0\b", match.group(1)):
            continue
        runs.append(float(match.group(2)))
    return runs


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    if len(sys.argv) < 6:
        sys.exit(__doc__)
    hub, plugin_dir, work, store, label = sys.argv[1:6]
    events = int(sys.argv[6]) if len(sys.argv) > 6 else 300
    per_commit = int(sys.argv[7]) if len(sys.argv) > 7 else 2
    interval = sys.argv[8] if len(sys.argv) > 8 else "2s"
    os.makedirs(os.path.join(work, "drop"), exist_ok=True)
    csv_path = os.path.join(work, "customers.csv")
    with open(csv_path, "w", encoding="utf-8") as csv:
        csv.write("id,name,country\n")
    config = write_config(work, store, plugin_dir, interval)
    log_path = os.path.join(work, "hub.log")
    with open(log_path, "w") as log:
        process = subprocess.Popen([hub, "run", "--config", config], cwd=work, stdout=log, stderr=subprocess.STDOUT)
    try:
        port = wait_for(lambda: api_port(log_path), 60, "the API did not start")
        commits = (events + per_commit - 1) // per_commit
        written = 0
        for commit in range(commits):
            rows = min(per_commit, events - written)
            with open(csv_path, "a", encoding="utf-8") as csv:
                csv.write("".join(f"C{written + i},Customer {written + i} Trading Co,CN\n" for i in range(rows)))
            written += rows
            start_sync(port)
            time.sleep(random.uniform(0.1, 0.9))
        drop = os.path.join(work, "drop")
        wait_for(lambda: len({line for line, _ in dropped_lines(drop)}) >= events, 120,
                 f"not all {events} events were delivered")
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)

    latencies = []
    seen = set()
    for line, appeared_ns in dropped_lines(os.path.join(work, "drop")):
        event = json.loads(line)
        if event["event_id"] in seen:
            continue  # at least once: a repeat counts at its first appearance only
        seen.add(event["event_id"])
        latencies.append((appeared_ns - occurred_ns(event["occurred_at"])) / 1e6)
    with open(log_path, encoding="utf-8", errors="replace") as log:
        log_text = log.read()
    deliveries = run_seconds(log_text, DELIVERY_JOB, delivered_only=True)
    syncs = run_seconds(log_text, SYNC_JOB, delivered_only=False)
    print(f"{label}: {len(latencies)} events in {commits} commits, delivery every {interval}: "
          f"commit to delivery median {statistics.median(latencies):.0f} ms, "
          f"p95 {percentile(latencies, 0.95):.0f} ms, max {max(latencies):.0f} ms, "
          f"min {min(latencies):.0f} ms, mean {statistics.mean(latencies):.0f} ms; "
          f"a delivery run that delivered: median {1000 * statistics.median(deliveries):.0f} ms "
          f"({len(deliveries)} runs); a sync run: median {1000 * statistics.median(syncs):.0f} ms")


if __name__ == "__main__":
    main()
