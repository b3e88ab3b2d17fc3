#!/bin/sh
# Entry point of the d115 image, run by tini (PID 1). `exec` replaces this
# shell with node, so the signals tini forwards reach node itself.
#
#   (no argument)                 the service named by $D115_SERVICE
#   gateway | telephony | mail | tickets | knowledge | appointments
#                                 that service
#   migrate                       creates the database, the per-service roles and
#                                 schemas (DATABASE_ADMIN_URL) and applies all migrations
#   any other command             run as given (node -e …, sh)
set -eu
cd "$(dirname "$0")/.."

[ "$#" -gt 0 ] || set -- "${D115_SERVICE:-}"

if [ "$1" = migrate ]; then
  exec node dist/scripts/migrate.js
fi
if [ -n "$1" ] && [ -f "dist/apps/$1/src/main.js" ]; then
  export D115_SERVICE="$1"
  exec node "dist/apps/$1/src/main.js"
fi
if [ -n "$1" ] && command -v "$1" >/dev/null 2>&1; then
  exec "$@"
fi
echo "d115: unknown service '$1'; expected migrate or one of: $(ls dist/apps | tr '\n' ' ')" >&2
exit 64
