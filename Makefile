# Two commands do everything on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test check lint types eval bench clean golden report

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[dev,dask]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/casualty extract seeds/ --format table

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check casualty_cli tests bench

types: $(STAMP)
	$(BIN)/mypy casualty_cli

check: lint types test

# The HTML report of the seeds (self-contained; open it in any browser).
report: $(STAMP)
	$(BIN)/casualty report seeds/ -o report.html

eval: $(STAMP)
	$(BIN)/python bench/dev_eval.py
	$(BIN)/python bench/toll_eval.py

bench: $(STAMP)
	$(BIN)/python bench/bench.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache

# Regenerate the CLI golden file after a deliberate change in the extractor's output.
golden: $(STAMP)
	$(BIN)/casualty extract seeds/ --format jsonl --quiet > tests/golden/seeds.jsonl
