# Two commands do everything: `make demo` and `make test`. Both set up what they need first.
PYTHON ?= python3
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
CSS := var/build/static/tutti/tutti.css
DEMO_ENV := var/demo.env

.PHONY: demo test lint typecheck pytest setup browser bench bench-imports clean

setup: $(VENV)/.installed node_modules/.installed $(CSS)

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(CSS): node_modules/.installed $(wildcard tutti/core/static_src/*.scss)
	npm run --silent build:css

# The demo machine's settings, read by manage.py: DEBUG on and a key of its own, written once.
$(DEMO_ENV):
	mkdir -p var
	umask 077 && printf 'DEBUG=1\nSECRET_KEY=%s\n' "$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')" > $@

demo: setup $(DEMO_ENV)
	$(MANAGE) migrate --no-input
	$(MANAGE) load_network_seed
	$(MANAGE) load_demo_accounts
	$(MANAGE) load_demo_teaching
	$(MANAGE) load_demo_inclusion
	$(MANAGE) load_demo_instruments
	$(MANAGE) load_demo_partners
	$(MANAGE) load_demo_opportunities
	$(MANAGE) load_demo_families
	$(MANAGE) load_demo_finance
	$(MANAGE) runserver 127.0.0.1:$(PORT)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

typecheck: setup
	$(BIN)/mypy tutti

browser:
	@scripts/ensure-chromium

pytest: setup browser
	DJANGO_SETTINGS_MODULE=tutti.settings_test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=tutti.settings_test $(MANAGE) makemigrations --check --dry-run
	$(BIN)/pytest $(PYTEST_ARGS)

test: lint typecheck pytest

bench: setup
	$(BIN)/python bench/run_public_pages.py

bench-imports: setup  # needs the PostgreSQL server on 127.0.0.1
	$(BIN)/python bench/run_imports.py

clean:
	rm -rf $(VENV) node_modules var
