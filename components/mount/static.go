package mount

import (
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Static is the piece that build returns, written once as one string of
// HTML that the browser parses in a single call. go-app mounts each element
// with several calls from Go into JavaScript, and a few hundred of them
// were most of the time it took to show a panel. It suits pieces that
// never change (the string is kept under key and build runs once), with
// no event handlers and nothing that takes focus. Clicks in them still
// reach the handlers of live elements around them.
func Static(key string, build func() app.UI) app.UI {
	staticHTML.Lock()
	defer staticHTML.Unlock()
	html, ok := staticHTML.byKey[key]
	if !ok {
		html = app.HTMLString(build())
		staticHTML.byKey[key] = html
	}
	return app.Raw(html)
}

// staticHTML holds Static's strings. The server prerenders pages on
// several goroutines at once, hence the lock.
var staticHTML = struct {
	sync.Mutex
	byKey map[string]string
}{byKey: map[string]string{}}
