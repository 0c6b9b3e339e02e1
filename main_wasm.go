//go:build wasm

package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/content"
	"explainer/components/mount"
)

// run starts the client app in the browser, once the server's page has
// been painted. It never returns. The content is built first, from the Go
// literals contentgen wrote, each part in a browser task of its own: even
// without parsing, building and compiling it inside the first render would
// lengthen the start's longest task.
func run() {
	mount.WaitForFirstPaint()
	for _, step := range content.LoadSteps() {
		step()
		mount.Yield()
	}
	app.RunWhenOnBrowser()
}
