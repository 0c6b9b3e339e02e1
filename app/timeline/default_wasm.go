//go:build wasm

package timeline

import "sync"

// The client builds its model from the literals contentgen wrote: parsing
// the content file in the browser made the start's longest tasks, and
// linked the parser's code for V8 to compile on its first call.
var loadDefault = sync.OnceValue(generated)
