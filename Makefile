# Build, serve, test and measure the explainer. `make run` and `make test`
# are the two commands a fresh machine needs (see README.md).

GO      ?= go
ADDR    ?= 127.0.0.1:8000
OUT     ?= out
PREFIX  ?=
ORIGIN  ?=
# MONTHS=1: the export also writes every month's page and card.
MONTHS  ?=
# VIEWS="/at/1999-06-01/ /country/ARM/": the export also writes these views' pages and cards.
VIEWS   ?=
# The client binary: trimmed paths and no symbol tables keep the wasm small.
WASMFLAGS = -trimpath -ldflags="-s -w"
STATICCHECK = honnef.co/go/tools/cmd/staticcheck@v0.8.2

# Every file the wasm is built from: the Go files and embedded content of
# each non-standard package it links, as the Go tool lists them, so a new
# package or content file is never missed.
WASM_SOURCES_FORMAT = {{if not .Standard}}{{$$d := .Dir}}{{range .GoFiles}}{{$$d}}/{{.}} {{end}}{{range .EmbedFiles}}{{$$d}}/{{.}} {{end}}{{end}}
SOURCES := $(shell GOOS=js GOARCH=wasm $(GO) list -deps -f '$(WASM_SOURCES_FORMAT)' .) go.mod go.sum

.PHONY: build check run test unit e2e lint export bench bench-peer audit size clean screenshots cards fuzz loadtest

build: web/app.wasm.br

# The server and the client build their model from Go literals, not by
# parsing the content files (see tools/contentgen): each content file's
# content_gen.go is written again when the file, or the code that parses
# it, changes.
CONTENT = app/sources/sources.csv app/timeline/events.csv app/membership/transitions.csv \
	app/roles/roles.csv app/story/article.md app/corrections/corrections.csv
CONTENT_GEN = $(foreach f,$(CONTENT),$(dir $(f))content_gen.go)
CONTENTGEN_SOURCES := $(filter-out %/content_gen.go,$(shell $(GO) list -deps -f '$(WASM_SOURCES_FORMAT)' ./tools/contentgen))

$(CONTENT_GEN) &: $(CONTENT) $(CONTENTGEN_SOURCES)
	$(GO) run ./tools/contentgen
	touch $(CONTENT_GEN)

web/app.wasm: $(SOURCES) $(CONTENT_GEN)
	GOOS=js GOARCH=wasm $(GO) build $(WASMFLAGS) -o web/app.wasm .

web/app.wasm.br: web/app.wasm web/explainer.css web/embed-child.js web/noscript.css
	$(GO) run ./tools/precompress web/app.wasm web/explainer.css web/embed-child.js web/noscript.css

# Every content file checked with the build's own parsers; each problem
# as file:line:column.
check:
	$(GO) run . check

run: build
	$(GO) run . serve -addr $(ADDR)

# The go-app fork is a module of its own, which ./... does not reach.
test: build lint
	$(GO) test -count=1 -timeout 30m ./...
	cd third_party/go-app && $(GO) test -count=1 ./pkg/...

# Unit tests alone: no browser, no built wasm needed.
unit:
	$(GO) test -count=1 $$($(GO) list ./... | grep -v /e2e)
	cd third_party/go-app && $(GO) test -count=1 ./pkg/...

e2e: build
	$(GO) test -count=1 -timeout 30m -v ./e2e/

lint:
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet . ./app/... ./components/...
	$(GO) run $(STATICCHECK) ./...

export: build
	$(GO) run . export -out $(OUT) -prefix "$(PREFIX)" -origin "$(ORIGIN)" $(if $(MONTHS),-months) $(foreach v,$(VIEWS),-view '$(v)')

# Go benchmarks, then the budget table (sizes against a go-app hello world,
# first paint, ready time cold and warm, select-to-map, memory).
bench: build
	$(GO) test -run '^$$' -bench . -benchmem -count 5 ./app/... ./components/... ./internal/card/ ./server/
	$(GO) run ./tools/budget

# Side by side with TimelineJS 3.9.11 (fetched with npm pack into .cache/,
# checked by sha512) on the same sheet: click to painted frame, ready,
# longest start task at 4x, bytes, FCP/LCP, DOM, heap, Lighthouse 12; and
# beside both, go-app's floor (tools/hello built and served as ours is):
# what the Go runtime and go-app cost by themselves, to start and for a
# click on its Next button.
# BENCH_PEER_FLAGS passes flags, e.g. "-runs 2 -lighthouse=false".
BENCH_PEER_FLAGS ?=
bench-peer: build
	$(GO) run ./tools/benchpeer $(BENCH_PEER_FLAGS)

# Lighthouse 12 scores and failing audits (installs lighthouse into .cache/):
# the page on a phone, where the app starts only as the reader nears the
# panels; an embed on a phone, where it starts at once; the page on a
# desktop, where it starts at once too.
audit: build
	./tools/audit.sh /
	AUDIT_OUT=.cache/audit/embed ./tools/audit.sh "/embed?view=all"
	AUDIT_PRESET=desktop AUDIT_OUT=.cache/audit/desktop ./tools/audit.sh /

# The wasm's bytes by Go package.
size:
	$(GO) run ./tools/sizereport -base ./tools/hello

clean:
	rm -rf web/app.wasm web/*.br web/*.gz $(OUT)

# The README's and the manifest's screenshots, from the running build.
screenshots: build
	./tools/screenshots.sh

# The README's two share cards, drawn as the server draws them.
cards:
	$(GO) run ./tools/cards

# Fuzz each parser of outside input for FUZZTIME (make test runs the seeds).
FUZZTIME ?= 60s
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) ./app/view/
	$(GO) test -run '^$$' -fuzz '^FuzzParsePath$$' -fuzztime $(FUZZTIME) ./app/view/
	$(GO) test -run '^$$' -fuzz '^FuzzParseCardPath$$' -fuzztime $(FUZZTIME) ./app/share/
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) ./app/story/
	$(GO) test -run '^$$' -fuzz '^FuzzRead$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 200x ./app/sheet/
	$(GO) test -run '^$$' -fuzz '^FuzzTimeline$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 200x ./app/sheet/
	$(GO) test -run '^$$' -fuzz '^FuzzTransitions$$' -fuzztime $(FUZZTIME) ./app/sheet/
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) ./app/date/
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) ./app/richtext/
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) ./app/media/

# Load on loopback with wrk, shaped as real traffic: the reader mix with
# tracking parameters, a flood of junk URLs, slow clients fetching the
# wasm, the mix behind deploy/nginx-cdn.conf (hit ratio). req/s, p50, p99,
# errors and server memory for each, and each goal with its figure.
loadtest: build
	./tools/loadtest.sh
