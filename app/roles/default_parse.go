//go:build !wasm

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
