// Command hello is go-app's smallest app: one route, one component that
// renders a heading counting the clicks on a Next button (package page),
// so that there is one click to time. The budget tool builds it to wasm the
// way the Makefile builds the explainer (-trimpath -ldflags="-s -w") to
// tell what go-app itself costs from what the explainer adds on top, and
// the peer benchmark also serves it, as the floor of what a go-app page
// costs to start and to click.
//
// Like the explainer's browser main, it has no server code: on the machine,
// RunWhenOnBrowser returns at once and the program exits. Whoever serves
// it registers page.New at page.Path itself.
package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/tools/hello/page"
)

func main() {
	app.Route(page.Path, page.New)
	app.RunWhenOnBrowser()
}
