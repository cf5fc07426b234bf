# One Makefile for the whole project. `make help` lists the targets.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python

.DEFAULT_GOAL := help
.PHONY: help run test data eval lint format bench lock clean

help: ## List the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-7s %s\n", $$1, $$2}'

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/activate
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/activate
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $@ $(VENV)/.runtime

data: $(VENV)/.runtime ## Build data/ from seeds/ (near-instant when nothing changed)
	$(PY) -m etl

run: data ## Install into .venv, build data/ if missing or stale, serve the dashboard (STREAMLIT_* env vars apply)
	DED_EDITING=$${DED_EDITING:-open} $(BIN)/streamlit run app.py

eval: $(VENV)/.runtime ## Score the ETL on the hand-made keys of real articles in tests/corpus (precision, recall, F1)
	$(PY) -m etl.eval --per-key

lint: $(VENV)/.dev ## Ruff lint and format check, mypy type check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(VENV)/.dev ## Apply ruff fixes and formatting
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

test: lint ## Install dev tools, lint, run every test (browser tests need Chromium; REQUIRE_BROWSER=1 makes them mandatory)
	$(PY) -m pytest

lock: $(VENV)/.dev ## Pin the whole dependency tree of requirements.in into requirements.txt (what hosts install)
	$(BIN)/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-trusted-host --no-emit-find-links \
		--output-file requirements.txt requirements.in

bench: $(VENV)/.dev ## Print ETL throughput and page latency figures
	$(PY) benchmarks/etl_throughput.py
	$(PY) benchmarks/page_latency.py

clean: ## Remove the virtualenv and caches (data/ stays)
	rm -rf $(VENV) .cache .pytest_cache .ruff_cache .mypy_cache .hypothesis
