# tuijin — the two commands:  `make demo` (set up, load the sample region, serve)  and  `make test`.
PYTHON ?= python3.11
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
PORT   ?= 8000
# The engine compiled by mypyc (scripts/build_engine.py), which is run when an engine file changes
# and rebuilds only if a compiled one did (it knows which).
ENGINE := tuijin/ingest/compiled.manifest
ENGINE_SRC := $(shell find tuijin/ingest -name '*.py' -not -path '*/tests/*' -not -path '*/readers/*')

.PHONY: demo test test-fast lint typecheck check e2e bench score install clean

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "需要 Python 3.11 ($(PYTHON))"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	$(BIN)/python -m compileall -q tuijin  # as a wheel install would: no compile at each start
	@rm -f $(VENV)/.installed-* && touch $(STAMP)

$(ENGINE): $(STAMP) $(ENGINE_SRC)
	$(BIN)/python scripts/build_engine.py

install: $(STAMP) $(ENGINE)

## make demo: create the virtualenv, install, load the demo region into SQLite, serve on :$(PORT)
demo: $(STAMP) $(ENGINE)
	$(BIN)/tuijin demo --port $(PORT)

## make test: create the virtualenv, install, run every test (SQLite; PostgreSQL too when DATABASE_URL is set)
test: $(STAMP) $(ENGINE)
	$(BIN)/python scripts/ensure_browser.py
	$(BIN)/python -m pytest

test-fast: $(STAMP) $(ENGINE)
	$(BIN)/python -m pytest -m "not e2e"

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy tuijin

check: lint typecheck
	$(BIN)/python manage.py makemigrations --check --dry-run

bench: $(STAMP) $(ENGINE)
	$(BIN)/python benchmarks/bench_extract.py
	$(BIN)/python benchmarks/bench_excel_import.py

## make score: the extractor on the shared corpus and on our own held-out sets
score: $(STAMP) $(ENGINE)
	rm -rf /tmp/tuijin-score && mkdir -p /tmp/tuijin-score/corpus /tmp/tuijin-score/evalset /tmp/tuijin-score/evalset2 /tmp/tuijin-score/evalset3
	$(BIN)/tuijin extract ../shared/corpus/*.txt --out /tmp/tuijin-score/corpus
	$(BIN)/python ../shared/eval/score.py ../shared/corpus /tmp/tuijin-score/corpus
	$(BIN)/tuijin extract benchmarks/evalset/*.txt --out /tmp/tuijin-score/evalset
	$(BIN)/python ../shared/eval/score.py benchmarks/evalset /tmp/tuijin-score/evalset
	$(BIN)/tuijin extract benchmarks/evalset2/*.txt --out /tmp/tuijin-score/evalset2
	$(BIN)/python ../shared/eval/score.py benchmarks/evalset2 /tmp/tuijin-score/evalset2
	$(BIN)/tuijin extract benchmarks/evalset3/*.txt --out /tmp/tuijin-score/evalset3
	$(BIN)/python ../shared/eval/score.py benchmarks/evalset3 /tmp/tuijin-score/evalset3

clean:
	-test -x $(BIN)/python && $(BIN)/python scripts/build_engine.py --clean
	rm -rf $(VENV) data build .pytest_cache .mypy_cache .ruff_cache
