# ECCP Factsheet Desktop — the one task runner. `make help` lists the targets.
SHELL := /bin/bash
# Python 3.12 or newer (why: packaging/find_python.sh); make PYTHON=... to choose
PYTHON ?= $(shell packaging/find_python.sh)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PO := $(wildcard translations/*/LC_MESSAGES/eccp_desktop.po)
MO := $(PO:.po=.mo)
export QT_QPA_PLATFORM ?= offscreen

.PHONY: help run test test-postgres load-postgres fuzz lint format bench build smoke icons translations catalogs system-deps clean

help: ## this list
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || exit 1
	@# a .venv of an older Python (3.11 before) is made again, not patched over
	@if [ -x $(PY) ] && ! $(PY) -c 'import sys; sys.exit(sys.version_info < (3, 12))'; then rm -rf $(VENV); fi
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev,pdfpreview,build]'
	touch $(STAMP)

system-deps: ## Debian packages the app and tests need (fonts, Qt's X/EGL libraries, poppler)
	@bash .ci/system-deps

translations/%/LC_MESSAGES/eccp_desktop.mo: translations/%/LC_MESSAGES/eccp_desktop.po $(STAMP)
	@$(VENV)/bin/pybabel --quiet compile -D eccp_desktop -i $< -o $@

translations: $(STAMP) $(MO) ## compile the gettext catalogs (.po -> .mo, not committed)

catalogs: $(STAMP) ## extract strings into the .pot and update every .po
	$(VENV)/bin/pybabel --quiet extract -k N_ -k _ -k ngettext:1,2 --no-location --sort-output \
	  --project "ECCP Factsheet Desktop" -o translations/eccp_desktop.pot eccp_desktop
	$(VENV)/bin/pybabel --quiet update -D eccp_desktop -i translations/eccp_desktop.pot -d translations --no-fuzzy-matching --ignore-obsolete

run: system-deps $(STAMP) translations ## set up and open the app on the demo store
	@# the offscreen default above is for tests: the window needs the real display.
	@# Exit 2 (no display, bad store) has already said why in one line: no make trailer.
	@if [ "$(origin QT_QPA_PLATFORM)" = "file" ]; then unset QT_QPA_PLATFORM; fi; \
	  $(VENV)/bin/eccp-desktop || test $$? -eq 2

test: system-deps $(STAMP) translations ## set up and run the whole test suite
	$(PY) -m pytest

test-postgres: system-deps $(STAMP) translations ## the store's tests on a private PostgreSQL server (.ci/postgres)
	ECCP_TEST_POSTGRES_URL="$$(bash .ci/postgres)" $(PY) -m pytest -m postgres tests  # every folder: the store, the CLI and the window on PostgreSQL

load-postgres: system-deps $(STAMP) translations ## 20 clients x 60 s on a private PostgreSQL, then lost updates etc. (LOAD_CLIENTS, LOAD_SECONDS)
	ECCP_TEST_POSTGRES_URL="$$(bash .ci/postgres)" $(PY) -m tests.load

fuzz: system-deps $(STAMP) translations ## long fuzz: 10,000 mutated packages, 1,000 damaged stores (SEED=…)
	$(PY) -m tests.fuzz --packages $${PACKAGES:-10000} --stores $${STORES:-1000} $${SEED:+--seed $$SEED}

lint: $(STAMP) ## ruff (lint + format check) and mypy on the Qt-free packages
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

format: $(STAMP) ## apply ruff's fixes and formatting
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: system-deps $(STAMP) translations ## speed and memory benchmarks (tests/bench)
	$(PY) -m tests.bench

build: system-deps $(STAMP) translations ## the PyInstaller bundle in dist/eccp-desktop
	$(VENV)/bin/pyinstaller --noconfirm --clean build.spec

clean: ## remove the venv, builds and compiled catalogs
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache $(MO)

smoke: ## smoke-test the built bundle in dist/ (after make build)
	$(PY) -m pytest -m bundle tests/bundle -p no:randomly

icons: $(STAMP) ## re-render the app icon (PNG/ICO/ICNS) and the window's icons from their SVGs
	$(PY) packaging/make_icons.py
