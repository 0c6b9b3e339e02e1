# Build, serve, test and measure the explainer. `make run` and `make test`
# are the two commands a fresh machine needs (see README.md).

GO      ?= go
ADDR    ?= 127.0.0.1:8000
OUT     ?= out
PREFIX  ?=
# The client binary: trimmed paths and no symbol tables keep the wasm small.
WASMFLAGS = -trimpath -ldflags="-s -w"
STATICCHECK = honnef.co/go/tools/cmd/staticcheck@v0.8.2

SOURCES := $(shell find app components -type f) main.go main_wasm.go go.mod go.sum

.PHONY: build run test unit e2e lint export bench clean screenshots

build: web/app.wasm.br

web/app.wasm: $(SOURCES)
	GOOS=js GOARCH=wasm $(GO) build $(WASMFLAGS) -o web/app.wasm .

web/app.wasm.br: web/app.wasm
	$(GO) run ./tools/precompress web/app.wasm

run: build
	$(GO) run . serve -addr $(ADDR)

test: build lint
	$(GO) test -count=1 ./...

# Unit tests alone: no browser, no built wasm needed.
unit:
	$(GO) test -count=1 $$($(GO) list ./... | grep -v /e2e)

e2e: build
	$(GO) test -count=1 -v ./e2e/

lint:
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet . ./app/... ./components/...
	$(GO) run $(STATICCHECK) ./...

export: build
	$(GO) run . export -out $(OUT) -prefix "$(PREFIX)"

bench: build
	$(GO) test -run '^$$' -bench . -benchmem -count 5 ./...

clean:
	rm -rf web/app.wasm web/app.wasm.br web/app.wasm.gz $(OUT)

# The README's and the manifest's screenshots, from the running build.
screenshots: build
	./tools/screenshots.sh
