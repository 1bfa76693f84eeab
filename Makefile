# alloclint — `make run` and `make test` do all the set-up on a fresh machine.
SHELL := /bin/bash
PREFIX ?= /usr/local
ARGS ?= examples/...
SWIFT ?= swift
BUILD_FLAGS := -c release
BIN := .build/release/alloclint
# The binary `make install` puts on PATH: the Swift runtime linked in, so it starts in half the
# time (editors and hooks start it on every run) and runs without Swift's shared libraries.
STATIC_BIN := .build/static/release/alloclint
GO_ROOT := /usr/share/go-1.19
GO_SRC := $(GO_ROOT)/src
N ?= 1000000
SEED ?= 1
FROM ?= 0

.PHONY: run test build static install grammar deps readme clean bench bench-stdin go-src sweep fuzz

run: build
	@cd examples && ../$(BIN) $(patsubst examples/%,./%,$(ARGS)); status=$$?; \
	  if [ $$status -eq 1 ]; then echo "(exit 1: findings at or above the fail level, as expected for examples/)"; exit 0; fi; exit $$status

test: build
	$(SWIFT) test $(BUILD_FLAGS) -Xswiftc -enable-testing 2>&1 | tee .build/test.log; exit $${PIPESTATUS[0]}

build: deps grammar
	$(SWIFT) build $(BUILD_FLAGS) -Xswiftc -enable-testing

static: deps grammar
	$(SWIFT) build $(BUILD_FLAGS) --static-swift-stdlib --scratch-path .build/static

install: static
	install -d $(PREFIX)/bin
	install -m 0755 $(STATIC_BIN) $(PREFIX)/bin/alloclint

# The tree-sitter runtime from Debian (installed when missing, or the command to do so printed).
deps:
	@if ! pkg-config --exists tree-sitter 2>/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing libtree-sitter-dev"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libtree-sitter-dev >/dev/null; \
	  else \
	    echo "libtree-sitter-dev is missing: run 'sudo apt-get install -y libtree-sitter-dev'" >&2; exit 1; \
	  fi; \
	fi

# The tree-sitter-go sources, fetched from PyPI and verified (reused when already present).
grammar:
	@bash Grammars/fetch.sh

clean:
	rm -rf .build

# Regenerates the README's rule table from the catalogue.
readme: build
	@python3 -c 'import re,subprocess,sys; t=subprocess.run(["$(BIN)","rules","--format","markdown"],capture_output=True,text=True,check=True).stdout; r=open("README.md").read(); r=re.sub(r"(<!-- rules:begin -->\n).*?(<!-- rules:end -->)", lambda m: m.group(1)+t+m.group(2), r, flags=re.S); open("README.md","w").write(r)'

# Speed on the Go 1.19 standard library: --jobs 1, all cores, --parse-only, RSS, stdin latency.
bench: build static go-src
	@GO_ROOT=$(GO_ROOT) BIN=$(BIN) STDIN_BIN=$(STATIC_BIN) .ci/bench

# Editor latency of the installed binary: one 2,000-line file on stdin, alone and inside its
# package (net/http: its 22 other files outside the tests are read for context); findings make the exit status 1, hence --ignore-failure. Needs
# hyperfine (apt-get install hyperfine) and golang-1.19-src.
bench-stdin: static
	@mkdir -p .build/bench && head -2000 $(GO_SRC)/net/http/transport.go > .build/bench/stdin-2000.go
	hyperfine --ignore-failure --warmup 5 --runs 40 \
	  '$(STATIC_BIN) --no-config --stdin --stdin-filename .build/bench/alone/transport.go < .build/bench/stdin-2000.go' \
	  '$(STATIC_BIN) --no-config --stdin --stdin-filename $(GO_SRC)/net/http/transport.go < .build/bench/stdin-2000.go'

# Debian's Go 1.19 sources: the corpus of `make sweep` and `make bench` (installed when missing).
go-src:
	@if [ ! -d $(GO_ROOT)/src ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing golang-1.19-src"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq golang-1.19-src >/dev/null; \
	  else \
	    echo "golang-1.19-src is missing: run 'sudo apt-get install -y golang-1.19-src'" >&2; exit 1; \
	  fi; \
	fi

# Lints every .go file of the Go 1.19 src and test trees, named explicitly: no crash, no hang.
sweep: build go-src
	@GO_ROOT=$(GO_ROOT) .ci/sweep

# The mutation fuzzer: N executions of SEED from execution FROM (a short run is part of `make test`).
fuzz: build
	.build/release/AlloclintFuzz --runs $(N) --seed $(SEED) --from $(FROM)
