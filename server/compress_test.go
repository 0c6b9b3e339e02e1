package server

import (
	"bytes"
	"compress/gzip"
	"crypto/rand"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
)

// gunzip decodes a gzip body, failing the test if it is not one.
func gunzip(t *testing.T, b []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("not gzip: %v", err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("bad gzip: %v", err)
	}
	return out
}

func varies(h http.Header) bool {
	return strings.Contains(strings.Join(h.Values("Vary"), ","), "Accept-Encoding")
}

// The text the server makes (pages, go-app's scripts and styles, the
// manifest) is gzipped for clients that accept gzip, and is the same text
// once decoded; others get it as it is. Both carry Vary, and HEAD gets the
// headers of the GET.
func TestTextResponsesGzippedByAcceptEncoding(t *testing.T) {
	h, _ := testSite(t)
	tests := []struct {
		accept string
		gzip   bool
	}{
		{"gzip", true},
		{"gzip, deflate, br, zstd", true}, // what Chromium sends
		{"GZIP;q=0.5", true},
		{"br;q=1, gzip;q=0.1", true},
		{"", false},
		{"identity", false},
		{"br, deflate", false},
		{"gzip;q=0", false},
		{"br, gzip;q=0.0", false},
	}
	for _, path := range []string{"/", "/event/armenia-freezes/?country=ARM", "/embed?view=map",
		"/app.js", "/wasm_exec.js", "/app.css", "/app-worker.js", "/manifest.webmanifest", "/manifest.json"} {
		plain := []byte(body(t, get(t, h, path)))
		if len(plain) < minGzipSize {
			t.Fatalf("GET %s: %d bytes, too few to be gzipped: the test proves nothing", path, len(plain))
		}
		for _, tt := range tests {
			where := path + " (Accept-Encoding " + strconv.Quote(tt.accept) + ")"
			res := get(t, h, path, "Accept-Encoding", tt.accept)
			sent := []byte(body(t, res))
			enc := res.Header.Get("Content-Encoding")
			if res.StatusCode != http.StatusOK {
				t.Errorf("%s: status %d", where, res.StatusCode)
			}
			if want := map[bool]string{true: "gzip"}[tt.gzip]; enc != want {
				t.Errorf("%s: Content-Encoding %q, want %q", where, enc, want)
			}
			if n := res.Header.Get("Content-Length"); n != strconv.Itoa(len(sent)) {
				t.Errorf("%s: Content-Length %s for %d bytes sent", where, n, len(sent))
			}
			if !varies(res.Header) {
				t.Errorf("%s: no Vary: Accept-Encoding", where)
			}
			got := sent
			if enc == "gzip" {
				got = gunzip(t, sent)
				if len(sent) >= len(plain)/2 {
					t.Errorf("%s: %d bytes gzipped from %d", where, len(sent), len(plain))
				}
			}
			if !bytes.Equal(got, plain) {
				t.Errorf("%s: the body differs from the one sent without Accept-Encoding", where)
			}

			head := do(t, h, http.MethodHead, path, "Accept-Encoding", tt.accept)
			if b := body(t, head); b != "" || head.StatusCode != http.StatusOK {
				t.Errorf("HEAD %s: status %d, %d body bytes", where, head.StatusCode, len(b))
			}
			for _, name := range []string{"Content-Encoding", "Content-Length", "Content-Type", "Vary"} {
				if head.Header.Get(name) != res.Header.Get(name) {
					t.Errorf("HEAD %s: %s %q, the GET has %q", where, name, head.Header.Get(name), res.Header.Get(name))
				}
			}
		}
	}
}

