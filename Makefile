# Two commands a reader of the README needs: `make serve` and `make test`. Everything else is set up on the way.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml requirements.lock | cksum | cut -d' ' -f1)

.PHONY: serve build normalize check test bench clean

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -c requirements.lock -e '.[test]'
	rm -f $(VENV)/.installed-* && touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

normalize: $(STAMP)
	$(BIN)/python scripts/normalize.py

check: $(STAMP)
	$(BIN)/python scripts/normalize.py --check

build: normalize
	$(BIN)/mkdocs build --strict

serve: $(STAMP)
	$(BIN)/python scripts/serve.py --port 8000

test: $(STAMP) node_modules/.installed
	$(BIN)/python -m pytest

bench: $(STAMP) node_modules/.installed
	$(BIN)/python -m pip install -q -c requirements.lock -e '.[test,bench]'
	$(BIN)/python scripts/bench.py

clean:
	rm -rf site .pytest_cache
