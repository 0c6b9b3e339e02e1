//go:build !wasm

package main

import (
	"bytes"
	"net/http"
)

// go-app's app.js reports a failed service worker registration with
// console.error. In an embed on another site, browsers that block
// third-party storage refuse the registration, and the explainer works on
// without offline support: that is expected, not an error, so it is logged
// as a warning instead. TestAppJSPatch fails if go-app's wording changes.
var (
	swFailure      = []byte(`console.error("goapp service worker registration failed: ", err);`)
	swFailureQuiet = []byte(`console.warn("service worker not available here (the explainer works without offline support):", err);`)
)

// patchAppJS applies the change above to go-app's app.js.
func patchAppJS(js []byte) []byte {
	return bytes.Replace(js, swFailure, swFailureQuiet, 1)
}

// patchedAppJS serves go-app's /app.js with patchAppJS applied, gzipped
// for clients that accept it. That is done on each request, a fraction of
// a millisecond for its 9 KB: a browser fetches it once and then only
// revalidates it, which go-app answers with a 304 that has nothing to gzip.
func patchedAppJS(goapp http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &bufferedResponse{header: http.Header{}}
		goapp.ServeHTTP(rec, r)
		body := rec.body.Bytes()
		if rec.status == 0 || rec.status == http.StatusOK {
			body = patchAppJS(body)
		}
		rec.send(w, r, encodeBody(rec.header, body))
	})
}
