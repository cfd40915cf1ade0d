#!/usr/bin/env bash
# The call_center connector under `hub sync`, end to end, into an SQLite store through its default mapping
# asterisk_call: a Master.csv in the cdr_csv layout with newcdrcolumns that Asterisk is still appending to.
# The first sync stores the two whole calls and quarantines a broken row with its line, holding back the last
# call (its second leg is not written yet); rows appended later give that call, whole, in the next sync; the
# last call comes once the file has settled (its time of last write set into the past, instead of waiting);
# a sync with nothing new stores nothing. Each call is one activity, its customer's number in E.164.
# Usage: tests/connectors/call_center/call_center_sync.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
source_dir="$1"
build_dir="$2"
hub="$build_dir/bin/hub"
work="$build_dir/tests/connectors/call_center/sync"
rm -rf "$work"
mkdir -p "$work"

test_name=call_center_sync
# shellcheck source=../../support/expect.sh
source "$source_dir/tests/support/expect.sh"

# One cdr_csv row with loguniqueid, loguserfield and newcdrcolumns: linkedid, src, dstchannel, start second,
# disposition, userfield.
row() {
  local answer=""
  [ "$5" = "ANSWERED" ] && answer="2026-11-02 09:00:$4"
  printf '"","%s","6000","from-pstn","%s","SIP/trunk-1","%s","Dial","","2026-11-02 09:00:%s","%s","2026-11-02 09:01:00",30,20,"%s","DOCUMENTATION","%s.%s","%s","","%s",1\n' \
    "$2" "$2" "$3" "$4" "$answer" "$5" "$1" "$4" "$6" "$1"
}

{
  row 1001 13800138000 SIP/301-01 10 "NO ANSWER" ""
  row 1001 13800138000 SIP/302-02 20 ANSWERED "asks for a quote"
  row 1002 021-6234-5678 SIP/301-03 30 BUSY ""
  echo '"","a broken row"'
  row 1003 13912345678 SIP/303-04 40 "NO ANSWER" ""
} >"$work/Master.csv"

cat >"$work/hub.xml" <<XML
<hub>
  <store><connection>Driver=SQLite3;Database=$work/hub.db</connection></store>
  <plugins dir="$build_dir/plugins" system="false"/>
  <connectors>
    <connector name="pbx" plugin="call_center">
      <path>Master.csv</path>
      <settle_time>1m</settle_time>
    </connector>
  </connectors>
  <jobs>
    <job name="calls" connector="pbx" every="1m">
      <mapping use="asterisk_call"/>
    </job>
  </jobs>
</hub>
XML

expect_line "ok" "$hub" check-config --config "$work/hub.xml"
expect_line "read=3 inserted=2 updated=0 merged=0 quarantined=1 deleted=0" "$hub" sync calls --config "$work/hub.xml"
expect_value "2" "$work/hub.db" "SELECT count(*) FROM activities"
expect_value "call|inbound|answered|302|asks for a quote|50|+8613800138000" "$work/hub.db" \
  "SELECT a.kind, a.direction, a.outcome, a.agent_extension, a.summary, a.duration_seconds, a.phone_e164
     FROM activities a JOIN source_links l ON l.entity = 'activity' AND l.record_id = a.id
    WHERE l.source_id = '1001'"
expect_value "busy||+862162345678" "$work/hub.db" \
  "SELECT a.outcome, a.agent_extension, a.phone_e164
     FROM activities a JOIN source_links l ON l.entity = 'activity' AND l.record_id = a.id
    WHERE l.source_id = '1002'"
expect_value "1" "$work/hub.db" "SELECT count(*) FROM quarantine WHERE reason LIKE '%Master.csv:4: a row of no known CDR layout%'"

# Asterisk writes call 1003's second leg and a new call 1004.
{
  row 1003 13912345678 SIP/304-05 50 ANSWERED ""
  row 1004 13700137000 SIP/301-06 55 "NO ANSWER" ""
} >>"$work/Master.csv"
expect_line "read=1 inserted=1 updated=0 merged=0 quarantined=0 deleted=0" "$hub" sync calls --config "$work/hub.xml"
# Call 1003, whole: its second leg was answered.
expect_value "answered|304|20" "$work/hub.db" \
  "SELECT a.outcome, a.agent_extension, a.duration_seconds
     FROM activities a JOIN source_links l ON l.entity = 'activity' AND l.record_id = a.id
    WHERE l.source_id = '1003'"
expect_value "3" "$work/hub.db" "SELECT count(*) FROM activities"

expect_line "read=0 inserted=0 updated=0 merged=0 quarantined=0 deleted=0" "$hub" sync calls --config "$work/hub.xml"
# Nothing written for two minutes: the last call is whole.
touch -d '2 minutes ago' "$work/Master.csv"
expect_line "read=1 inserted=1 updated=0 merged=0 quarantined=0 deleted=0" "$hub" sync calls --config "$work/hub.xml"
expect_line "read=0 inserted=0 updated=0 merged=0 quarantined=0 deleted=0" "$hub" sync calls --config "$work/hub.xml"
expect_value "4|4" "$work/hub.db" \
  "SELECT count(*), count(DISTINCT l.source_id) FROM activities a
     JOIN source_links l ON l.entity = 'activity' AND l.record_id = a.id"
echo "call_center_sync: each call stored once as Master.csv grew"
