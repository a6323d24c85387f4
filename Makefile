# The two commands a newcomer needs: `make run` and `make test`.
# Both create .venv and install the project with its pinned dependencies first.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DATA ?= data
SOURCE ?= seeds
export PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS ?= 180

.PHONY: setup run test query clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## Run the nightly flow over seeds/ into data/, then one sample query.
run: setup
	$(BIN)/newsflow run $(SOURCE) --data-dir $(DATA)
	$(BIN)/newsflow query numbers_with_noun_and_verb --data-dir $(DATA)

## The whole test suite (what CI runs).
test: setup
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(DATA)/lake $(DATA)/staging $(DATA)/newsflow.duckdb
