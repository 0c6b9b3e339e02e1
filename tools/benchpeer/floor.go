package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/server"
	"explainer/tools/hello/page"
)

// floorPackage is go-app's smallest app: one route, one component that
// renders a heading counting the clicks on a Next button. Built and served
// as the explainer is, it is the floor under the explainer's figures: what
// the Go runtime and go-app cost by themselves, to start and to click.
const floorPackage = "./tools/hello"

// floorIcons are the explainer's icons, which the floor's page links in
// place of go-app's default ones: those are on another site, and no
// request may leave a page's origin.
var floorIcons = []string{"icon-192.png", "icon-512.png", "icon.svg"}

// buildFloor builds the hello world to wasm in dir, with the flags the
// Makefile builds the explainer's wasm with (WASMFLAGS), and returns it.
func buildFloor(dir string) ([]byte, error) {
	out := filepath.Join(dir, "hello.wasm")
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", out, floorPackage)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if msg, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("building %s: %v\n%s", floorPackage, err, msg)
	}
	return os.ReadFile(out)
}

// floorHandler serves the hello world through go-app's own handler, with
// go-app's own page, wasm_exec.js, app.css and service worker, and its
// app.js with the explainer's loader (server.PatchedAppJS: the wasm
// compiled as it streams in, the start in three tasks, the service worker
// after the start), as under the explainer: the floor is the least the
// explainer's way of starting costs. It is compressed as the explainer's
// server compresses: the wasm and the icons as static files (see
// staticHandler), the rest gzipped as pages are (see gzipped). The icons
// are read from web.
func floorHandler(wasm []byte, web string) (http.Handler, error) {
	files := map[string][]byte{"/web/app.wasm": wasm}
	for _, name := range floorIcons {
		b, err := os.ReadFile(filepath.Join(web, name))
		if err != nil {
			return nil, fmt.Errorf("an icon for the go-app floor: %w", err)
		}
		files["/web/"+name] = b
	}
	sum := sha256.Sum256(wasm)
	app.Route(page.Path, page.New)
	goapp := &app.Handler{
		Name:  "Hello",
		Title: "Hello",
		Icon: app.Icon{
			Default: "/web/icon-192.png",
			Large:   "/web/icon-512.png",
			SVG:     "/web/icon.svg",
		},
		Resources: floorResources{ResourceResolver: app.LocalDir(""), static: staticHandler(files)},
		// Set, as a deployment sets them: a version that changes with the
		// wasm, and the wasm's size for the loader's progress, which the
		// compressed response's Content-Length does not tell.
		Version:           hex.EncodeToString(sum[:8]),
		WasmContentLength: strconv.Itoa(len(wasm)),
	}
	mux := http.NewServeMux()
	mux.Handle("/", gzipped(goapp))
	mux.Handle("/app.js", server.PatchedAppJS(goapp))
	return mux, nil
}

// floorResources resolves paths as go-app's default (LocalDir("")) does,
// and serves the /web/ files, which go-app's handler passes to a resolver
// that is a handler, from memory, compressed, rather than from the
// working directory as they are.
type floorResources struct {
	app.ResourceResolver
	static http.Handler
}

func (f floorResources) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.static.ServeHTTP(w, r)
}

// gzipped passes h's responses on, gzipped as the explainer's server
// gzips (server.GzipForm) for a client that takes gzip.
func gzipped(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		body := rec.Body.Bytes()
		header := w.Header()
		for k, v := range rec.Header() {
			header[k] = v
		}
		if rec.Code == http.StatusOK {
			if gz := server.GzipForm(header, body); gz != nil {
				header.Add("Vary", "Accept-Encoding")
				if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
					body = gz
					header.Set("Content-Encoding", "gzip")
					header.Set("Content-Length", strconv.Itoa(len(body)))
				}
			}
		}
		w.WriteHeader(rec.Code)
		w.Write(body)
	})
}
