# simwatch: build, test and demo entry points. `make help` lists them.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := build

# The toolchain lives in /opt/swift on the development machines; keep it reachable from plain shells.
export PATH := $(PATH):/opt/swift/usr/bin

SWIFT ?= swift
PYTHON ?= python3
BOOTSTRAP := scripts/bootstrap.sh
# The one version: SimwatchVersion.current in Sources/SimwatchModel/Version.swift (scripts/package.sh reads it).
VERSION := $(shell scripts/package.sh version)

# Release builds link the Swift runtime statically, so installed binaries do not depend on the toolchain.
RELEASE_FLAGS := -c release --static-swift-stdlib
RELEASE_STAMP := .build/simwatch-release.stamp
SOURCES := $(shell find Sources -type f) Package.swift $(wildcard Package.resolved)

# make install: PREFIX (default ~/.local), DESTDIR, and the other settings of scripts/install.sh (BINDIR, UNITDIR, ...).
PREFIX ?= $(HOME)/.local
DESTDIR ?=

DEMO_SECONDS ?= 75
# Seconds per fuzz harness: make fuzz (FUZZ_SECONDS), make torture (TORTURE_FUZZ_SECONDS); make test runs 10.
FUZZ_SECONDS ?= 60
TORTURE_FUZZ_SECONDS ?= 600
TORTURE_CRASH_KILLS ?= 1000
DEMO_CONFIG ?= config/demo.toml
PYTEST_ARGS ?=

.PHONY: help build debug demo install uninstall deb dist test test-unit test-integration run-integration fuzz torture \
	bench fmt lint clean

help:
	@echo "make build             release build (swift build $(RELEASE_FLAGS))"
	@echo "make install           build, then install to PREFIX=$(PREFIX) (DESTDIR honoured) and the user units"
	@echo "make uninstall         remove what make install installed (never the configuration or the state)"
	@echo "make deb               simwatch_$(VERSION)_ARCH.deb from the release build (apt install ./simwatch_*.deb)"
	@echo "make dist              simwatch-$(VERSION)-linux-ARCH.tar.gz: the same files and an install.sh, other distributions"
	@echo "make debug             debug build"
	@echo "make demo              run simwatchd on $(DEMO_CONFIG) for DEMO_SECONDS=$(DEMO_SECONDS) s"
	@echo "make test              lint, warnings-as-errors build, unit tests, integration tests, 10 s of each fuzzer"
	@echo "make test-unit         swift test (unit tests only)"
	@echo "make test-integration  pytest Tests/integration against the debug simwatchd and simwatchctl"
	@echo "make fuzz              each libFuzzer harness for FUZZ_SECONDS=$(FUZZ_SECONDS) s (scripts/fuzz.sh)"
	@echo "make torture           long fuzz ($(TORTURE_FUZZ_SECONDS) s each) and $(TORTURE_CRASH_KILLS) crash-anywhere kills"
	@echo "make bench             footprint and throughput figures of the release simwatchd"
	@echo "make fmt | lint        swift format in place | swift format lint --strict"
	@echo "make clean             remove build products"

build:
	@$(BOOTSTRAP) build
	$(SWIFT) build $(RELEASE_FLAGS)
	@touch $(RELEASE_STAMP)

# Built only when a source is newer than the last release build, so that `make install` after `make build` needs no
# write access to .build (another user can install from it).
$(RELEASE_STAMP): $(SOURCES)
	@$(BOOTSTRAP) build
	$(SWIFT) build $(RELEASE_FLAGS)
	@touch $@

install: $(RELEASE_STAMP)
	@$(BOOTSTRAP) install
	PREFIX="$(PREFIX)" DESTDIR="$(DESTDIR)" scripts/install.sh install

uninstall:
	PREFIX="$(PREFIX)" DESTDIR="$(DESTDIR)" scripts/install.sh uninstall

# The Debian package and the tarball, from the release build (scripts/package.sh; docs/operations.md).
deb: $(RELEASE_STAMP)
	@$(BOOTSTRAP) deb
	scripts/package.sh deb

dist: $(RELEASE_STAMP)
	@$(BOOTSTRAP) install
	scripts/package.sh dist

debug:
	@$(BOOTSTRAP) build
	$(SWIFT) build

# A fresh state directory each run, removed afterwards; SIGINT after DEMO_SECONDS is the clean way out.
# Part way through, scripts/demo.sh renews the plan with simwatchctl and shows the renewal confirmed.
demo:
	@$(BOOTSTRAP) demo
	$(SWIFT) build --product simwatchd
	$(SWIFT) build --product simwatchctl
	@scripts/demo.sh "$$($(SWIFT) build --show-bin-path)" $(DEMO_CONFIG) $(DEMO_SECONDS)

# CI builds with warnings as errors (Package.swift reads SIMWATCH_WERROR); the tests run what it built.
# The user-service tests install the release build, so it is built here (as whoever runs the tests); the package
# test (Tests/integration/test_package.py) makes the Debian package from it (about 20 s) and installs that.
test: lint
	@$(BOOTSTRAP) test
	SIMWATCH_WERROR=1 $(SWIFT) build --build-tests
	SIMWATCH_WERROR=1 $(SWIFT) test --skip-build
	$(SWIFT) build $(RELEASE_FLAGS)
	@touch $(RELEASE_STAMP)
	$(MAKE) --no-print-directory run-integration
	scripts/fuzz.sh 10

test-unit:
	@$(BOOTSTRAP) unit
	SIMWATCH_WERROR=1 $(SWIFT) build --build-tests
	SIMWATCH_WERROR=1 $(SWIFT) test --skip-build

test-integration:
	@$(BOOTSTRAP) test
	SIMWATCH_WERROR=1 $(SWIFT) build --product simwatchd
	SIMWATCH_WERROR=1 $(SWIFT) build --product simwatchctl
	$(SWIFT) build $(RELEASE_FLAGS)
	@touch $(RELEASE_STAMP)
	$(MAKE) --no-print-directory run-integration

run-integration:
	bin="$$(SIMWATCH_WERROR=1 $(SWIFT) build --show-bin-path)"; \
	SIMWATCHD="$$bin/simwatchd" SIMWATCHCTL="$$bin/simwatchctl" \
	    $(PYTHON) -m pytest -q Tests/integration $(PYTEST_ARGS)

# libFuzzer harnesses of the parsers of outside data (Fuzz/, docs/reliability.md); builds into .build-fuzz.
fuzz:
	scripts/fuzz.sh $(FUZZ_SECONDS)

# The long runs: every fuzzer for TORTURE_FUZZ_SECONDS, then the daemon killed at random points many times.
torture:
	scripts/fuzz.sh $(TORTURE_FUZZ_SECONDS)
	SIMWATCH_WERROR=1 $(SWIFT) build --product simwatchd
	SIMWATCH_WERROR=1 $(SWIFT) build --product simwatchctl
	bin="$$(SIMWATCH_WERROR=1 $(SWIFT) build --show-bin-path)"; \
	SIMWATCH_CRASH_KILLS=$(TORTURE_CRASH_KILLS) SIMWATCHD="$$bin/simwatchd" SIMWATCHCTL="$$bin/simwatchctl" \
	    $(PYTHON) -m pytest -q Tests/integration/test_crash_anywhere.py $(PYTEST_ARGS)

bench:
	@$(BOOTSTRAP) bench
	scripts/bench.sh

fmt:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests

clean:
	$(SWIFT) package clean
