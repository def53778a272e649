# `make run` and `make test` are all the set-up a fresh machine needs.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint bench train clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dashboard,scale,dev]"
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/newslens serve

test: $(STAMP)
	$(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check extraction dashboard tests benchmarks docs

bench: $(STAMP)
	$(PY) benchmarks/entities.py
	$(PY) benchmarks/tempeval3.py
	$(PY) benchmarks/timebank.py
	$(PY) benchmarks/plover.py
	$(PY) benchmarks/stance.py
	$(PY) benchmarks/coverage.py
	$(PY) benchmarks/directed_sentiment.py
	$(PY) benchmarks/speed.py
	$(PY) benchmarks/throughput.py
	$(PY) benchmarks/corpus_page.py

# Retrain the shipped directed-stance model (needs ../shared/benchmarks or NEWSLENS_BENCHMARKS).
train: $(STAMP)
	$(PY) training/train_stance.py

clean:
	rm -rf $(VENV) build *.egg-info
