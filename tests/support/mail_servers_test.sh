#!/usr/bin/env bash
# The mail servers of scripts/test.sh (scripts/lib/mail_servers.sh) do what the mail tests rely on: a
# message submitted with STARTTLS and AUTH, and one over implicit TLS, both reach the mailbox and are read
# back over IMAP with implicit TLS and with STARTTLS; unauthenticated submission is refused (Dovecot trusts
# loopback as secure, so the clients' own TLS options are what the mail tests check).
# Skips (exit 77) when test.sh started no mail servers (not root).
set -euo pipefail
if [ -z "${HUB_TEST_MAIL_DIR:-}" ]; then
  echo "no mail servers (scripts/test.sh starts them when run as root): skipped"
  exit 77
fi
work="$(mktemp -d /tmp/hub-mail-smoke.XXXXXX)"
trap 'rm -rf "$work"' EXIT
user="$HUB_TEST_MAIL_USER@$HUB_TEST_MAIL_DOMAIN"
sender="$HUB_TEST_MAIL_USER2@$HUB_TEST_MAIL_DOMAIN"
tls=(--cacert "$HUB_TEST_MAIL_CA" --silent --show-error)
marker="smoke-$$-$RANDOM"
message() {
  printf 'From: %s\r\nTo: %s\r\nSubject: %s %s\r\nMessage-ID: <%s.%s@hub.test>\r\n\r\nbody\r\n' \
    "$sender" "$user" "$marker" "$1" "$marker" "$1" >"$work/$1.eml"
}
message submission
curl "${tls[@]}" --ssl-reqd "smtp://localhost:$HUB_TEST_SUBMISSION_PORT" --user "$HUB_TEST_MAIL_USER2:$HUB_TEST_MAIL_PASSWORD2" \
  --mail-from "$sender" --mail-rcpt "$user" -T "$work/submission.eml"
message smtps
curl "${tls[@]}" "smtps://localhost:$HUB_TEST_SMTPS_PORT" --user "$HUB_TEST_MAIL_USER2:$HUB_TEST_MAIL_PASSWORD2" \
  --mail-from "$sender" --mail-rcpt "$user" -T "$work/smtps.eml"
message anonymous
if curl "${tls[@]}" --ssl-reqd "smtp://localhost:$HUB_TEST_SUBMISSION_PORT" --mail-from "$sender" --mail-rcpt "$user" \
  -T "$work/anonymous.eml" 2>/dev/null; then
  echo "FAIL: the submission port took mail without AUTH" >&2
  exit 1
fi
login=(--user "$HUB_TEST_MAIL_USER:$HUB_TEST_MAIL_PASSWORD")
found=""
for _ in $(seq 1 100); do
  found="$(curl "${tls[@]}" "imaps://localhost:$HUB_TEST_IMAPS_PORT/INBOX" "${login[@]}" -X "UID SEARCH SUBJECT $marker")"
  [ "$(echo "$found" | wc -w)" -ge 4 ] && break
  sleep 0.1
done
if [ "$(echo "$found" | tr -d '\r' | wc -w)" -ne 4 ]; then
  echo "FAIL: expected the two messages in the mailbox, IMAP answered: $found" >&2
  exit 1
fi
uid="$(echo "$found" | tr -d '\r' | awk '{print $3}')"
curl "${tls[@]}" --ssl-reqd "imap://localhost:$HUB_TEST_IMAP_PORT/INBOX;UID=$uid" "${login[@]}" >"$work/read.eml"
grep -q "^Subject: $marker" "$work/read.eml" || { echo "FAIL: STARTTLS fetch of UID $uid gave no such message" >&2; exit 1; }
echo "mail servers: submission and smtps delivered, read back over imaps and STARTTLS"
