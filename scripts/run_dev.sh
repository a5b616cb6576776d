#!/usr/bin/env bash
# Runs inside dbrun.py (DATABASE_URL is set): bring the database up to date, start the scheduler, serve.
set -euo pipefail
PY=.venv/bin/python
$PY manage.py setup_site --dev-admin
$PY manage.py run_scheduler &
scheduler=$!
trap 'kill $scheduler 2>/dev/null || true' EXIT
$PY manage.py runserver "${1:-127.0.0.1}:${2:-8000}"
