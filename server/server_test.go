package server

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"explainer/components"
)

var routesOnce sync.Once

// testSite builds a server over a fake web folder: the handler code is the
// real one, the wasm is a few known bytes.
func testSite(t testing.TB) (http.Handler, string) {
	t.Helper()
	routesOnce.Do(components.Routes)
	dir := t.TempDir()
	files := map[string]string{
		"app.wasm":      "raw-wasm",
		"app.wasm.br":   "brotli-wasm",
		"app.wasm.gz":   "gzip-wasm",
		"explainer.css": "body{}",
		"sub/inner.txt": "inner",
	}
	for name, body := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		// One time for all, so no compressed copy looks older than its original.
		os.Chtimes(p, time.Unix(1700000000, 0), time.Unix(1700000000, 0))
	}
	a, err := loadAssets(dir)
	if err != nil {
		t.Fatal(err)
	}
	return newServer(a, site{}, frameAnyone), dir
}

func get(t *testing.T, h http.Handler, path string, header ...string) *http.Response {
	t.Helper()
	return do(t, h, http.MethodGet, path, header...)
}

// do sends a request with the given header names and values; the response
// body is the bytes as sent, not decoded.
func do(t *testing.T, h http.Handler, method, path string, header ...string) *http.Response {
	t.Helper()
	r := httptest.NewRequest(method, path, nil)
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w.Result()
}

func body(t *testing.T, res *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestWasmEncodingByAcceptEncoding(t *testing.T) {
	h, _ := testSite(t)
	tests := []struct {
		accept, encoding, body string
	}{
		{"br, gzip", "br", "brotli-wasm"},
		{"gzip, deflate, br;q=0", "gzip", "gzip-wasm"},
		{"gzip", "gzip", "gzip-wasm"},
		{"BR", "br", "brotli-wasm"},
		{"", "", "raw-wasm"},
		{"identity", "", "raw-wasm"},
		{"br;q=0, gzip;q=0", "", "raw-wasm"},
	}
	for _, tt := range tests {
		res := get(t, h, "/web/app.wasm", "Accept-Encoding", tt.accept)
		if res.StatusCode != 200 || res.Header.Get("Content-Encoding") != tt.encoding || body(t, res) != tt.body {
			t.Errorf("Accept-Encoding %q: status %d, encoding %q", tt.accept, res.StatusCode, res.Header.Get("Content-Encoding"))
		}
		if ct := res.Header.Get("Content-Type"); ct != "application/wasm" {
			t.Errorf("Accept-Encoding %q: Content-Type %q", tt.accept, ct)
		}
		if !strings.Contains(res.Header.Get("Vary"), "Accept-Encoding") {
			t.Errorf("Accept-Encoding %q: no Vary header", tt.accept)
		}
		// An embed sandboxed without allow-same-origin fetches it cross-origin.
		if o := res.Header.Get("Access-Control-Allow-Origin"); o != "*" {
			t.Errorf("Accept-Encoding %q: Access-Control-Allow-Origin %q, want *", tt.accept, o)
		}
	}
}

// After an edit of the original, a compressed copy from the last build is
// stale: the original is sent.
func TestStaleCompressedCopyIsNotSent(t *testing.T) {
	h, dir := testSite(t)
	os.Chtimes(filepath.Join(dir, "app.wasm"), time.Now(), time.Now())
	res := get(t, h, "/web/app.wasm", "Accept-Encoding", "br, gzip")
	if res.Header.Get("Content-Encoding") != "" || body(t, res) != "raw-wasm" {
		t.Errorf("a stale copy was sent with encoding %q", res.Header.Get("Content-Encoding"))
	}
}

func TestStaticFilesStayInTheWebFolder(t *testing.T) {
	h, _ := testSite(t)
	for _, path := range []string{
		"/web/%2e%2e/go.mod", "/web/../go.mod", "/web/..%2fmain.go", "/web/", "/web/sub/",
		"/web/sub", "/web/missing.css", "/web/%00", "/web/sub/../../server.go",
	} {
		if res := get(t, h, path); res.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404", path, res.StatusCode)
		}
	}
	if res := get(t, h, "/web/sub/inner.txt"); res.StatusCode != 200 || body(t, res) != "inner" {
		t.Errorf("a file in a sub-folder should be served, got %d", res.StatusCode)
	}
}

