#!/usr/bin/env bash
# The browser of the console's end-to-end tests: Debian's chromium, driven headless by
# playwright-core (test/console/support/browser.ts). Idempotent: installs the package
# only when the binary is missing.
#
#   scripts/ci/browser.sh
#
# Settings: CHROMIUM_PATH=/usr/bin/chromium (the tests read the same variable).
set -euo pipefail

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"

say() { echo "browser: $*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"
  else say "need root (or sudo) to run: $*"; exit 1
  fi
}

if [ -x "$CHROMIUM" ]; then
  say "$("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM") present"
  exit 0
fi

command -v apt-get >/dev/null 2>&1 || { say "$CHROMIUM is missing and apt-get is not available; install chromium or set CHROMIUM_PATH"; exit 1; }
say "installing chromium"
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium fonts-dejavu-core >/dev/null \
  || { as_root apt-get update >/dev/null && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium fonts-dejavu-core >/dev/null; }
[ -x "$CHROMIUM" ] || { say "chromium installed but $CHROMIUM is not there; set CHROMIUM_PATH"; exit 1; }
say "$("$CHROMIUM" --version) installed"
