#!/usr/bin/env bash
# Compile every .po file of the project and its apps (locale/ folders); installs GNU gettext's msgfmt when missing.
set -euo pipefail
if ! command -v msgfmt >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null
  else
    echo "msgfmt (GNU gettext) is needed to compile translations: install the 'gettext' package." >&2
    exit 1
  fi
fi
# What Django's compilemessages does (msgfmt --check-format, skipping a .mo newer than its .po), without starting
# Django to do it: a tenth of a second instead of three. A .mo is replaced only when its .po compiles cleanly
# (msgfmt writes one even for a file with errors, which the next run would then take as up to date); every
# file with an error is reported, and the script fails at the end.
status=0
while IFS= read -r -d '' po; do
  mo="${po%.po}.mo"
  if [ "$po" -nt "$mo" ]; then
    if msgfmt --check-format -o "$mo.part" "$po"; then
      mv "$mo.part" "$mo"
    else
      rm -f "$mo.part"
      echo "compile_messages: $po has errors (above); its .mo was not updated" >&2
      status=1
    fi
  fi
done < <(find . \( -path ./.venv -o -path ./var -o -path ./node_modules -o -path ./staticfiles -o -path ./.git \) -prune \
  -o -name '*.po' -print0)
exit "$status"