func TestSecurityHeadersOnEveryResponse(t *testing.T) {
	h, _ := testSite(t)
	for _, path := range []string{"/", "/web/explainer.css", "/app.js", "/nope", "/web/nope"} {
		res := get(t, h, path)
		csp := res.Header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'self' 'wasm-unsafe-eval'") || strings.Contains(csp, "unsafe-inline") {
			t.Errorf("GET %s: CSP %q", path, csp)
		}
		if res.Header.Get("X-Content-Type-Options") != "nosniff" || res.Header.Get("Referrer-Policy") == "" {
			t.Errorf("GET %s: headers %v", path, res.Header)
		}
	}
}

func TestOnlyReadMethods(t *testing.T) {
	h, _ := testSite(t)
	for _, m := range []string{http.MethodPost, http.MethodPut, http.MethodDelete, "PROPFIND"} {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(m, "/", strings.NewReader("x")))
		if w.Code != http.StatusMethodNotAllowed {
			t.Errorf("%s /: status %d", m, w.Code)
		}
	}
}

func TestPrerenderedPage(t *testing.T) {
	h, _ := testSite(t)
	res := get(t, h, "/")
	html := body(t, res)
	if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("GET /: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	for _, want := range []string{
		`<h1 id="headline">Armenia Refuses to Attend CSTO Summit in Bishkek</h1>`,
		`id="p-summit"`, `id="p-conclusion"`,
		`>Kyrgyzstan</a>, on <a`, // no stray space from indentation
		"Whether the region&#39;s future security architecture",
		`rel="manifest"`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	for _, junk := range []string{"data-ready", "top of page", "bottom of page", ">Comments<", "raw.githubusercontent.com"} {
		if strings.Contains(html, junk) {
			t.Errorf("page holds %q", junk)
		}
	}
	if n := res.Header.Get("Content-Length"); n != "" && n != strconv.Itoa(len(html)) {
		t.Errorf("Content-Length %s for %d bytes", n, len(html))
	}
}

// The panels of the page may wait for the reader (appJSStartWhenNeeded);
// an embed's panels are what its frame shows, so nothing there waits.
func TestWhatMayStartTheAppLater(t *testing.T) {
	h, _ := testSite(t)
	for path, want := range map[string]int{"/": 1, "/embed?view=all": 0, "/embed?view=map": 0} {
		if n := strings.Count(body(t, get(t, h, path)), `data-app-start="near"`); n != want {
			t.Errorf("%s has %d elements marked data-app-start=\"near\", want %d", path, n, want)
		}
	}
}

// go-app's loader shows an icon; the explainer's loader is a thin bar that
// hides it, so the icon must be lazy, or it is 8 KB downloaded for nothing.
func TestLoaderIconIsLazy(t *testing.T) {
	h, _ := testSite(t)
	img := regexp.MustCompile(`<img [^>]*id="app-wasm-loader-icon"[^>]*>`).FindString(body(t, get(t, h, "/")))
	if img == "" || !strings.Contains(img, ` loading="lazy"`) {
		t.Errorf("the served page's loader icon is %q, want it loading=\"lazy\"", img)
	}
}

func TestPrefixResolver(t *testing.T) {
	tests := []struct {
		prefix, in, want string
	}{
		{"", "/", "/"},
		{"", "/web/app.wasm", "/web/app.wasm"},
		{"", "/app.js", "/app.js"},
		{"/csto", "/", "/csto/"},
		{"/csto", "/web/app.wasm", "/csto/web/app.wasm"},
		{"/csto", "/manifest.webmanifest", "/csto/manifest.webmanifest"},
		{"/csto", "https://example.com/x.png", "https://example.com/x.png"},
		{"/csto", "#article", "#article"},
		{"", "?event=bishkek-summit", "?event=bishkek-summit"},
		{"/csto", "web/icon.svg", "/csto/web/icon.svg"},
	}
	for _, tt := range tests {
		if got := prefixResolver(tt.prefix).Resolve(tt.in); got != tt.want {
			t.Errorf("prefix %q Resolve(%q) = %q, want %q", tt.prefix, tt.in, got, tt.want)
		}
	}
}

func TestVersionFollowsContent(t *testing.T) {
	_, dir := testSite(t)
	a1, _ := loadAssets(dir)
	os.WriteFile(filepath.Join(dir, "app.wasm.br"), []byte("other"), 0o644)
	a2, _ := loadAssets(dir)
	if a1.version != a2.version {
		t.Errorf("a new compressed copy alone changed the version")
	}
	os.WriteFile(filepath.Join(dir, "explainer.css"), []byte("body{color:red}"), 0o644)
	a3, _ := loadAssets(dir)
	if a3.version == a1.version {
		t.Errorf("changing a file did not change the version")
	}
	if a1.wasmSize != int64(len("raw-wasm")) {
		t.Errorf("wasm size %d", a1.wasmSize)
	}
	if _, err := loadAssets(t.TempDir()); err == nil || !strings.Contains(err.Error(), "make build") {
		t.Errorf("a folder with no app.wasm should say to build it, got %v", err)
	}
}

// Shutdown must let a request in flight finish.
func TestGracefulShutdown(t *testing.T) {
	started := make(chan struct{})
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		time.Sleep(300 * time.Millisecond)
		io.WriteString(w, "finished")
	})
	ctx, cancel := context.WithCancel(context.Background())
	var out bytes.Buffer
	addrc := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- serve(ctx, "127.0.0.1:0", slow, &lineWriter{w: &out, first: addrc}) }()
	addr := <-addrc
	got := make(chan string, 1)
	go func() {
		res, err := http.Get(addr)
		if err != nil {
			got <- err.Error()
			return
		}
		b, _ := io.ReadAll(res.Body)
		got <- string(b)
	}()
	<-started
	cancel()
	if b := <-got; b != "finished" {
		t.Errorf("in-flight request got %q", b)
	}
	if err := <-done; err != nil {
		t.Errorf("serve returned %v", err)
	}
}

