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
# The site's address (every absolute link, and Wagtail's Site record at migrate and load_demo) is
# where `make run` serves it, unless SITE_URL says otherwise; 0.0.0.0 is not an address to visit.
SITE_HOST := $(if $(filter 0.0.0.0,$(HOST)),127.0.0.1,$(HOST))
run demo migrate: export SITE_URL ?= http://$(SITE_HOST):$(PORT)

.PHONY: run cluster cluster-stop backup test lint format bench bench-newsletter safeguarding-report safeguarding-model audit migrate demo clean help messages

help:
	@echo "make run    set everything up and serve the site on http://$(HOST):$(PORT)"
	@echo "make test   run the whole test suite"
	@echo "make cluster  HAProxy, three app servers, PgBouncer, PostgreSQL, Redis, two worker nodes on loopback (make cluster-stop)"
	@echo "make backup a backup of the database and media into var/backups/ (BACKUP_TO=folder)"
	@echo "make lint   ruff, formatting, template indentation, the import-layer contract, mypy and bandit"
	@echo "make safeguarding-report  the danger detector's recall and false alarms per language"
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
	@HOST=$(HOST) PORT=$(PORT) PY=$(PY) SITE_URL=$(SITE_URL) bin/serve.sh

# The shape of a deployment on several servers, on loopback (bin/cluster.sh, docs/deploy.md).
# Needs PostgreSQL on 127.0.0.1:5432, Redis on 127.0.0.1:6379, apt-get install haproxy pgbouncer.
cluster: $(STAMP)
	bin/cluster.sh start

cluster-stop:
	bin/cluster.sh stop

# The database and the media, safe while the site runs (docs/deploy.md, "Backups").
BACKUP_TO ?= var/backups/$(shell date -u +%Y-%m-%dT%H%M%SZ)
backup: $(STAMP)
	$(PY) manage.py backup_site --to "$(BACKUP_TO)"

# One test process per CPU (pytest-xdist); each has its own test database and Redis database.
# `make test TEST_WORKERS=0` runs everything in one process.
TEST_WORKERS ?= auto
test: $(STAMP)
	$(PY) -m pytest -n $(TEST_WORKERS) --dist worksteal $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djhtml --check --tabwidth 2 mscos
	$(VENV)/bin/lint-imports
	$(PY) bin/check_thin_views.py
	$(VENV)/bin/mypy
	$(VENV)/bin/bandit -q -r mscos -x "*/migrations/*"

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/djhtml --tabwidth 2 mscos

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
	-$(PY) bench/safeguarding_report.py
	$(PY) bench/run.py
	$(PY) bench/newsletter.py
	$(PY) bench/markdown_worst.py
	$(PY) bench/posters.py
	$(PY) bench/page_cache.py
	$(PY) bench/measurement.py

# The danger detector's recall and false alarms per language, on the held-out examples.
safeguarding-report: $(STAMP)
	$(PY) bench/safeguarding_report.py

# Retrain the detector's learned layer after changing its examples (a test fails until you do).
safeguarding-model: $(STAMP)
	$(PY) -c "from mscos.moderation.safeguarding.model import build; build()"

bench-newsletter: $(STAMP)
	$(PY) bench/newsletter.py
	$(PY) bench/markdown_worst.py

audit: $(STAMP)
	$(PY) -m pip install --quiet "pip-audit>=2.7,<3"
	$(VENV)/bin/pip-audit --strict --skip-editable

clean:
	rm -rf $(VENV) var/static
