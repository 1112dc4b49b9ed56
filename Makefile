# SmoothSchedule: `make run` starts it, `make test` runs every test.
SHELL := /bin/bash
GO    ?= go
BIN   := bin/smoothschedule

.PHONY: run test deps build web web-test go-test e2e bench clean

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
	cd web && npm test

# The HTTP layer's tests run on a pool of ONE connection: code that asks
# for a second connection while it holds a transaction fails there at once
# (DB_ACQUIRE_TIMEOUT) instead of only under a production burst.
go-test:
	$(GO) vet ./...
	TEST_DB_MAX_CONNS=1 $(GO) test -count=1 ./internal/httpapi/
	$(GO) test -count=1 $$($(GO) list ./... | grep -v '/internal/httpapi$$')

e2e: build
	cd web && node e2e/run.mjs

# PostgreSQL, Chromium and wrk, installed and started when missing.
deps:
	@scripts/test-deps.sh

test: deps web web-test go-test e2e

bench:
	$(GO) test -run '^$$' -bench . -benchtime 20x ./internal/... 

clean:
	rm -rf bin web/dist/assets web/dist/index.html
