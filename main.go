// Command explainer is an interactive explainer of one news article,
// "Armenia Refuses to Attend CSTO Summit in Bishkek" (Times Tengri,
// 26 November 2025): the article beside a membership map of the CSTO and a
// sourced timeline of Armenia's estrangement from it.
//
// The same program is two things. Compiled to WebAssembly it is the client
// app that runs in the reader's browser (main_wasm.go). Compiled for the
// machine it is the server and the static-site exporter (main_server.go):
//
//	explainer serve  [-addr 127.0.0.1:8000] [-web web]
//	explainer export -out DIR [-prefix /sub/path] [-web web]
//	explainer check
package main

import "explainer/components"

func main() {
	components.Routes()
	run()
}
