// Package page is the hello world's one page. It is a package of its own
// so that the hello's browser main and a server of it (the peer benchmark
// serves it through go-app's handler, which prerenders the route) share
// the component, while the browser build links no server code.
package page

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Path is the page's route.
const Path = "/"

// Hello renders a heading with a count, and a button that increments it:
// the least a go-app click can do, an event handler changing one value and
// one small component rendered again, for the peer benchmark to time.
type Hello struct {
	app.Compo
	count int
}

// New is the route's component factory.
func New() app.Composer { return &Hello{} }

// Render is the whole page.
func (h *Hello) Render() app.UI {
	return app.Main().Body(
		app.H1().Text("Hello, world! "+strconv.Itoa(h.count)),
		app.Button().Type("button").Text("Next").OnClick(h.next),
	)
}

// next counts a click. go-app renders the component again after its
// handler returns.
func (h *Hello) next(app.Context, app.Event) { h.count++ }

// OnMount marks <html data-ready="true">, as the explainer does once it is
// mounted, so that one instrument reads both starts. Only the browser
// mounts: the server's prerendered HTML never carries the mark.
func (h *Hello) OnMount(app.Context) {
	app.Window().Get("document").Get("documentElement").Call("setAttribute", "data-ready", "true")
}
