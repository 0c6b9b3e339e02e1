//go:build wasm

package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// run starts the client app in the browser. It never returns.
func run() {
	app.RunWhenOnBrowser()
}
