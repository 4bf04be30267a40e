# dealwatch recipes. `make run` and `make test` set everything up on a fresh
# machine (Python 3.11 and pip are all they need) from the pinned lock file.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-fast lint format bench serve clean

# A warehouse written by DuckDB 2.0 (dealwatch before issue 20) is converted once, by the DuckDB of
# the .venv that wrote it, before that .venv is replaced: nothing else reads that format.
WAREHOUSE ?= $(or $(DEALWATCH_DB),data/dealwatch.duckdb)

$(STAMP): requirements.lock pyproject.toml
	@if [ -x $(BIN)/python ] && [ -f "$(WAREHOUSE)" ]; then \
		$(BIN)/python warehouse/storage.py "$(WAREHOUSE)" || echo "dealwatch: $(WAREHOUSE) left as it is"; \
	fi
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

run: $(STAMP)  ## backfill the seeds if needed, one monitoring pass, print the summary
	$(BIN)/dealwatch run

test: $(STAMP)  ## the whole test suite, lint and types included (what CI runs)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

test-fast: $(STAMP)  ## the edit loop: the suite without the tests marked slow (tests/README.md)
	$(BIN)/python -m pytest -q -m "not slow"

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(STAMP)  ## benchmarks: print tables, write JSON under benchmarks/results/
	$(BIN)/python -m benchmarks

serve: $(STAMP)  ## the monitor deployment on its cron schedule, until Ctrl-C
	$(BIN)/dealwatch serve

clean:
	rm -rf $(VENV) data
