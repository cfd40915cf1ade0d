# Throwaway mail servers for the tests, on loopback only, sourced by scripts/lib/test_servers.sh:
# Dovecot (IMAP with STARTTLS and implicit TLS, LMTP, SASL for the MTA) and Postfix (SMTP for delivery,
# submission with STARTTLS and AUTH, implicit-TLS submissions), both configured under one temporary folder
# with a certificate made here and two throwaway users. Postfix hands every message for the test domain to
# Dovecot over LMTP, so mail sent through Postfix is read back over IMAP. Needs root (Postfix's master and
# Dovecot switch to their own users); the tests that need these servers skip, saying so, without them.
#
# start_mail_servers exports:
#   HUB_TEST_MAIL_DOMAIN              the domain both servers serve (hub.test)
#   HUB_TEST_MAIL_USER / _PASSWORD    a mailbox user (its address: user@domain)
#   HUB_TEST_MAIL_USER2 / _PASSWORD2  a second one
#   HUB_TEST_IMAP_PORT / HUB_TEST_IMAPS_PORT          IMAP with STARTTLS / implicit TLS
#   HUB_TEST_SMTP_PORT                SMTP for delivery from loopback (no AUTH, STARTTLS offered)
#   HUB_TEST_SUBMISSION_PORT / HUB_TEST_SMTPS_PORT    submission with STARTTLS required / implicit TLS, AUTH
#   HUB_TEST_MAIL_CA                  the certificate clients trust (self-signed, CN and SAN localhost)
#   HUB_TEST_MAIL_DIR                 the folder, for stop_mail_servers and smtp_server_stop/start
# smtp_server_stop / smtp_server_start: stops and starts Postfix alone (the mail-waits-while-down tests).
# stop_mail_servers: stops both and removes the folder.

write_dovecot_config() {
  local dir="$1"
  cat >"$dir/dovecot.conf" <<CONF
base_dir = $dir/dovecot-run
state_dir = $dir/dovecot-state
log_path = $dir/dovecot.log
protocols = imap lmtp
listen = 127.0.0.1
ssl = required
ssl_cert = <$dir/tls/cert.pem
ssl_key = <$dir/tls/key.pem
ssl_min_protocol = TLSv1.2
disable_plaintext_auth = yes
auth_mechanisms = plain login
first_valid_uid = 1
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%n $dir/users.passwd
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=$dir/mail/%n allow_all_users=no
}
mail_location = maildir:~/Maildir
lmtp_save_to_detail_mailbox = no
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $HUB_TEST_IMAP_PORT
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = $HUB_TEST_IMAPS_PORT
    ssl = yes
  }
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = $mail_lmtp_port
  }
}
service auth {
  inet_listener {
    address = 127.0.0.1
    port = $mail_auth_port
  }
}
protocol lmtp {
  auth_username_format = %n
}
CONF
}

write_postfix_config() {
  local dir="$1" conf="$1/postfix"
  mkdir -p "$conf" "$dir/postfix-queue" "$dir/postfix-data"
  chown postfix "$dir/postfix-data"
  cat >"$conf/main.cf" <<CONF
compatibility_level = 3.6
queue_directory = $dir/postfix-queue
data_directory = $dir/postfix-data
maillog_file_prefixes = $dir
maillog_file = $dir/postfix.log
myhostname = mail.$HUB_TEST_MAIL_DOMAIN
mydomain = $HUB_TEST_MAIL_DOMAIN
myorigin = \$mydomain
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
mydestination =
local_recipient_maps =
alias_maps =
alias_database =
virtual_mailbox_domains = $HUB_TEST_MAIL_DOMAIN
virtual_mailbox_maps = texthash:$conf/mailboxes
virtual_transport = lmtp:inet:127.0.0.1:$mail_lmtp_port
smtpd_tls_cert_file = $dir/tls/cert.pem
smtpd_tls_key_file = $dir/tls/key.pem
smtpd_tls_security_level = may
smtpd_sasl_type = dovecot
smtpd_sasl_path = inet:127.0.0.1:$mail_auth_port
smtpd_tls_auth_only = yes
smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination
smtp_dns_support_level = disabled
disable_dns_lookups = yes
biff = no
CONF
  local user
  : >"$conf/mailboxes"
  for user in "$HUB_TEST_MAIL_USER" "$HUB_TEST_MAIL_USER2"; do
    echo "$user@$HUB_TEST_MAIL_DOMAIN ok" >>"$conf/mailboxes"
  done
  # The package's internal services, unchrooted (the queue is a temporary folder), and our listeners.
  sed -e '/^[a-z0-9.:]* *inet /d' -e 's/^\([a-z]* *unix *[-ny] *[-ny] *\)y/\1n/' /etc/postfix/master.cf >"$conf/master.cf"
  cat >>"$conf/master.cf" <<CONF
127.0.0.1:$HUB_TEST_SMTP_PORT inet n - n - - smtpd
127.0.0.1:$HUB_TEST_SUBMISSION_PORT inet n - n - - smtpd
  -o smtpd_tls_security_level=encrypt
  -o smtpd_sasl_auth_enable=yes
  -o smtpd_client_restrictions=permit_sasl_authenticated,reject
  -o smtpd_relay_restrictions=permit_sasl_authenticated,reject
127.0.0.1:$HUB_TEST_SMTPS_PORT inet n - n - - smtpd
  -o smtpd_tls_wrappermode=yes
  -o smtpd_sasl_auth_enable=yes
  -o smtpd_client_restrictions=permit_sasl_authenticated,reject
  -o smtpd_relay_restrictions=permit_sasl_authenticated,reject
CONF
}

