#!/usr/bin/env bash
# Debian packages the tests need: system Chromium (no browser downloads here), the real openstack CLI, and
# redis-server (the session store tests run the shared store against a real Redis).
# Usage: scripts/system-deps.sh [--install]. Without --install it only checks, and prints the exact command.
set -uo pipefail
PACKAGES="chromium python3-openstackclient python3-designateclient python3-barbicanclient python3-magnumclient python3-ironicclient python3-swiftclient python3-octaviaclient python3-heatclient python3-manilaclient python3-troveclient redis-server"
missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
cmd="apt-get update && apt-get install -y --no-install-recommends$missing"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing missing Debian packages:$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=900 update -qq && apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends $missing && exit 0
  echo "apt-get failed; run as root: $cmd" >&2
  exit 1
fi
echo "Missing Debian packages:$missing" >&2
echo "Install them with: sudo sh -c '$cmd'" >&2
exit 1
