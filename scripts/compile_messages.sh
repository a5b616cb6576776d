#!/usr/bin/env bash
# Compile every locale/*.po of the project and its apps; installs GNU gettext's msgfmt when missing.
set -euo pipefail
if ! command -v msgfmt >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null
  else
    echo "msgfmt (GNU gettext) is needed to compile translations: install the 'gettext' package." >&2
    exit 1
  fi
fi
DJANGO_SETTINGS_MODULE=wimn_site.settings.test .venv/bin/python manage.py compilemessages -v0 \
  --ignore=.venv --ignore=var --ignore=node_modules --ignore=staticfiles
