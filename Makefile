# Two commands for a fresh machine: `make serve` and `make test`. See README.md.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1:8000
BENCH_ARGS ?=  # e.g. make bench BENCH_ARGS="--quick"; see python -m handbook.bench --help
# Material prints a multi-line notice about MkDocs 2.0 on every run; keep our output quiet.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build public test test-any-day browser-deps bench check clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

# --dirty: after a save, only the pages whose text changed are written again (site/incremental.py).
serve: $(STAMP)  ## serve the handbook on http://127.0.0.1:8000 and rebuild on every edit
	$(BIN)/mkdocs serve --dirty --dev-addr $(HOST)

build: $(STAMP)  ## private build into site/
	$(BIN)/mkdocs build --strict

public: $(STAMP)  ## public build (shared contacts only) into site-public/
	$(BIN)/mkdocs build --strict -f mkdocs.public.yml

check: $(STAMP)
	$(BIN)/handbook check

# Debian's chromium for the real-browser tests (Playwright cannot download browsers here).
browser-deps:
	@if [ ! -x /usr/bin/chromium ] || ! command -v pdftoppm >/dev/null; then \
		echo "Installing chromium and poppler-utils with apt-get"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils >/dev/null; \
	fi

test: $(STAMP) browser-deps
	$(BIN)/python -m pytest -q

# The suite must not depend on the date or on the examples in contacts/ (users delete them):
# run the tests that need no browser in a scratch copy without the examples, a year ahead.
ANY_DAY ?= $(shell date -d '+1 year' +%F)
test-any-day: $(STAMP)
	@command -v faketime >/dev/null || { echo "Installing faketime with apt-get"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq faketime >/dev/null; }
	@scratch=$$(mktemp -d) && trap 'rm -rf "$$scratch"' EXIT && \
	git ls-files -co --exclude-standard -z | tar --null -T - -cf - | tar -xf - -C "$$scratch" && \
	rm -f "$$scratch"/contacts/people/*.md "$$scratch"/contacts/meetings/*.md && \
	echo "Tests without a browser, on $(ANY_DAY), with the example contacts deleted" && \
	cd "$$scratch" && PYTHONPATH="$$scratch/scripts" \
		faketime '$(ANY_DAY) 09:00:00' $(CURDIR)/$(BIN)/python -m pytest -q -p no:cacheprovider -m "not browser and not wall_clock"

bench: $(STAMP)
	$(BIN)/python -m handbook.bench $(BENCH_ARGS)

clean:
	rm -rf site site-public .pytest_cache
