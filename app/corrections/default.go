package corrections

import (
	_ "embed"
	"strings"
	"sync"

	"explainer/app/timeline"
)

// EventsOf is the check of the log's event column against tl, for Parse:
// whether an id names one of its events. It is nil for a plain TimelineJS
// sheet, which has no ids the log could cite, so the log is not checked
// against it.
func EventsOf(tl *timeline.Timeline) func(id string) bool {
	if !tl.Full() {
		return nil
	}
	return func(id string) bool { _, ok := tl.Lookup(id); return ok }
}

// Default returns the log of corrections.csv as contentgen wrote it into
// content_gen.go. The server, the export and the client all build the same
// log from those literals, so a prerendered page and the app it turns into
// cannot disagree, even when corrections.csv was edited and not
// regenerated (TestGeneratedEqualsParsed names that stale file).
func Default() []Entry { return loadDefault() }

var loadDefault = sync.OnceValue(generated)

//go:embed corrections.csv
var correctionsCSV string

// ParseEmbedded parses the corrections.csv embedded in the binary, its
// events checked against timeline.ParseEmbedded. Only contentgen and the
// tests call it: the app reads Default, so the wasm does not link the
// parser.
func ParseEmbedded() ([]Entry, error) {
	tl, err := timeline.ParseEmbedded()
	if err != nil {
		return nil, err
	}
	es, err := Parse("corrections.csv", strings.NewReader(correctionsCSV), EventsOf(tl))
	if err != nil || tl.Full() {
		return es, err
	}
	// With a plain TimelineJS sheet in place of events.csv, entries about
	// the explainer's own events are left out.
	var kept []Entry
	for _, e := range es {
		if _, ok := tl.Lookup(e.Event); e.Event == "" || ok {
			kept = append(kept, e)
		}
	}
	return kept, nil
}

// LastChecked is the day of the latest entry: the last time the facts were
// checked and changed.
func LastChecked() string {
	es := Default()
	if len(es) == 0 {
		return ""
	}
	return es[len(es)-1].Date.Long()
}
