#!/usr/bin/env bash
# Extract interface strings: the project package and top-level templates into locale/,
# each app (its code and its own templates/) into APP/locale/. Then translate the new msgids.
set -euo pipefail
PY="$(pwd)/.venv/bin/python"
export DJANGO_SETTINGS_MODULE=wimn_site.settings.test
$PY manage.py makemessages -l es -l pt -l fr --no-obsolete --no-wrap --ignore=.venv --ignore=var --ignore=staticfiles \
  --ignore=statements --ignore=events --ignore=campaigns --ignore=tests
for app in statements events campaigns; do
  mkdir -p "$app/locale"
  (cd "$app" && $PY ../manage.py makemessages -l es -l pt -l fr --no-obsolete --no-wrap)
done
