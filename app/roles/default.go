package roles

import (
	_ "embed"
	"strings"
	"sync"

	"explainer/app/timeline"
)

//go:embed roles.csv
var rolesCSV string

var loadDefault = sync.OnceValue(func() *Roles {
	rs, err := Parse("roles.csv", strings.NewReader(rolesCSV), timeline.IsArticleParagraph)
	if err != nil {
		panic("roles: embedded roles.csv is invalid:\n" + err.Error())
	}
	return rs
})

// Default returns the story's roles, read from the embedded roles.csv on
// first use and checked against the article's paragraph ids
// (timeline.ArticleParagraphs). It panics if that file is invalid, which
// the package's tests rule out.
func Default() *Roles { return loadDefault() }
