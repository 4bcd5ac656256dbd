# WSCC bulk license portal. `make help` lists the targets.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
CATALOGS := $(wildcard services/*/translations)
PYTEST_ARGS ?= -n 2 --dist loadfile

.PHONY: help install browser dev docs test test-unit translations-extract translations-compile lock bench clean

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-22s %s\n", $$1, $$2}'

$(BIN)/activate: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -r requirements.txt
	touch $(BIN)/activate

install: $(BIN)/activate translations-compile  ## Create .venv from the pinned requirements and compile translations

dev: install  ## Start the whole system on this machine (RabbitMQ and PostgreSQL on localhost)
	$(BIN)/python -m tools.dev

browser: install  ## Find Chromium for the browser tests, or install Debian's package, or say what to run
	@$(BIN)/python -m tools.dev.chromium

test: install browser  ## Run every test (unit, integration, end to end) against the real services
	$(BIN)/pytest $(PYTEST_ARGS) -m "not serial" tests
	$(BIN)/pytest -m serial tests

test-unit: install  ## Only the unit tests (no I/O)
	$(BIN)/pytest -q tests/unit

translations-extract:  ## Refresh each service's .pot and merge it into its .po files
	@for dir in $(CATALOGS); do \
	  service=$$(dirname $$dir); \
	  $(BIN)/pybabel -q extract --width 120 -F $$service/babel.cfg -o $$dir/messages.pot $$service && \
	  $(BIN)/pybabel -q update --width 120 -i $$dir/messages.pot -d $$dir; \
	done

docs:  ## Rewrite the README tables (events, settings) from the code
	$(BIN)/python -m tools.readme

translations-compile:  ## Compile the .po catalogues into .mo files
	@for dir in $(CATALOGS); do $(BIN)/pybabel -q compile -d $$dir; done

lock:  ## Re-freeze requirements.txt from requirements.in
	$(PYTHON) -m venv /tmp/wscc-lock && /tmp/wscc-lock/bin/pip install --quiet -r requirements.in
	{ echo "# Frozen from requirements.in by \`make lock\`; installed by \`make install\`."; \
	  /tmp/wscc-lock/bin/pip freeze; } > requirements.txt && rm -rf /tmp/wscc-lock

bench: install  ## Run the benchmarks (figures beside raw baselines, printed and saved in bench/results)
	$(BIN)/python -m bench.purchase
	$(BIN)/python -m bench.lifecycle
	$(BIN)/python -m bench.exam

clean:  ## Remove local data (SQLite files, logs, mail) under var/
	rm -rf var
