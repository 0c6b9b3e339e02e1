//go:build !wasm

package timeline

import (
	_ "embed"
	"strings"
	"sync"

	"explainer/app/sources"
)

//go:embed events.csv
var eventsCSV string

var loadDefault = sync.OnceValue(func() *Timeline {
	t, err := Parse("events.csv", strings.NewReader(eventsCSV), Known{Paragraphs: IsArticleParagraph, Sources: sources.Default().Lookup})
	if err != nil {
		panic("timeline: embedded events.csv is invalid:\n" + err.Error())
	}
	return t
})
