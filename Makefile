# SmoothSchedule: `make run` starts it, `make test` runs every test.
SHELL := /bin/bash
GO    ?= go
BIN   := bin/smoothschedule

.PHONY: run test deps build web web-test go-lint go-test e2e bench clean

run: build
	./$(BIN) serve

build: web
	$(GO) build -o $(BIN) ./cmd/smoothschedule

# The web app is built into the binary; npm ci runs only when the lock file
# changed since the last install.
web: web/node_modules/.installed
	cd web && npm run build --silent

web/node_modules/.installed: web/package-lock.json
	cd web && (npm ci --no-audit --no-fund || npm install --no-audit --no-fund)
	touch $@

web-test: web/node_modules/.installed
	cd web && npm run --silent check:api && npm test

# The HTTP layer's tests run on a pool of ONE connection: code that asks
# for a second connection while it holds a transaction fails there at once
# (DB_ACQUIRE_TIMEOUT) instead of only under a production burst.
go-test: go-lint
	$(GO) vet ./...
	TEST_DB_MAX_CONNS=1 $(GO) test -count=1 -timeout 30m ./internal/httpapi/
	$(GO) test -count=1 $$($(GO) list ./... | grep -v '/internal/httpapi$$')

# The browser tests must pass at any hour, so CI runs them where the day is
# about to end or has just begun: the test businesses (and the browser) are
# put in the zone whose local time now is E2E_FULL_AT, then E2E_ALSO_AT
# (e2e/zone-at.mjs). The second run takes only the tests that book, show or
# move times (E2E_DATE_TESTS), to keep CI short; E2E_DATE_TESTS= runs all of
# them twice. `make e2e E2E_TZ=Europe/Berlin` runs the suite once in that zone.
E2E_FULL_AT    ?= 23:30
E2E_ALSO_AT    ?= 00:30
E2E_DATE_TESTS ?= book|scheduler|drag|phone|hours|resource and a service|every main page|permission for a while
e2e: build
	@set -e; cd web; \
	if [ -n "$$E2E_TZ" ]; then node e2e/run.mjs; exit; fi; \
	tz=$$(node e2e/zone-at.mjs $(E2E_FULL_AT)); \
	echo "== browser tests in $$tz, where it is about $(E2E_FULL_AT) now"; \
	E2E_TZ=$$tz node e2e/run.mjs; \
	tz=$$(node e2e/zone-at.mjs $(E2E_ALSO_AT)); \
	echo "== browser tests that depend on the date ($(if $(E2E_DATE_TESTS),/$(E2E_DATE_TESTS)/,all)) in $$tz, where it is about $(E2E_ALSO_AT) now"; \
	E2E_TZ=$$tz E2E_ONLY='$(E2E_DATE_TESTS)' node e2e/run.mjs

# CI fails on what a reviewer should never have to mention: unformatted
# Go code and a go.mod/go.sum that `go mod tidy` would change.
go-lint:
	@bad=$$(gofmt -l $$(git ls-files '*.go')); \
	if [ -n "$$bad" ]; then echo "gofmt would change these files (run gofmt -w on them):"; echo "$$bad"; exit 1; fi
	@$(GO) mod tidy -diff || { echo "go.mod/go.sum are not tidy: run go mod tidy"; exit 1; }

# PostgreSQL, Chromium and wrk, installed and started when missing.
deps:
	@scripts/test-deps.sh

test: deps web web-test go-test e2e

bench:
	$(GO) test -run '^$$' -bench . -benchtime 20x ./internal/... 

clean:
	rm -rf bin web/dist/assets web/dist/index.html
