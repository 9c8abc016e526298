# nnviz: build, serve and test.
#
#   make run     build everything and serve it at http://127.0.0.1:8080/
#   make test    everything: format, vet, unit, wasm, render and browser tests
#   make build   the wasm, its compressed variants and bin/nnviz-server
#   make dist    a static folder and tarball any static host can serve
#   make bench   the benchmarks, the server's load test and the browser benchmark
#   make size    how the wasm's code divides among packages
#
# make test installs the system packages the tests need (scripts/ensure-deps.sh).

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := build
# The steps depend on each other's outputs (the server embeds the wasm, the
# browser tests run the server): never run them in parallel.
.NOTPARALLEL:
MAKEFLAGS += --no-print-directory

GO ?= go
GOROOT := $(shell $(GO) env GOROOT)
WASM_EXEC_DIR := $(GOROOT)/lib/wasm
ADDR ?= 127.0.0.1:8080
# Lower it (0-11) for quick development builds; the build records it, so a
# later build at 11 recompresses.
BROTLI_QUALITY ?= 11
# How long make bench trains the heaviest page to check that the wasm's memory stays flat.
SOAK ?= 10m

STATIC := web/static
WASM := $(STATIC)/main.wasm
WASM_EXEC := $(STATIC)/wasm_exec.js
SERVER := bin/nnviz-server

# Packages tested in wasm under Node, under Xvfb and in the browser. A pattern
# whose directory is not in the tree yet is reported and skipped.
WASM_TEST_PKGS := ./nn/... ./app/... ./cmd/wasm/jsapi/...
WASM_BENCH_PKGS := ./nn/... ./app/...
RENDER_PKGS := ./render/...
E2E_PKGS := ./e2e/...

# present keeps the patterns of $(1) whose directory exists; absent the others.
present = $(strip $(foreach p,$(1),$(if $(wildcard $(patsubst ./%/...,%,$(p))),$(p))))
absent = $(filter-out $(call present,$(1)),$(1))
# native_pkgs are the packages tested natively: all but render and e2e.
native_pkgs = $$($(GO) list ./... | grep -Ev '/(render|e2e)(/|$$)')
go_js_wasm_exec := $(WASM_EXEC_DIR)/go_js_wasm_exec

.PHONY: help build wasm bundle run test deps fmt-check vet staticcheck test-native test-wasm test-render test-e2e dist bench size clean

help:
	@sed -n 's/^#   //p' Makefile

## Build

# The wasm is built to bin/ and moved into the bundle only when it changed,
# so an unchanged wasm keeps its time and is not compressed again.
wasm:
	@mkdir -p bin
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags="-s -w" -o bin/main.wasm.new ./cmd/wasm
	@if cmp -s bin/main.wasm.new $(WASM); then rm bin/main.wasm.new; else mv bin/main.wasm.new $(WASM); fi
	@# wasm_exec.js must come from the toolchain that built main.wasm.
	@if ! cmp -s "$(WASM_EXEC_DIR)/wasm_exec.js" $(WASM_EXEC); then cp "$(WASM_EXEC_DIR)/wasm_exec.js" $(WASM_EXEC); fi

# bundle: the wasm and the brotli and gzip variants of every file, with a
# table of their sizes.
bundle: wasm
	$(GO) run ./internal/cmd/precompress -dir $(STATIC) -brotli-quality $(BROTLI_QUALITY)

# The server embeds the bundle, so it is built after it.
build: bundle
	$(GO) build -trimpath -o $(SERVER) ./cmd/server
	@echo "built $(SERVER), with the bundle embedded"

run: build
	@echo "nnviz: open http://$(ADDR)/ (Ctrl-C stops the server)"
	./$(SERVER) -addr $(ADDR)

dist: bundle
	rm -rf dist/nnviz dist/nnviz.tar.gz
	mkdir -p dist/nnviz
	find $(STATIC) -maxdepth 1 -type f ! -name '.*' -exec cp {} dist/nnviz/ \;
	tar -C dist -czf dist/nnviz.tar.gz nnviz
	@echo "dist/nnviz/ and dist/nnviz.tar.gz: serve main.wasm as application/wasm, and name.br/name.gz as name with Content-Encoding br/gzip"

