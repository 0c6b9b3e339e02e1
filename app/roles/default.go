package roles

import (
	_ "embed"
	"strings"
	"sync"

	"explainer/app/timeline"
)

// Default returns the story's roles from roles.csv as contentgen wrote them
// into content_gen.go. The server, the export and the client all build the
// same model from those literals, so a prerendered page and the app it
// turns into cannot disagree, even when roles.csv was edited and not
// regenerated (TestGeneratedEqualsParsed names that stale file).
func Default() *Roles { return loadDefault() }

var loadDefault = sync.OnceValue(generated)

//go:embed roles.csv
var rolesCSV string

// ParseEmbedded parses the roles.csv embedded in the binary, checked
// against the article's paragraph ids (timeline.ArticleParagraphs). Only
// contentgen and the tests call it: the app reads Default, so the wasm does
// not link the parser.
func ParseEmbedded() (*Roles, error) {
	return Parse("roles.csv", strings.NewReader(rolesCSV), timeline.IsArticleParagraph)
}
