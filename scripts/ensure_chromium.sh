#!/usr/bin/env bash
# The browser tests drive the machine's Chromium. Install Debian's package when we can; otherwise say how.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests..."
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  [ -x "$CHROMIUM" ] && exit 0
fi
cat >&2 <<MSG
No Chromium found at $CHROMIUM, and it could not be installed automatically.
The browser tests need one. Install it, then run 'make test' again:
  Debian/Ubuntu:  sudo apt-get install chromium   (or chromium-browser)
  Elsewhere:      install Chromium or Chrome and set CHROMIUM_PATH=/path/to/chromium
MSG
exit 1
