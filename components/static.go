package components

import (
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/htmltidy"
)

// static is the piece that build returns, written once as one string of
// HTML that the browser parses in a single call. go-app mounts each element
// with several calls from Go into JavaScript, and a few hundred of them
// were most of the time it took to show a panel. It suits pieces that
// never change (the string is kept under key and build runs once), with
// no event handlers and nothing that takes focus. Clicks in them still
// reach the handlers of live elements around them.
func static(key string, build func() app.UI) app.UI {
	staticHTML.Lock()
	defer staticHTML.Unlock()
	html, ok := staticHTML.byKey[key]
	if !ok {
		html = string(htmltidy.Tidy([]byte(app.HTMLString(build()))))
		staticHTML.byKey[key] = html
	}
	return app.Raw(html)
}

// staticHTML holds static's strings. The server prerenders pages on
// several goroutines at once, hence the lock.
var staticHTML = struct {
	sync.Mutex
	byKey map[string]string
}{byKey: map[string]string{}}

// staticLayer is static for SVG elements inside a live <svg>: HTML parsing
// only makes SVG elements inside an <svg>, so they go in a nested one of
// that class, which adds nothing to the drawing (same coordinates, no
// clipping, no pointer events of its own).
func staticLayer(key, class string, build func() []app.UI) app.UI {
	return static(key, func() app.UI {
		return svg("svg").Class(class).Attr("overflow", "visible").Body(build()...)
	})
}
