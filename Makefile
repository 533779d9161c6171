# gokernel build, install and test entry points. `make test` is what CI runs
# (.ci/run); every target works on a fresh Debian 12 machine as root.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := test

# Go from PATH, else the standard tarball location.
GO ?= $(shell command -v go 2>/dev/null || echo /usr/local/go/bin/go)
# The kernel runs `go` too (type-checking cells), so that Go comes first on PATH.
export PATH := $(patsubst %/,%,$(dir $(GO))):$(PATH)
# Debian's Python with the Jupyter stack; never a pyenv or virtualenv one.
PYTHON := /usr/bin/python3
JUPYTER := /usr/bin/jupyter
BIN := bin/gokernel
# `make run` executes the notebooks in NOTEBOOKS and writes them to NOTEBOOK_OUT
# (git-ignored).
NOTEBOOKS ?= notebooks
NOTEBOOK_OUT ?= out/notebooks

.PHONY: deps build setup run test fmt-check vet generate-check go-test notebooks-test integration browser bench

deps:
	install/deps.sh
	install/browser-deps.sh

build:
	$(GO) build -o $(BIN) ./cmd/gokernel

# setup: dependencies, the binary, and the kernelspec for the current user.
setup: deps build
	$(BIN) install --user

# run: execute every notebook in $(NOTEBOOKS) through the installed kernel;
# fails on the first cell error.
run: setup
	$(BIN) run --out $(NOTEBOOK_OUT) $(NOTEBOOKS)/*.ipynb

test: deps build fmt-check vet generate-check go-test notebooks-test integration browser

fmt-check:
	@out=$$($(GO)fmt -l . 2>&1 || true); \
	if [[ -n "$$out" ]]; then echo "gofmt: these files need gofmt -w:"; echo "$$out"; exit 1; fi; \
	echo "gofmt: clean"

vet:
	$(GO) vet ./...

# generate-check: run go generate in a copy of the tree and fail if any file
# differs (generated yaegi symbol tables and completion index are current).
generate-check:
	tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	tar --exclude=./bin --exclude=./out --exclude=./.git -cf - . | tar -xf - -C "$$tmp"; \
	(cd "$$tmp" && $(GO) generate ./...); \
	if ! diff -r -q -x bin -x out -x .git . "$$tmp"; then \
		echo "generate: the files above are stale: run go generate ./... and commit them"; exit 1; \
	fi; \
	echo "generate: generated files are current"

# go-test: every package but the notebooks, in parallel; notebooks-test
# alone afterwards, because the notebooks measure parallel speed-ups and
# need the machine's cores to themselves.
go-test:
	$(GO) test -race $$($(GO) list ./... | grep -v '/notebooks$$')
	@echo "interp without -race: the cases yaegi's own data races keep from the race run"
	$(GO) test -count=1 ./interp/...

notebooks-test: build
	$(GO) test -count=1 ./notebooks

integration: build
	tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	export JUPYTER_DATA_DIR="$$tmp/data" JUPYTER_RUNTIME_DIR="$$tmp/runtime" \
		JUPYTER_CONFIG_DIR="$$tmp/config" JUPYTER_PATH="$$tmp/data"; \
	$(BIN) install --user; \
	$(PYTHON) kernel/integration/run_all.py

# browser: the classic Notebook in headless Chromium runs a notebook on
# gokernel with Run All (kernel/integration/browser), checks what it renders,
# and saves a screenshot to out/artifacts/.
browser: build
	$(PYTHON) kernel/integration/browser/test_browser.py $(NOTEBOOKS)/01-concurrency-models.ipynb

# bench: gokernel against ipykernel (not part of test: it measures wall time).
bench: build
	tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	export JUPYTER_DATA_DIR="$$tmp/data" JUPYTER_RUNTIME_DIR="$$tmp/runtime"; \
	$(BIN) install --user; \
	$(PYTHON) bench/kernel/bench.py
