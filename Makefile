# faultline: two commands on a fresh machine with Python 3.11, git and make.
#   make demo   — set up .venv and run the whole flow on data/sample/
#   make test   — set up .venv and run lint + the test suite
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
# The install stamp changes whenever pyproject.toml does, so edits re-install.
STAMP_DEV := $(VENV)/.installed-dev-$(shell (cat pyproject.toml; echo dev) | sha256sum | cut -c1-12)
STAMP_BENCH := $(VENV)/.installed-bench-$(shell (cat pyproject.toml; echo bench) | sha256sum | cut -c1-12)

export PATH := $(CURDIR)/$(BIN):$(PATH)
export MPLBACKEND := Agg
export GX_ANALYTICS_ENABLED := false
export TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS :=

.PHONY: help install demo test lint bench notebook system-deps clean

help:
	@echo "make demo    run the whole flow on data/sample/ (sets up .venv first)"
	@echo "make test    lint and run the test suite (sets up .venv first)"
	@echo "make bench   run the benchmarks in benchmarks/ (installs the bench extra)"
	@echo "make lint    ruff"
	@echo "make notebook  start JupyterLab on notebooks/"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_DEV): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --progress-bar off -e '.[dev]'
	rm -f $(VENV)/.installed-dev-*
	touch $@

$(STAMP_BENCH): pyproject.toml $(STAMP_DEV)
	$(BIN)/pip install --quiet --progress-bar off -e '.[dev,bench]'
	$(BIN)/pip install --quiet --progress-bar off --no-deps 'drain3==0.9.11'
	rm -f $(VENV)/.installed-bench-*
	touch $@

# the privacy detectors compiled by mypyc from their current source (about 30 s when they
# changed, nothing otherwise); without a C compiler the pure-Python ones run, same results
install: $(STAMP_DEV)
	@$(BIN)/python -m features.privacy.compile --optional

system-deps:
	@bash scripts/system-deps.sh

demo: install
	$(BIN)/faultline demo

lint: install
	$(BIN)/ruff check .

test: install system-deps
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q -p no:cacheprovider tests features anomaly --doctest-modules

# Arguments per benchmark where its default is too long for one sitting (see
# benchmarks/README.md for the sizes each figure was measured at).
BENCH_ARGS_bench_ingest := --events 1000000
BENCH_ARGS_bench_probes := --presidio

bench: $(STAMP_BENCH)
	@$(BIN)/python -m features.privacy.compile --optional
	@for b in benchmarks/bench_*.py; do \
	  name=$$(basename $$b .py); \
	  case $$name in bench_ingest) args="$(BENCH_ARGS_bench_ingest)";; bench_probes) args="$(BENCH_ARGS_bench_probes)";; *) args="";; esac; \
	  echo "== $$b $$args"; $(BIN)/python $$b $$args || exit 1; \
	done

notebook: install
	$(BIN)/pip install --quiet -e '.[dev,notebook]'
	$(BIN)/jupyter lab notebooks/

clean:
	rm -rf $(VENV) data/faultline.duckdb* models/mlflow.db models/mlruns reports
