# Clockwork: `make run` opens the window, `make test` runs vet and every test with -race.
# Both first install what a fresh Debian/Ubuntu machine lacks (see .ci/deps).

TAGS    := -tags migrated_fynedo
BIN     := clockwork
GOFLAGS ?=
# The version is written in one place, FyneApp.toml; builds stamp it into the binary.
VERSION := $(shell sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
LDFLAGS := -X clockwork/app.Version=$(VERSION)

.PHONY: run test build deps bench demo clean

run: deps build
	./$(BIN)

build:
	go build $(TAGS) -ldflags '$(LDFLAGS)' -o $(BIN) .

test: deps
	go vet $(TAGS) ./...
	go test $(TAGS) -race -timeout 40m ./...

# Benchmarks over the reference shop (not part of `make test`); see README.
bench: deps
	go test $(TAGS) -run '^$$' -bench . -benchtime 1x -timeout 60m ./...

deps:
	@./.ci/deps

clean:
	rm -f $(BIN)
