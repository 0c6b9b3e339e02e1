package corrections

import (
	_ "embed"
	"strings"
	"sync"

	"explainer/app/timeline"
)

//go:embed corrections.csv
var correctionsCSV string

var loadDefault = sync.OnceValue(func() []Entry {
	tl := timeline.Default()
	es, err := Parse("corrections.csv", strings.NewReader(correctionsCSV), EventsOf(tl))
	if err != nil {
		panic("corrections: embedded corrections.csv is invalid:\n" + err.Error())
	}
	if !tl.Full() {
		// Entries about events of the explainer's own sheet are left out.
		var kept []Entry
		for _, e := range es {
			if _, ok := tl.Lookup(e.Event); e.Event == "" || ok {
				kept = append(kept, e)
			}
		}
		es = kept
	}
	return es
})

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

// Default returns the embedded log, read on first use. It panics if the file
// is invalid, which the package's tests rule out.
func Default() []Entry { return loadDefault() }

// LastChecked is the day of the latest entry: the last time the facts were
// checked and changed.
func LastChecked() string {
	es := Default()
	if len(es) == 0 {
		return ""
	}
	return es[len(es)-1].Date.Long()
}
