//go:build !wasm

package story

import (
	_ "embed"
	"sync"
)

//go:embed article.md
var articleFile string

var loadDefault = sync.OnceValue(func() *Article {
	a, err := Parse(FileName, articleFile)
	if err != nil {
		panic(err)
	}
	return a
})
