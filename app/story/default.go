package story

import (
	_ "embed"
	"sync"
)

// Default returns the article of article.md as contentgen wrote it into
// content_gen.go. The server, the export and the client all build the same
// model from those literals, so a prerendered page and the app it turns
// into cannot disagree, even when article.md was edited and not
// regenerated (TestGeneratedEqualsParsed names that stale file).
func Default() *Article { return loadDefault() }

var loadDefault = sync.OnceValue(generated)

//go:embed article.md
var articleFile string

// ParseEmbedded parses the article.md embedded in the binary. Only
// contentgen and the tests call it: the app reads Default, so the wasm does
// not link the parser.
func ParseEmbedded() (*Article, error) {
	return Parse(FileName, articleFile)
}
