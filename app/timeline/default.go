package timeline

import (
	_ "embed"
	"strings"
	"sync"

	"explainer/app/sources"
)

//go:embed events.csv
var eventsCSV string

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

var loadDefault = sync.OnceValue(func() *Timeline {
	t, err := Parse("events.csv", strings.NewReader(eventsCSV), Known{Paragraphs: IsArticleParagraph, Sources: sources.Default().Lookup})
	if err != nil {
		panic("timeline: embedded events.csv is invalid:\n" + err.Error())
	}
	return t
})

// Default returns the story's timeline, read from the embedded events.csv
// on first use. It panics if that file is invalid, which the package's
// tests rule out.
func Default() *Timeline { return loadDefault() }
