package sources

import (
	_ "embed"
	"strings"
	"sync"
)

// Default returns the reports of sources.csv as contentgen wrote them into
// content_gen.go. The server, the export and the client all build the same
// model from those literals, so a prerendered page and the app it turns
// into cannot disagree, even when sources.csv was edited and not
// regenerated (TestGeneratedEqualsParsed names that stale file).
func Default() *Catalog { return loadDefault() }

var loadDefault = sync.OnceValue(generated)

//go:embed sources.csv
var sourcesCSV string

// ParseEmbedded parses the sources.csv embedded in the binary. Only
// contentgen and the tests call it: the app reads Default, so the wasm does
// not link the parser.
func ParseEmbedded() (*Catalog, error) {
	return Parse("sources.csv", strings.NewReader(sourcesCSV))
}
