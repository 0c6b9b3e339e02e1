// Command hello is go-app's smallest app: one route, one component that
// renders a heading. It is never served; the budget tool builds it to wasm
// the way the Makefile builds the explainer (-trimpath -ldflags="-s -w") to
// tell what go-app itself costs from what the explainer adds on top.
//
// Like the explainer's browser main, it has no server code: on the machine,
// RunWhenOnBrowser returns at once and the program exits.
package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

type hello struct{ app.Compo }

func (h *hello) Render() app.UI { return app.H1().Text("Hello, world!") }

func main() {
	app.Route("/", func() app.Composer { return &hello{} })
	app.RunWhenOnBrowser()
}
