#!/usr/bin/env bash
# Real OpenStack Zed (../shared/realcloud) for the tests that run against both backends.
#   scripts/realcloud.sh up       install when needed and start it (root only); idempotent
#   scripts/realcloud.sh status   exit 0 when its Keystone answers
set -uo pipefail
cd "$(dirname "$0")/.."
RC=${REALCLOUD_DIR:-../shared/realcloud}
KEYSTONE=${REALCLOUD_KEYSTONE:-http://127.0.0.1:5000/v3}

answers() { curl -s -o /dev/null --max-time 5 -w '%{http_code}' "$KEYSTONE" | grep -q '^200$'; }

case "${1:-status}" in
  status) answers ;;
  up)
    answers && exit 0
    [ -d "$RC" ] || { echo "realcloud: $RC not found" >&2; exit 1; }
    [ "$(id -u)" = 0 ] || { echo "realcloud: starting it needs root: (cd $RC && sudo ./install.sh && sudo ./up.sh)" >&2; exit 1; }
    mkdir -p .stratus
    if [ ! -f /etc/nova/nova.conf ] || ! grep -q 'fake.FakeDriver' /etc/nova/nova.conf; then
      echo "realcloud: installing (about 7 minutes)..."
      (cd "$RC" && ./install.sh) > .stratus/realcloud-install.log 2>&1 || { tail -20 .stratus/realcloud-install.log; exit 1; }
    fi
    echo "realcloud: starting (about 2.5 minutes)..."
    (cd "$RC" && ./up.sh) > .stratus/realcloud-up.log 2>&1 || { tail -20 .stratus/realcloud-up.log; exit 1; }
    answers ;;
  *) echo "usage: $0 up|status" >&2; exit 2 ;;
esac
