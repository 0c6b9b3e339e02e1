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
	isEvent := func(id string) bool { _, ok := tl.Lookup(id); return ok }
	if !tl.Full() {
		// A plain TimelineJS sheet has no ids to cite, so the log
		// cannot be checked against it, and its entries about events of
		// the explainer's own sheet are left out.
		isEvent = nil
	}
	es, err := Parse("corrections.csv", strings.NewReader(correctionsCSV), isEvent)
	if err != nil {
		panic("corrections: embedded corrections.csv is invalid:\n" + err.Error())
	}
	if !tl.Full() {
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