## Test

test:
	@start=$$(date +%s); \
	for step in deps build fmt-check vet staticcheck test-native test-wasm test-render test-e2e; do \
		echo "== make $$step"; \
		$(MAKE) $$step; \
	done; \
	echo "== make test: every step passed in $$(( $$(date +%s) - start ))s"

deps:
	@scripts/ensure-deps.sh

fmt-check:
	@files=$$(gofmt -l .); if [ -n "$$files" ]; then echo "gofmt would change:"; echo "$$files"; exit 1; fi
	@echo "gofmt: clean"

vet:
	$(GO) vet ./...
	$(if $(call present,$(E2E_PKGS)),$(GO) vet -tags e2e $(call present,$(E2E_PKGS)))
	GOOS=js GOARCH=wasm $(GO) vet ./...

# staticcheck at a pinned version, installed into bin/ through the Go module proxy on first
# use, over the native code, the browser tests and the wasm-only packages.
STATICCHECK_VERSION := v0.8.2
staticcheck:
	@mkdir -p bin
	@if ! bin/staticcheck -version 2>/dev/null | grep -q '($(STATICCHECK_VERSION:v%=%))'; then \
		echo "installing staticcheck $(STATICCHECK_VERSION) into bin/"; \
		GOBIN=$(CURDIR)/bin GOOS= GOARCH= $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION); \
	fi
	bin/staticcheck ./...
	$(if $(call present,$(E2E_PKGS)),bin/staticcheck -tags e2e $(call present,$(E2E_PKGS)))
	GOOS=js GOARCH=wasm bin/staticcheck ./cmd/wasm/...
	@echo "staticcheck: clean"

# Fuzz tests run their seed corpora here, as part of the unit tests.
test-native:
	$(GO) test $(native_pkgs)

test-wasm:
	@$(foreach p,$(call absent,$(WASM_TEST_PKGS)),echo "wasm tests: $(p) is not in this tree yet, so no wasm tests for it";)
	$(if $(call present,$(WASM_TEST_PKGS)),GOOS=js GOARCH=wasm $(GO) test -exec="$(go_js_wasm_exec)" $(call present,$(WASM_TEST_PKGS)))

test-render:
	@$(foreach p,$(call absent,$(RENDER_PKGS)),echo "render tests: $(p) is not in this tree yet, so no render tests";)
	$(if $(call present,$(RENDER_PKGS)),xvfb-run -a $(GO) test $(call present,$(RENDER_PKGS)))

# Browser tests run the built server binary: `make test` builds first.
test-e2e:
	$(GO) test -tags e2e -count=1 -timeout 45m $(E2E_PKGS)

## Benchmarks

bench: deps build
	$(GO) test -run='^$$' -bench=. -benchmem $(native_pkgs)
	$(if $(call present,$(RENDER_PKGS)),xvfb-run -a $(GO) test -run='^$$' -bench=. -benchmem $(call present,$(RENDER_PKGS)))
	@$(foreach p,$(call absent,$(WASM_BENCH_PKGS)),echo "wasm benchmarks: $(p) is not in this tree yet";)
	$(if $(call present,$(WASM_BENCH_PKGS)),GOOS=js GOARCH=wasm $(GO) test -exec="$(go_js_wasm_exec)" -run='^$$' -bench=. $(call present,$(WASM_BENCH_PKGS)))
	$(GO) run ./internal/cmd/loadtest -server $(SERVER) -n 20000 -c 50
	$(GO) run ./internal/cmd/browserbench -server $(SERVER) -soak $(SOAK)

# size: the shipped wasm strips its function names; this builds it with them, the same code,
# and sums the code of each package.
size:
	@mkdir -p bin
	GOOS=js GOARCH=wasm $(GO) build -trimpath -o bin/main-named.wasm ./cmd/wasm
	$(GO) run ./internal/cmd/wasmsize bin/main-named.wasm

clean:
	rm -rf bin dist artifacts $(WASM) $(WASM_EXEC) $(STATIC)/*.br $(STATIC)/*.gz $(STATIC)/.precompress
