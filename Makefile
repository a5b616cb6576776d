# WIMN site. `make run` serves the site with demo content; `make test` runs every test.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
DBRUN := $(PY) scripts/dbrun.py
HOST ?= 127.0.0.1
PORT ?= 8000
export PYTHONWARNINGS ?= ignore::UserWarning:platformdirs.api
# Bytecode is compiled on first import and written for every later process to reuse (a test run starts dozens:
# workers, gunicorn, manage.py). Where the environment sets PYTHONDONTWRITEBYTECODE, each of them compiled
# every module it imports again: collecting the tests took 13 s instead of 4.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: help venv messages run serve test lint format check chromium services fonts bench profile clean-db

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q --no-compile -r requirements-dev.txt  # bytecode is compiled on first import, for the modules used, and kept
	touch $@

venv: $(VENV)/.installed ## Create the virtualenv and install requirements

messages: venv ## Compile the .po files for es/pt/fr
	bash scripts/compile_messages.sh

run: venv messages fonts ## Serve the site with demo content on http://127.0.0.1:8000 (embedded PostgreSQL)
	DJANGO_SETTINGS_MODULE=wimn_site.settings.dev $(DBRUN) bash scripts/run_dev.sh $(HOST) $(PORT)

serve: venv messages ## Serve with production settings under gunicorn (needs SECRET_KEY, ALLOWED_HOSTS)
	$(PY) manage.py collectstatic --noinput -v0 --settings=wimn_site.settings.production
	DJANGO_SETTINGS_MODULE=wimn_site.settings.production $(DBRUN) bash -c '$(PY) manage.py setup_site --no-demo && $(VENV)/bin/gunicorn wimn_site.wsgi -c gunicorn.conf.py'

test: venv messages chromium services fonts ## Run every test (lint, layers, checks, unit, admin and browser tests)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	DJANGO_SETTINGS_MODULE=wimn_site.settings.test $(DBRUN) bash scripts/run_tests.sh $(PYTEST_ARGS)

lint: venv ## ruff lint and format check, and the layers between the apps (import-linter)
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check . && $(VENV)/bin/lint-imports

format: venv ## Format the code with ruff
	$(VENV)/bin/ruff check --fix . && $(VENV)/bin/ruff format .

services: ## Make sure Varnish and Redis exist for the proxy and cache tests (installs Debian's when possible)
	@bash scripts/ensure_services.sh

fonts: ## Make sure DejaVu Sans exists for the demo's PDF files (installs Debian's fonts-dejavu-core when possible)
	@bash scripts/ensure_fonts.sh || true

chromium: ## Make sure a Chromium for the browser tests exists (installs Debian's when possible)
	@bash scripts/ensure_chromium.sh

bench: venv messages ## Per page type: in-process ms, gunicorn and Varnish req/s against nginx's ceiling; 200 connections x 60 s
	$(DBRUN) $(PY) scripts/bench.py

profile: venv messages ## One URL in-process: best and median time, queries, slowest functions (URL=/en/)
	DJANGO_SETTINGS_MODULE=wimn_site.settings.dev $(DBRUN) bash -c '$(PY) manage.py setup_site >/dev/null && $(PY) scripts/profile_page.py "$(or $(URL),/en/)"'

clean-db: ## Delete the embedded database (var/), demo content reloads on the next run
	rm -rf var/pgdata
