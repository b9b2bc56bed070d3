# TumourBoard: `make run` serves the app on http://127.0.0.1:5080 with demo data; `make test` runs every test.
SHELL := /bin/bash
.DEFAULT_GOAL := run

TB_PORT ?= 5080
TB_DATA_DIR ?= .data
export TB_DATA_DIR
CONFIG ?= Debug
TEST_PROJECTS := tests/TumourBoard.Domain.Tests tests/TumourBoard.Web.Tests tests/TumourBoard.EndToEnd.Tests

.PHONY: run stop test build bench test-deps clean

build:
	dotnet build TumourBoard.sln -c $(CONFIG) -nologo -v quiet

## Local cluster under $(TB_DATA_DIR) unless ConnectionStrings__TumourBoard points elsewhere; migrations and demo data at start.
run:
	@if [ -z "$$ConnectionStrings__TumourBoard" ]; then scripts/pg.sh start; fi
	@cs="$${ConnectionStrings__TumourBoard:-$$(scripts/pg.sh connection)}"; \
	echo "TumourBoard on http://127.0.0.1:$(TB_PORT) (Ctrl+C to stop)"; \
	ConnectionStrings__TumourBoard="$$cs" ASPNETCORE_ENVIRONMENT=$${ASPNETCORE_ENVIRONMENT:-Development} \
	ASPNETCORE_URLS=http://127.0.0.1:$(TB_PORT) App__PublicBaseUrl=http://127.0.0.1:$(TB_PORT) \
	Mail__PickupDirectory="$(abspath $(TB_DATA_DIR))/mail" \
	dotnet run --project src/TumourBoard.Web -c $(CONFIG) --no-launch-profile

stop:
	@scripts/pg.sh stop

## What the tests need from the system: PostgreSQL server binaries, Chromium, poppler-utils (pdftoppm).
test-deps:
	@scripts/pg.sh install
	@missing=""; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	command -v pdftoppm >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing$$missing through apt-get..."; \
	  if [ "$$(id -u)" -eq 0 ]; then SUDO=""; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

test: test-deps build
	@scripts/run-tests.sh $(CONFIG) $(TEST_PROJECTS)

## BenchmarkDotNet, Release, in-process, then the measured scenarios (live voting, the cold minutes export: the app's
## Release build in its own processes on a PostgreSQL cluster of its own under /tmp, a few minutes); rewrites the sections
## of docs/performance.md that ran and fails when a goal is missed. PostgreSQL is installed for the benchmarks that need a database.
bench:
	@scripts/pg.sh install
	dotnet run --project bench/TumourBoard.Benchmarks -c Release -- --output docs/performance.md

clean:
	dotnet clean TumourBoard.sln -nologo -v quiet
