package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

// The floor's page, scripts and wasm are go-app's own, served compressed
// as the explainer's are, and nothing on the page names another site.
func TestFloorHandlerServesGoAppsFilesCompressed(t *testing.T) {
	web := t.TempDir()
	for _, name := range floorIcons {
		if err := os.WriteFile(filepath.Join(web, name), []byte("icon "+name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	wasm := bytes.Repeat([]byte("\x00asm wasm bytes "), 4096)
	h, err := floorHandler(wasm, web)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	get := func(path, accept string) (*http.Response, []byte) {
		t.Helper()
		res, b := getAccepting(t, srv.URL+path, accept)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("%s: HTTP %d", path, res.StatusCode)
		}
		return res, b
	}
	gunzip := func(path string) string {
		t.Helper()
		res, b := get(path, "gzip, deflate, br")
		if res.Header.Get("Content-Encoding") != "gzip" {
			t.Fatalf("%s is not gzipped: %v", path, res.Header)
		}
		z, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		plain, _ := io.ReadAll(z)
		return string(plain)
	}

	page := gunzip("/")
	for _, want := range []string{"<h1>Hello, world! 0</h1>", `<button type="button">Next</button>`, `src="/wasm_exec.js"`, `src="/app.js"`, `href="/web/icon.svg"`} {
		if !strings.Contains(page, want) {
			t.Errorf("the page has no %s:\n%s", want, page)
		}
	}
	if strings.Contains(page, "data-ready") {
		t.Error("the prerendered page is marked ready")
	}
	if off := regexp.MustCompile(`(src|href)="https?://[^"]*"`).FindAllString(page, -1); len(off) > 0 {
		t.Errorf("the page loads from other sites: %v", off)
	}
	// go-app's app.js with the explainer's loader, as the explainer's
	// server serves it: the wasm streamed to the compiler, not read
	// through fetchWithProgress.
	if js := gunzip("/app.js"); !strings.Contains(js, `new URL("/web/app.wasm", location.href)`) ||
		strings.Contains(js, `fetchWithProgress("/web/app.wasm"`) || !strings.Contains(js, "goappInitServiceWorker()") {
		t.Error("app.js is not go-app's with the explainer's loader, fetching /web/app.wasm")
	}
	if js := gunzip("/wasm_exec.js"); !strings.Contains(js, "globalThis.Go") {
		t.Error("wasm_exec.js is not Go's")
	}

	res, b := get("/web/app.wasm", "gzip, deflate, br")
	if res.Header.Get("Content-Encoding") != "br" || res.Header.Get("Content-Type") != "application/wasm" {
		t.Fatalf("app.wasm: %v", res.Header)
	}
	if plain, _ := io.ReadAll(brotli.NewReader(bytes.NewReader(b))); !bytes.Equal(plain, wasm) {
		t.Errorf("app.wasm: %d brotli bytes decode to %d, want %d", len(b), len(plain), len(wasm))
	}
	if res, b := get("/web/app.wasm", "gzip"); res.Header.Get("Content-Encoding") != "gzip" || len(b) >= len(wasm) {
		t.Errorf("app.wasm without brotli: %v, %d bytes", res.Header, len(b))
	}
	res, b = get("/web/app.wasm", "")
	if res.Header.Get("Content-Encoding") != "" || !bytes.Equal(b, wasm) {
		t.Errorf("app.wasm to a client taking no compression: %v", res.Header)
	}
}

func TestGzippedLeavesSmallAndBinaryBodies(t *testing.T) {
	bodies := map[string]struct{ typ, body string }{
		"/small": {"text/html", "<p>short"},
		"/png":   {"image/png", strings.Repeat("x", 4096)},
		"/css":   {"text/css", strings.Repeat("p { margin: 0 }\n", 256)},
	}
	h := gzipped(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b := bodies[r.URL.Path]
		w.Header().Set("Content-Type", b.typ)
		w.Write([]byte(b.body))
	}))
	for path, want := range map[string]string{"/small": "", "/png": "", "/css": "gzip"} {
		req := httptest.NewRequest("GET", path, nil)
		req.Header.Set("Accept-Encoding", "gzip")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if got := rec.Header().Get("Content-Encoding"); got != want {
			t.Errorf("%s: Content-Encoding %q, want %q", path, got, want)
		}
		if want == "" && rec.Body.String() != bodies[path].body {
			t.Errorf("%s: the body changed", path)
		}
	}
}

// The floor is go-app's smallest app only if its browser build links none
// of the server that serves it here: the page is a package of its own, and
// this notices an import that breaks the boundary.
func TestFloorWasmLinksNoServerCode(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", "explainer/tools/hello")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list -deps for js/wasm: %v", err)
	}
	deps := strings.Fields(string(out))
	if !slices.Contains(deps, "github.com/maxence-charriere/go-app/v10/pkg/app") {
		t.Fatalf("the hello world links no go-app: %v", deps)
	}
	for _, dep := range deps {
		if dep == "net/http" || dep == "explainer/tools/benchpeer" || strings.HasPrefix(dep, "github.com/andybalholm/brotli") {
			t.Errorf("the hello world's wasm links %s", dep)
		}
	}
}
