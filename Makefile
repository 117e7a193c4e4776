# Clockwork: `make run` opens the window, `make test` runs vet and every test with -race, then
# the app, CLI, window and storage tests again on a PostgreSQL server of its own (.ci/pg).
# Both first install what a fresh Debian/Ubuntu machine lacks (see .ci/deps).

TAGS    := -tags migrated_fynedo
# Two binaries from one source: clockwork runs commands and starts fast (tag cli: no window,
# no Excel library); clockwork-window is the window and every command. clockwork with no
# command, or with one that makes or reads a workbook, runs clockwork-window beside it.
BIN     := clockwork
WINDOW  := clockwork-window
GOFLAGS ?=
# The version is written in one place, FyneApp.toml; builds stamp it into the binary.
VERSION := $(shell sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
LDFLAGS := -X clockwork/app.Version=$(VERSION)

.PHONY: run test test-postgres build dist deps bench demo clean

run: deps build
	./$(BIN)

build:
	go build $(TAGS) -ldflags '$(LDFLAGS)' -o $(WINDOW) .
	go build -tags 'migrated_fynedo cli' -ldflags '$(LDFLAGS)' -o $(BIN) .

test: deps
	go vet $(TAGS) ./...
	go test $(TAGS) -race -timeout 40m ./...
	./.ci/pg go test $(TAGS) -race -timeout 40m $(PGTESTS)

# The app, CLI, window and storage suites again, on a PostgreSQL server that .ci/pg starts in a
# temporary folder for the run and stops afterwards (each test gets a database of its own).
PGTESTS := ./app/... ./views/... ./data/...
test-postgres: deps
	./.ci/pg go test $(TAGS) -race -timeout 40m $(PGTESTS)

# Release packages for Linux and Windows into dist/, named with $(VERSION), then checked:
# installed on a fresh user and started under Xvfb; the .exe's kind and resources (README).
dist:
	@./.ci/deps dist
	./.ci/dist
	./.ci/check-dist

# Benchmarks over the reference shop (not part of `make test`); see README.
bench: deps
	go test $(TAGS) -run '^$$' -bench . -benchtime 1x -timeout 60m ./...

deps:
	@./.ci/deps

clean:
	rm -f $(BIN) $(WINDOW)
	rm -rf dist
