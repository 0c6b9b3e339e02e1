//go:build !wasm

package main

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"
)

// compactHTML removes the line breaks and indentation go-app's prerenderer
// puts around every element. Between inline elements that indentation is
// not neutral: "Armenia</span>\n   , on" reads "Armenia , on". The client
// builds its DOM without it, so removing it makes the first paint match.
// Content text never holds a line break (the story parser joins lines) and
// attribute values are quoted with their line breaks escaped, so every
// "\n" in the output is formatting.
func compactHTML(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] != '\n' {
			out = append(out, b[i])
			continue
		}
		for i+1 < len(b) && b[i+1] == ' ' {
			i++
		}
	}
	// Keep the doctype on its own line, as browsers and people expect.
	return bytes.Replace(out, []byte("<!doctype html>"), []byte("<!doctype html>\n"), 1)
}

// compactPages applies compactHTML to the HTML pages next serves.
func compactPages(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &bufferedResponse{header: http.Header{}}
		next.ServeHTTP(rec, r)
		body := rec.body.Bytes()
		if strings.HasPrefix(rec.header.Get("Content-Type"), "text/html") {
			body = compactHTML(body)
			rec.header.Set("Content-Type", "text/html; charset=utf-8")
		}
		for k, v := range rec.header {
			w.Header()[k] = v
		}
		if rec.status == 0 {
			rec.status = http.StatusOK
		}
		if rec.status != http.StatusNotModified && rec.status != http.StatusNoContent {
			w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		}
		w.WriteHeader(rec.status)
		if r.Method != http.MethodHead {
			w.Write(body)
		}
	})
}

// bufferedResponse holds a response so it can be rewritten before sending.
type bufferedResponse struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (b *bufferedResponse) Header() http.Header { return b.header }

func (b *bufferedResponse) WriteHeader(status int) {
	if b.status == 0 {
		b.status = status
	}
}

func (b *bufferedResponse) Write(p []byte) (int, error) {
	if b.status == 0 {
		b.status = http.StatusOK
	}
	return b.body.Write(p)
}