// What is not gzipped stays as it was: ranges get the whole body, a 304
// has no body (but the Vary of its 200), errors are sent as they are.
func TestGzipKeepsRangesRevalidationAndErrors(t *testing.T) {
	h, _ := testSite(t)
	etag := get(t, h, "/app.js").Header.Get("ETag")
	if etag == "" {
		t.Fatal("go-app sent no ETag: the 304 case proves nothing")
	}
	tests := []struct {
		name, path string
		header     []string
		status     int
		gzip, vary bool
	}{
		{"a range of a page", "/", []string{"Range", "bytes=0-99"}, http.StatusOK, true, true},
		{"a range of a script", "/app.js", []string{"Range", "bytes=10-"}, http.StatusOK, true, true},
		{"revalidating a script", "/app.js", []string{"If-None-Match", etag}, http.StatusNotModified, false, true},
		{"revalidating an uncached page", "/?a=304", []string{"If-None-Match", etag}, http.StatusNotModified, false, true},
		{"a missing page", "/nope", nil, http.StatusNotFound, false, false},
	}
	for _, tt := range tests {
		res := get(t, h, tt.path, append([]string{"Accept-Encoding", "gzip"}, tt.header...)...)
		sent := []byte(body(t, res))
		if res.StatusCode != tt.status {
			t.Errorf("%s: status %d, want %d", tt.name, res.StatusCode, tt.status)
		}
		if got := res.Header.Get("Content-Encoding") == "gzip"; got != tt.gzip {
			t.Errorf("%s: gzipped %v, want %v", tt.name, got, tt.gzip)
		}
		if varies(res.Header) != tt.vary {
			t.Errorf("%s: Vary %q", tt.name, res.Header.Values("Vary"))
		}
		switch {
		case tt.status == http.StatusNotModified:
			if len(sent) != 0 || res.Header.Get("Content-Length") != "" {
				t.Errorf("%s: a 304 with %d body bytes, Content-Length %q", tt.name, len(sent), res.Header.Get("Content-Length"))
			}
		case res.Header.Get("Content-Length") != strconv.Itoa(len(sent)):
			t.Errorf("%s: Content-Length %s for %d bytes sent", tt.name, res.Header.Get("Content-Length"), len(sent))
		}
		if tt.status == http.StatusOK {
			whole := body(t, get(t, h, tt.path))
			if string(gunzip(t, sent)) != whole {
				t.Errorf("%s: not the whole body", tt.name)
			}
		}
	}
}

func TestEncodeBody(t *testing.T) {
	text := []byte(strings.Repeat("<p>The CSTO summit in Bishkek.</p>\n", 100))
	noise := make([]byte, 4000)
	rand.Read(noise)
	tests := []struct {
		name, ctype, encoding string
		body                  []byte
		gzip                  bool
	}{
		{"a page", "text/html; charset=utf-8", "", text, true},
		{"a script", "application/javascript", "", text, true},
		{"a manifest", "application/manifest+json", "", text, true},
		{"JSON", "application/json; charset=utf-8", "", text, true},
		{"SVG", "image/svg+xml", "", text, true},
		{"under a kilobyte", "text/html", "", text[:minGzipSize-1], false},
		{"a kilobyte", "text/html", "", text[:minGzipSize], true},
		{"an image", "image/png", "", text, false},
		{"wasm", "application/wasm", "", text, false},
		{"no Content-Type", "", "", text, false},
		{"already encoded", "text/html", "br", text, false},
		{"text gzip cannot shrink", "text/plain", "", noise, false},
	}
	for _, tt := range tests {
		header := http.Header{}
		if tt.ctype != "" {
			header.Set("Content-Type", tt.ctype)
		}
		if tt.encoding != "" {
			header.Set("Content-Encoding", tt.encoding)
		}
		e := encodeBody(header, tt.body)
		if !bytes.Equal(e.plain, tt.body) {
			t.Errorf("%s: the plain body changed", tt.name)
		}
		if (e.gzip != nil) != tt.gzip {
			t.Errorf("%s: gzipped %v, want %v", tt.name, e.gzip != nil, tt.gzip)
			continue
		}
		if e.gzip != nil && !bytes.Equal(gunzip(t, e.gzip), tt.body) {
			t.Errorf("%s: the gzip form decodes to another body", tt.name)
		}
	}
}
