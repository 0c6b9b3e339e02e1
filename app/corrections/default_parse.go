//go:build !wasm

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
