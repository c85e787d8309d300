# ${project.name}: build, test, run and lint with the Go toolchain.
BINARY := bin/server

.PHONY: build test run lint

build:
	go build -o $(BINARY) ./cmd/server

test:
	go test ./...

run:
	go run ./cmd/server

# gofmt must list no file, and go vet must find nothing
lint:
	@unformatted="$$(gofmt -l .)"; if [ -n "$$unformatted" ]; then echo "not gofmt-formatted:"; echo "$$unformatted"; exit 1; fi
	go vet ./...
