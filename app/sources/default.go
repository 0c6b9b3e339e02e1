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

// Default returns the reports of the embedded sources.csv, read on first
// use. It panics if that file is invalid, which the package's tests rule out.
func Default() *Catalog { return loadDefault() }
