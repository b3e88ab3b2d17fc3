#!/usr/bin/env bash
# Mail servers for the mail service's tests: a Dovecot IMAP server on loopback
# with one test user. Idempotent: installs dovecot-imapd only when missing,
# starts Dovecot only when it is not already answering on the port.
#
#   scripts/ci/mail-servers.sh [start|stop|status]
#
# Settings (environment, with defaults the tests use too):
#   D115_IMAP_PORT=10143  D115_IMAP_USER=d115test  D115_IMAP_PASSWORD=d115test
#   D115_DOVECOT_DIR=/tmp/d115-dovecot   (configuration, mail, logs)
set -euo pipefail

PORT="${D115_IMAP_PORT:-10143}"
IMAP_USER="${D115_IMAP_USER:-d115test}"
IMAP_PASSWORD="${D115_IMAP_PASSWORD:-d115test}"
DIR="${D115_DOVECOT_DIR:-/tmp/d115-dovecot}"
CONF="$DIR/dovecot.conf"
ACTION="${1:-start}"

say() { echo "mail-servers: $*" >&2; }

# The greeting on the port, or nothing.
greeting() {
  local line=''
  if exec 3<>"/dev/tcp/127.0.0.1/$PORT"; then
    read -r -t 2 line <&3 || true
    exec 3<&- 3>&-
  fi 2>/dev/null
  printf '%s' "$line"
}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"
  else say "need root (or sudo) to run: $*"; exit 1
  fi
}

install_dovecot() {
  if command -v dovecot >/dev/null 2>&1 && [ -x /usr/lib/dovecot/imap ]; then return; fi
  command -v apt-get >/dev/null 2>&1 || { say "dovecot is not installed and apt-get is not available; install dovecot-imapd"; exit 1; }
  say "installing dovecot-imapd"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends dovecot-imapd >/dev/null \
    || { as_root apt-get update >/dev/null && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends dovecot-imapd >/dev/null; }
  # The package starts a system-wide Dovecot on 143 where an init system runs; ours is separate.
}

# Who Dovecot's processes and the test mailbox run as.
accounts() {
  if [ "$(id -u)" = 0 ]; then
    INTERNAL_USER=dovecot
    LOGIN_USER=dovenull
    id d115mail >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin d115mail
    MAIL_USER=d115mail
  else
    INTERNAL_USER="$(id -un)"
    LOGIN_USER="$(id -un)"
    MAIL_USER="$(id -un)"
  fi
  MAIL_UID="$(id -u "$MAIL_USER")"
  MAIL_GID="$(id -g "$MAIL_USER")"
}

write_config() {
  mkdir -p "$DIR/run" "$DIR/state" "$DIR/mail" "$DIR/home"
  chown "$MAIL_UID:$MAIL_GID" "$DIR/mail" "$DIR/home" 2>/dev/null || true
  printf '%s:{PLAIN}%s::::::\n' "$IMAP_USER" "$IMAP_PASSWORD" > "$DIR/users"
  cat > "$CONF" <<CONF
# Written by scripts/ci/mail-servers.sh — a throwaway IMAP server for tests.
base_dir = $DIR/run
state_dir = $DIR/state
log_path = $DIR/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = $INTERNAL_USER
default_internal_group = $(id -gn "$INTERNAL_USER")
default_login_user = $LOGIN_USER
first_valid_uid = $MAIL_UID
last_valid_uid = $MAIL_UID
mail_location = maildir:$DIR/mail/%u
mail_plugins =
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $DIR/users
}
userdb {
  driver = static
  args = uid=$MAIL_UID gid=$MAIL_GID home=$DIR/home/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $PORT
  }
  inet_listener imaps {
    port = 0
  }
}
service pop3-login {
  inet_listener pop3 {
    port = 0
  }
}
protocol imap {
  mail_max_userip_connections = 100
}
namespace inbox {
  inbox = yes
  separator = /
}
CONF
}

start() {
  case "$(greeting)" in
    *Dovecot*|*IMAP4rev1*) say "IMAP already answering on 127.0.0.1:$PORT"; return ;;
    "") ;;
    *) say "port $PORT is taken by something that is not an IMAP server"; exit 1 ;;
  esac
  install_dovecot
  accounts
  write_config
  dovecot -c "$CONF"
  for _ in $(seq 1 50); do
    case "$(greeting)" in *OK*) say "Dovecot ready on 127.0.0.1:$PORT (user $IMAP_USER)"; return ;; esac
    sleep 0.1
  done
  say "Dovecot did not come up; log: $DIR/dovecot.log"
  tail -n 20 "$DIR/dovecot.log" >&2 || true
  exit 1
}

stop() {
  if [ -f "$CONF" ] && [ -f "$DIR/run/master.pid" ]; then
    doveadm -c "$CONF" stop 2>/dev/null || kill "$(cat "$DIR/run/master.pid")" 2>/dev/null || true
    say "Dovecot stopped"
  else
    say "no Dovecot of ours is running"
  fi
}

case "$ACTION" in
  start) start ;;
  stop) stop ;;
  status) if [ -n "$(greeting)" ]; then say "running on 127.0.0.1:$PORT"; else say "not running"; exit 1; fi ;;
  *) say "usage: $0 [start|stop|status]"; exit 2 ;;
esac
