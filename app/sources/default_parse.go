//go:build !wasm

package sources

import (
	_ "embed"
	"strings"
	"sync"
)

//go:embed sources.csv
var sourcesCSV string

var loadDefault = sync.OnceValue(func() *Catalog {
	c, err := Parse("sources.csv", strings.NewReader(sourcesCSV))
	if err != nil {
		panic("sources: embedded sources.csv is invalid:\n" + err.Error())
	}
	return c
})
