#!/usr/bin/env bash
# Runs inside dbrun.py (DATABASE_URL is set). Django's system checks and `makemigrations --check` are tests
# themselves (tests/test_project_checks.py), so Django starts once per worker and no more.
set -euo pipefail
PY=.venv/bin/python
$PY -m pytest -n "${PYTEST_WORKERS:-2}" --dist worksteal "$@"
