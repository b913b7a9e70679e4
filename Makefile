# lumbar: `make run` sets everything up and starts lumbar; `make test` sets everything up and
# runs the whole test suite (lint, types, tests). Only Python 3.11+ and make are needed.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint setup screenshots bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "lumbar needs Python 3.11 or newer"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m compileall -q tui  # bytecode now: an editable install is never compiled
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(BIN)/python -m compileall -q tui  # bytecode for changed modules (a no-op when current)
	$(BIN)/lumbar

lint: $(STAMP)
	$(BIN)/ruff check tui tests
	$(BIN)/ruff format --check tui tests
	$(BIN)/mypy
	$(BIN)/lint-imports

# Everything in parallel (one worker per core), then the serial system tests on their own.
test: lint
	$(BIN)/python -m pytest -n auto -m "not serial"
	$(BIN)/python -m pytest -m serial

screenshots: $(STAMP)
	$(BIN)/python -m tests.screenshots
	$(BIN)/python -m tests.report_screenshot

# Figures against baselines measured in the same run (see BENCHMARKS.md); about four minutes.
bench: $(STAMP)
	$(BIN)/python -m tests.benchmarks

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
