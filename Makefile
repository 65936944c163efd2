# The two commands of the quick start are `make run` and `make test`; everything else is optional.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
# Shared by `make messages` and the catalogue test (tests/i18n/test_catalogues.py).
MAKEMESSAGES_OPTIONS := --no-location --no-obsolete --ignore ".venv/*" --ignore "tests/*" \
  --ignore "bench/*" --ignore "var/*" --ignore "test-artifacts/*" --ignore "node_modules/*"
PORT ?= 8000

.PHONY: run test lint format bench bench-newsletter audit migrate demo clean help messages

help:
	@echo "make run    set everything up and serve the site on http://$(HOST):$(PORT)"
	@echo "make test   run the whole test suite"
	@echo "make lint   ruff, formatting, the import-layer contract and bandit"
	@echo "make bench  load benchmarks (see bench/README.md); make bench-newsletter: mail only"
	@echo "make audit  check the pinned dependencies for known vulnerabilities (needs a network)"
	@echo "make messages  refresh the translation catalogues, compile them, list what needs translating"

$(STAMP): pyproject.toml
	@python=$$(bin/find-python.sh) || exit 1; \
	  if [ ! -x $(PY) ]; then echo "Creating $(VENV) with $$python"; "$$python" -m venv $(VENV) || exit 1; fi
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

migrate: $(STAMP)
	$(PY) manage.py migrate --no-input
	$(PY) manage.py createcachetable

demo: migrate
	$(PY) manage.py load_demo
	$(PY) manage.py ensure_local_admin

run: demo
	$(PY) manage.py collectstatic --no-input --verbosity 0
	@HOST=$(HOST) PORT=$(PORT) PY=$(PY) bin/serve.sh

# One test process per CPU (pytest-xdist); each has its own test database and Redis database.
# `make test TEST_WORKERS=0` runs everything in one process.
TEST_WORKERS ?= auto
test: $(STAMP)
	$(PY) -m pytest -n $(TEST_WORKERS) --dist worksteal $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/bandit -q -r mscos -x "*/migrations/*"

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Interface translations (docs/translations.md). Needs GNU gettext (apt-get install gettext).
# The compiled .mo files are committed, so serving the site never needs gettext.
MESSAGE_LANGUAGES := ro sq ar
messages: $(STAMP)
	DJANGO_SETTINGS_MODULE=mscos.settings.test $(PY) manage.py makemessages \
	  $(foreach language,$(MESSAGE_LANGUAGES),-l $(language)) $(MAKEMESSAGES_OPTIONS)
	DJANGO_SETTINGS_MODULE=mscos.settings.test $(PY) manage.py compilemessages \
	  $(foreach language,$(MESSAGE_LANGUAGES),-l $(language)) --ignore ".venv/*"
	$(PY) bin/catalogues.py

bench: $(STAMP)
	$(PY) bench/run.py
	$(PY) bench/newsletter.py

bench-newsletter: $(STAMP)
	$(PY) bench/newsletter.py

audit: $(STAMP)
	$(PY) -m pip install --quiet "pip-audit>=2.7,<3"
	$(VENV)/bin/pip-audit --strict --skip-editable

clean:
	rm -rf $(VENV) var/static
