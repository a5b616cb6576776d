#!/usr/bin/env bash
# The proxy and cache tests start a real Varnish and Redis on loopback. Install Debian's packages when we
# can (as root with apt-get, the way Chromium is installed); otherwise say how.
set -euo pipefail
missing=()
command -v varnishd >/dev/null 2>&1 || [ -x /usr/sbin/varnishd ] || missing+=(varnish)
command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ] || missing+=(redis-server)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's ${missing[*]} for the proxy and cache tests..."
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # The packages start system services; the tests start their own on loopback ports instead.
  for service in varnish redis-server; do
    (command -v systemctl >/dev/null 2>&1 && systemctl disable --now "$service" >/dev/null 2>&1) || true
    (command -v service >/dev/null 2>&1 && service "$service" stop >/dev/null 2>&1) || true
  done
  exit 0
fi
cat >&2 <<MSG
The proxy and cache tests need ${missing[*]}, which could not be installed automatically.
Install them, then run 'make test' again:
  Debian/Ubuntu:  sudo apt-get install ${missing[*]}
MSG
exit 1
