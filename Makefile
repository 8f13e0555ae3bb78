# Every target sets up what it needs: a fresh clone only needs python3.11, node/npm and make.
# Browser tests also need Chromium and a CJK font: `apt-get install chromium fonts-wqy-microhei`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
NODE_INSTALLED := node_modules/.package-lock.json

# Material 9.8 prints an end-of-life notice on every build; it is known and tracked, not news.
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup build serve test new lock clean

setup: $(INSTALLED) $(NODE_INSTALLED)

$(INSTALLED): requirements.txt requirements-test.txt constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

$(NODE_INSTALLED): package.json package-lock.json
	npm ci --no-audit --no-fund

build: setup
	$(BIN)/mkdocs build --strict

# Live-reloading preview at http://127.0.0.1:8000 (redirects to the project path of site_url).
# Not strict, so a half-written question shows its problems without stopping the server.
serve: setup
	$(BIN)/mkdocs serve --no-strict --dev-addr 127.0.0.1:8000

test: setup
	$(BIN)/python -m pytest

# make new TOPIC=rag SLUG=what-is-rag  -> a zh/en page pair from docs/questions/_template
new: setup
	$(BIN)/python scripts/new_question.py "$(TOPIC)" "$(SLUG)"

# Re-pin every transitive dependency from a clean environment.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	: > constraints.txt
	.lock-venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	.lock-venv/bin/python -m pip freeze --all --exclude pip --exclude setuptools > constraints.txt
	rm -rf .lock-venv

clean:
	rm -rf site .venv node_modules .pytest_cache
