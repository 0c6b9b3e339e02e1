//go:build !wasm

package membership

import (
	_ "embed"
	"strings"
	"sync"

	"explainer/app/sources"
)

//go:embed transitions.csv
var transitionsCSV string

var loadDefault = sync.OnceValue(func() *History {
	h, err := ParseTransitions("transitions.csv", strings.NewReader(transitionsCSV), sources.Default().Lookup)
	if err != nil {
		panic("membership: embedded transitions.csv is invalid:\n" + err.Error())
	}
	return h
})
