# Every target does its own set-up on a fresh machine: the .venv is created and the package
# installed (with its extras) when missing or when pyproject.toml changed.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint typecheck pytest bench sandbox acceptance clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/python scripts/demo.py

test: lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check integrations tests scripts

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/python scripts/services.py
	$(BIN)/pytest -q $(PYTEST_ARGS)

bench: $(STAMP)
	$(BIN)/python scripts/bench/provision.py
	bash scripts/bench/ingest.sh
	$(BIN)/python scripts/bench/kb.py
	$(BIN)/python scripts/bench/triage.py
	$(BIN)/python scripts/bench/triage_quality.py --split each
	$(BIN)/python scripts/bench/reload.py

# Live acceptance tests on real accounts (credentials from the environment); without them,
# one skip line and exit 0. ACCEPTANCE_ARGS=--keep leaves what the run created;
# ACCEPTANCE_ARGS=--sandbox runs the same scenario against a local sandbox.
acceptance: $(STAMP)
	$(BIN)/python scripts/acceptance.py $(ACCEPTANCE_ARGS)

sandbox: $(STAMP)
	$(BIN)/deskops sandbox

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
