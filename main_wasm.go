//go:build wasm

package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/components/mount"
)

// run starts the client app in the browser, once the server's page has
// been painted. It never returns.
func run() {
	mount.WaitForFirstPaint()
	app.RunWhenOnBrowser()
}