smtp_server_start() {
  postfix -c "$HUB_TEST_MAIL_DIR/postfix" start >>"$HUB_TEST_MAIL_DIR/postfix.log" 2>&1
}

smtp_server_stop() {
  postfix -c "$HUB_TEST_MAIL_DIR/postfix" stop >>"$HUB_TEST_MAIL_DIR/postfix.log" 2>&1 || true
}

wait_for_port() {
  local port="$1" _
  for _ in $(seq 1 100); do
    [ -n "$(ss -Hltn "sport = :$port" 2>/dev/null)" ] && return 0
    sleep 0.1
  done
  echo "nothing listens on 127.0.0.1:$port" >&2
  return 1
}

start_mail_servers() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "test.sh: mail servers need root (Postfix and Dovecot switch users); the mail tests will skip" >&2
    return 0
  fi
  if ! command -v postfix >/dev/null || ! command -v dovecot >/dev/null; then
    echo "test.sh: postfix or dovecot is not installed (scripts/build.sh installs them); the mail tests will skip" >&2
    return 0
  fi
  local dir
  dir="$(mktemp -d /tmp/hub-test-mail.XXXXXX)"
  chmod 755 "$dir"
  export HUB_TEST_MAIL_DIR="$dir"
  export HUB_TEST_MAIL_DOMAIN="hub.test"
  export HUB_TEST_MAIL_USER="sales" HUB_TEST_MAIL_PASSWORD="sales-$RANDOM$RANDOM"
  export HUB_TEST_MAIL_USER2="care" HUB_TEST_MAIL_PASSWORD2="care-$RANDOM$RANDOM"
  export HUB_TEST_IMAP_PORT HUB_TEST_IMAPS_PORT HUB_TEST_SMTP_PORT HUB_TEST_SUBMISSION_PORT HUB_TEST_SMTPS_PORT
  HUB_TEST_IMAP_PORT="$(free_loopback_port)" HUB_TEST_IMAPS_PORT="$(free_loopback_port)"
  HUB_TEST_SMTP_PORT="$(free_loopback_port)" HUB_TEST_SUBMISSION_PORT="$(free_loopback_port)"
  HUB_TEST_SMTPS_PORT="$(free_loopback_port)"
  mail_lmtp_port="$(free_loopback_port)" mail_auth_port="$(free_loopback_port)"
  mkdir -p "$dir/tls" "$dir/mail"
  chown nobody:nogroup "$dir/mail"
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
    -keyout "$dir/tls/key.pem" -out "$dir/tls/cert.pem" >/dev/null 2>&1
  export HUB_TEST_MAIL_CA="$dir/tls/cert.pem"
  printf '%s:{PLAIN}%s\n%s:{PLAIN}%s\n' "$HUB_TEST_MAIL_USER" "$HUB_TEST_MAIL_PASSWORD" \
    "$HUB_TEST_MAIL_USER2" "$HUB_TEST_MAIL_PASSWORD2" >"$dir/users.passwd"
  chmod 640 "$dir/users.passwd"
  chgrp dovecot "$dir/users.passwd"
  write_dovecot_config "$dir"
  write_postfix_config "$dir"
  dovecot -c "$dir/dovecot.conf" || { cat "$dir/dovecot.log" >&2; return 1; }
  smtp_server_start || { cat "$dir/postfix.log" >&2; return 1; }
  local port
  for port in "$HUB_TEST_IMAPS_PORT" "$HUB_TEST_SMTPS_PORT" "$HUB_TEST_SUBMISSION_PORT"; do
    wait_for_port "$port" || { cat "$dir/dovecot.log" "$dir/postfix.log" >&2; return 1; }
  done
  echo "test.sh: Dovecot IMAP on 127.0.0.1:$HUB_TEST_IMAP_PORT/$HUB_TEST_IMAPS_PORT, Postfix on" \
    "127.0.0.1:$HUB_TEST_SMTP_PORT/$HUB_TEST_SUBMISSION_PORT/$HUB_TEST_SMTPS_PORT"
}

stop_mail_servers() {
  [ -n "${HUB_TEST_MAIL_DIR:-}" ] && [ -d "$HUB_TEST_MAIL_DIR" ] || return 0
  smtp_server_stop
  doveadm -c "$HUB_TEST_MAIL_DIR/dovecot.conf" stop >/dev/null 2>&1 || true
  rm -rf "$HUB_TEST_MAIL_DIR"
  unset HUB_TEST_MAIL_DIR
}
