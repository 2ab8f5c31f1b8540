# Two commands do everything on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test check lint types eval bench clean golden report upgrade pipx-check

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# Versions come from constraints.txt, so every machine and CI test the same set; `make upgrade` refreshes it.
$(STAMP): pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[dev,dask]'
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
	$(BIN)/python bench/toll_bench.py
	$(BIN)/python bench/scale_bench.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache .pipx

# Re-pin constraints.txt to the newest versions pyproject.toml allows, from a fresh virtualenv.
upgrade:
	rm -rf .venv-upgrade
	$(PYTHON) -m venv .venv-upgrade
	.venv-upgrade/bin/python -m pip install -q --upgrade pip
	.venv-upgrade/bin/python -m pip install -q '.[dev,dask]'
	.venv-upgrade/bin/python -m pip freeze --exclude-editable --exclude casualty > constraints.txt
	rm -rf .venv-upgrade $(STAMP)

# `pipx install .` works: an isolated install of the package alone, then one article through it.
pipx-check: $(STAMP)
	rm -rf .pipx
	PIPX_HOME=$(CURDIR)/.pipx PIPX_BIN_DIR=$(CURDIR)/.pipx/bin PIPX_MAN_DIR=$(CURDIR)/.pipx/man \
		$(BIN)/pipx install --pip-args='-c $(CURDIR)/constraints.txt' .
	echo "Rebels killed 12 people, police said." | .pipx/bin/casualty extract - --format jsonl --quiet | grep -q '"value": 12'
	rm -rf .pipx

# Regenerate the CLI golden files after a deliberate change in the extractor's output or `extract -h`.
golden: $(STAMP)
	$(BIN)/casualty extract seeds/ --format jsonl --quiet > tests/golden/seeds.jsonl
	COLUMNS=80 $(BIN)/casualty extract -h > tests/golden/extract-help.txt
