package e2e

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
)

// These tests speak plain HTTP to the server the harness started: what
// any client, crawler or CDN sees, with no browser.

// httpGet fetches a path of the test server with the given request headers.
// It never asks for compression by itself, so the body is what was sent.
func httpGet(t *testing.T, path string, header map[string]string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, baseURL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{DisableCompression: true}}
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, body
}

// rawGet sends "GET target" to the test server byte for byte, with no
// client in between to clean or re-encode the path, and reads the answer.
func rawGet(t *testing.T, target string) (int, []byte) {
	t.Helper()
	u, _ := url.Parse(baseURL)
	conn, err := net.DialTimeout("tcp", u.Host, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, u.Host)
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res.StatusCode, body
}

func TestPrerenderedHTMLHasNoReadyMarker(t *testing.T) {
	for _, path := range []string{"/", "/event/armenia-freezes/?country=ARM"} {
		res, page := httpGet(t, path, nil)
		if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
			t.Errorf("GET %s: %d %s", path, res.StatusCode, res.Header.Get("Content-Type"))
		}
		if bytes.Contains(page, []byte("data-ready")) {
			t.Errorf("GET %s: the server's HTML carries data-ready", path)
		}
		if !bytes.Contains(page, []byte(headline)) {
			t.Errorf("GET %s: the server's HTML lacks the headline", path)
		}
		h := res.Header
		csp := h.Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'self' 'wasm-unsafe-eval'") {
			t.Errorf("GET %s: Content-Security-Policy %q lacks script-src 'self' 'wasm-unsafe-eval'", path, csp)
		}
		if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "'unsafe-eval'") {
			t.Errorf("GET %s: Content-Security-Policy %q allows inline script or eval", path, csp)
		}
		if v := h.Get("X-Content-Type-Options"); v != "nosniff" {
			t.Errorf("GET %s: X-Content-Type-Options %q, want nosniff", path, v)
		}
		if v := h.Get("Referrer-Policy"); v == "" || v == "unsafe-url" || v == "no-referrer-when-downgrade" {
			t.Errorf("GET %s: Referrer-Policy %q", path, v)
		}
	}
}

func TestWasmServedPrecompressed(t *testing.T) {
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(repoRoot, "web", name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	raw, br, gz := read("app.wasm"), read("app.wasm.br"), read("app.wasm.gz")
	// The copies must be of this build: a stale .br sends browsers an old client.
	for name, r := range map[string]func() (io.Reader, error){
		"app.wasm.br": func() (io.Reader, error) { return brotli.NewReader(bytes.NewReader(br)), nil },
		"app.wasm.gz": func() (io.Reader, error) { return gzip.NewReader(bytes.NewReader(gz)) },
	} {
		dec, err := r()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if b, err := io.ReadAll(dec); err != nil || !bytes.Equal(b, raw) {
			t.Errorf("web/%s does not hold web/app.wasm (%v): run make build", name, err)
		}
	}
	for _, tt := range []struct {
		accept, encoding string
		want             []byte
		file             string
	}{
		{"br", "br", br, "app.wasm.br"},
		{"gzip", "gzip", gz, "app.wasm.gz"},
		{"gzip, deflate, br, zstd", "br", br, "app.wasm.br"}, // what Chromium sends
		{"br;q=0, gzip", "gzip", gz, "app.wasm.gz"},
		{"", "", raw, "app.wasm"},
		{"identity", "", raw, "app.wasm"},
	} {
		t.Run("Accept-Encoding="+tt.accept, func(t *testing.T) {
			header := map[string]string{}
			if tt.accept != "" {
				header["Accept-Encoding"] = tt.accept
			}
			res, body := httpGet(t, "/web/app.wasm", header)
			h := res.Header
			if res.StatusCode != http.StatusOK {
				t.Fatalf("status %d", res.StatusCode)
			}
			if got := h.Get("Content-Encoding"); got != tt.encoding {
				t.Errorf("Content-Encoding %q, want %q", got, tt.encoding)
			}
			if got := h.Get("Content-Type"); got != "application/wasm" {
				t.Errorf("Content-Type %q, want application/wasm", got)
			}
			if !bytes.Equal(body, tt.want) {
				t.Errorf("the body (%d bytes) is not %s (%d bytes)", len(body), tt.file, len(tt.want))
			}
			// net/http sends no Content-Length with a Content-Encoding.
			if tt.encoding == "" && res.ContentLength != int64(len(tt.want)) {
				t.Errorf("Content-Length %d, want %d", res.ContentLength, len(tt.want))
			}
			if !strings.Contains(strings.Join(h.Values("Vary"), ","), "Accept-Encoding") {
				t.Errorf("no Vary: Accept-Encoding, so a shared cache could serve brotli to a client that cannot read it")
			}
		})
	}
}

// /web/ serves the web folder and nothing else: not the checkout's source
// through "..", not a listing of the folder.
func TestWebFolderServesOnlyItsFiles(t *testing.T) {
	if status, _ := rawGet(t, "/web/icon.svg"); status != http.StatusOK {
		t.Fatalf("GET /web/icon.svg: %d; the check below would prove nothing", status)
	}
	for _, target := range []string{
		"/web/%2e%2e/go.mod", "/web/../go.mod", "/web/..%2fgo.mod", "/web/%2e%2e%2fgo.mod", "/web/.%2e/main.go",
		"/web/%2E%2E/go.mod", "/web/..%5cgo.mod", "/web/", "/web/screenshots/", "/web/screenshots",
		"/go.mod", "/main.go", "/app-worker.js/../go.mod",
	} {
		status, body := rawGet(t, target)
		if status != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", target, status)
		}
		for _, leak := range []string{"module explainer", "package main", "<a href="} {
			if bytes.Contains(body, []byte(leak)) {
				t.Errorf("GET %s: the answer holds %q", target, leak)
			}
		}
	}
}
