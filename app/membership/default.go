package membership

import (
	_ "embed"
	"strings"
	"sync"

	"explainer/app/sources"
)

// Default returns the membership history from transitions.csv as
// contentgen wrote it into content_gen.go. The server, the export and the
// client all build the same model from those literals, so a prerendered
// page and the app it turns into cannot disagree, even when
// transitions.csv was edited and not regenerated
// (TestGeneratedEqualsParsed names that stale file).
func Default() *History { return loadDefault() }

var loadDefault = sync.OnceValue(generated)

//go:embed transitions.csv
var transitionsCSV string

// ParseEmbedded parses the transitions.csv embedded in the binary, its
// sources checked against sources.ParseEmbedded. Only contentgen and the
// tests call it: the app reads Default, so the wasm does not link the
// parser.
func ParseEmbedded() (*History, error) {
	cat, err := sources.ParseEmbedded()
	if err != nil {
		return nil, err
	}
	return ParseTransitions("transitions.csv", strings.NewReader(transitionsCSV), cat.Lookup)
}