// lineWriter passes the URL from serve's first line to first.
type lineWriter struct {
	w     io.Writer
	first chan string
	once  sync.Once
}

func (l *lineWriter) Write(p []byte) (int, error) {
	l.once.Do(func() {
		s := string(p)
		l.first <- strings.TrimSpace(s[strings.Index(s, "http://"):])
	})
	return l.w.Write(p)
}

func TestManifest(t *testing.T) {
	h, _ := testSite(t)
	res := get(t, h, "/manifest.webmanifest")
	if ct := res.Header.Get("Content-Type"); ct != "application/manifest+json" {
		t.Errorf("Content-Type %q", ct)
	}
	var m struct {
		Name, ShortName string
		StartURL        string `json:"start_url"`
		Icons           []struct{ Src, Sizes, Type, Purpose string }
		Screenshots     []struct {
			Src        string
			FormFactor string `json:"form_factor"`
		}
	}
	if err := json.Unmarshal([]byte(body(t, res)), &m); err != nil {
		t.Fatal(err)
	}
	purposes := map[string]bool{}
	for _, i := range m.Icons {
		purposes[i.Sizes+" "+i.Purpose] = true
	}
	for _, want := range []string{"192x192 any", "512x512 any", "512x512 maskable", "any any"} {
		if !purposes[want] {
			t.Errorf("manifest lacks a %s icon: %+v", want, m.Icons)
		}
	}
	if len(m.Screenshots) != 2 || m.Name == "" || m.StartURL != "/" {
		t.Errorf("manifest %+v", m)
	}
	for _, s := range m.Screenshots {
		if _, err := os.Stat(filepath.Join("..", "web", strings.TrimPrefix(s.Src, "/web/"))); err != nil {
			t.Errorf("screenshot %s is not in web/: %v", s.Src, err)
		}
	}
	if !strings.Contains(string(webManifest("/csto")), `"scope": "/csto/"`) {
		t.Error("a prefixed manifest should scope the app to its sub-path")
	}
}

func TestAppJSPatch(t *testing.T) {
	h, _ := testSite(t)
	js := body(t, get(t, h, "/app.js"))
	for _, p := range appJSPatches {
		if strings.Contains(js, string(p.from)) || strings.Count(js, string(p.to)) != 1 {
			t.Errorf("go-app's app.js changed: the patch of %q no longer applies once", p.from)
		}
	}
	if strings.Count(js, string(appJSStartWhenNeeded)) != 1 {
		t.Error("/app.js should end with the explainer's start-when-needed functions, once")
	}
	if !strings.Contains(js, "goappInitWebAssembly") {
		t.Error("/app.js is not go-app's script")
	}
}
