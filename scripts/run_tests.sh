#!/usr/bin/env bash
# Runs inside dbrun.py (DATABASE_URL is set).
set -euo pipefail
PY=.venv/bin/python
$PY manage.py check --fail-level WARNING
$PY manage.py makemigrations --check --dry-run
$PY -m pytest -n "${PYTEST_WORKERS:-2}" "$@"
