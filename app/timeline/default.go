package timeline

import (
	_ "embed"
	"strings"
	"sync"

	"explainer/app/sources"
)

// ArticleParagraphs are the ids of the article's paragraphs, in order, that
// the events' Paragraph column may name. The story package's tests
// cross-check this list against the article itself.
var ArticleParagraphs = []string{
	"summit", "escalation", "path", "post-soviet", "russia", "external", "manoeuvre", "conclusion",
}

// IsArticleParagraph reports whether id is in ArticleParagraphs.
func IsArticleParagraph(id string) bool {
	for _, p := range ArticleParagraphs {
		if p == id {
			return true
		}
	}
	return false
}

// Default returns the story's timeline from events.csv as contentgen wrote
// it into content_gen.go. The server, the export and the client all build
// the same model from those literals, so a prerendered page and the app it
// turns into cannot disagree, even when events.csv was edited and not
// regenerated (TestGeneratedEqualsParsed names that stale file).
func Default() *Timeline { return loadDefault() }

var loadDefault = sync.OnceValue(generated)

//go:embed events.csv
var eventsCSV string

// ParseEmbedded parses the events.csv embedded in the binary, its sources
// checked against sources.ParseEmbedded. Only contentgen and the tests call
// it: the app reads Default, so the wasm does not link the parser.
func ParseEmbedded() (*Timeline, error) {
	cat, err := sources.ParseEmbedded()
	if err != nil {
		return nil, err
	}
	return Parse("events.csv", strings.NewReader(eventsCSV), Known{Paragraphs: IsArticleParagraph, Sources: cat.Lookup})
}
