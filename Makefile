# The two commands a newcomer needs: `make run` and `make test`.
# Both create .venv and install the project with its pinned dependencies first.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DATA ?= data
SOURCE ?= seeds
export PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS ?= 180

.PHONY: setup run test query clean server serve e2e e2e-postgres

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

# -- operations (README: "Scheduling and the Prefect UI") ---------------------
PREFECT_PORT ?= 4200
PREFECT_DATA := $(abspath $(DATA))/prefect
SERVER_API := http://127.0.0.1:$(PREFECT_PORT)/api

## A local Prefect server on 127.0.0.1 with its SQLite database under data/prefect/.
server: setup
	mkdir -p $(PREFECT_DATA)
	env -u PREFECT_API_URL PREFECT_HOME=$(PREFECT_DATA) \
	  PREFECT_SERVER_DATABASE_CONNECTION_URL=$${PREFECT_SERVER_DATABASE_CONNECTION_URL:-sqlite+aiosqlite:///$(PREFECT_DATA)/prefect.db} \
	  PREFECT_SERVER_UI_API_URL=$(SERVER_API) PREFECT_SERVER_ANALYTICS_ENABLED=false \
	  $(BIN)/prefect server start --host 127.0.0.1 --port $(PREFECT_PORT)

## Serve the nightly deployment (prefect.yaml) against `make server`, no work pool.
serve: setup
	PREFECT_API_URL=$${PREFECT_API_URL:-$(SERVER_API)} $(BIN)/newsflow serve

## End-to-end: temp Prefect server, a run over seeds/, the UI checked in headless Chromium.
e2e: setup
	$(BIN)/python tests/e2e/check_ui.py

e2e-postgres: setup
	$(BIN)/python tests/e2e/check_ui.py --postgres
