package server

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"explainer/app/view"
)

func TestPageCache(t *testing.T) {
	var renders atomic.Int32
	next := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		renders.Add(1)
		switch r.URL.Path {
		case "/missing":
			http.NotFound(w, r)
		case "/data":
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, "{}")
		default:
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			io.WriteString(w, "<p>"+r.Host+r.URL.RawQuery+strings.Repeat("x", 100)+"</p>")
		}
	})
	c := newPageCache(next, 1000)
	do := func(method, target, host string) string {
		r := httptest.NewRequest(method, target, nil)
		if host != "" {
			r.Host = host
		}
		w := httptest.NewRecorder()
		c.ServeHTTP(w, r)
		return w.Body.String()
	}
	first := do("GET", "/?a=1", "")
	if second := do("GET", "/?a=1", ""); second != first || renders.Load() != 1 {
		t.Errorf("a second GET rendered again (%d renders)", renders.Load())
	}
	if do("GET", "/?a=1", "other.example") == first {
		t.Error("pages of another Host share the cache")
	}
	if do("HEAD", "/?a=1", "") != "" {
		t.Error("HEAD has a body")
	}
	before := renders.Load()
	for _, target := range []string{"/missing", "/missing", "/data", "/data", "/?" + strings.Repeat("q", 3000), "/?" + strings.Repeat("q", 3000)} {
		do("GET", target, "")
	}
	if renders.Load()-before != 6 {
		t.Errorf("404s, non-HTML or over-long URLs were cached: %d renders for 6 requests", renders.Load()-before)
	}
	for i := 0; i < 50; i++ {
		do("GET", "/?page="+strings.Repeat("p", i), "")
	}
	if c.size > c.maxBytes {
		t.Errorf("cache holds %d bytes, over its %d", c.size, c.maxBytes)
	}
}

// discardWriter is a ResponseWriter that keeps the header and status and
// only counts the body: unlike a recorder it does not copy the body, so
// what a request allocates is the handler's own doing.
type discardWriter struct {
	header http.Header
	status int
	n      int
}

func (d *discardWriter) Header() http.Header    { return d.header }
func (d *discardWriter) WriteHeader(status int) { d.status = status }
func (d *discardWriter) Write(p []byte) (int, error) {
	d.n += len(p)
	return len(p), nil
}

// bytesPerRun is the heap memory f allocates per call, on average.
func bytesPerRun(runs int, f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for range runs {
		f()
	}
	runtime.ReadMemStats(&after)
	return (after.TotalAlloc - before.TotalAlloc) / uint64(runs)
}

// A page is gzipped once, when it is cached: a hit sends the stored
// bytes, in either coding, and allocates next to nothing, where gzipping
// the page again would allocate at least its gzipped size. HEAD, hit or
// miss, gets the headers a GET would.
func TestPageCacheKeepsPagesGzipped(t *testing.T) {
	var renders atomic.Int32
	var page []byte
	for i := range 1500 { // 100 KB that gzips about as well as a real page
		page = fmt.Appendf(page, "<p id=\"p%d\">Armenia %x refuses to attend summit %d in Bishkek.</p>\n", i, i*i*7919, i*31)
	}
	header := http.Header{"Content-Type": {"text/html; charset=utf-8"}}
	gz := encodeBody(header, page).gzip // the same level, so the same bytes
	next := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		renders.Add(1)
		w.Header().Set("Content-Type", header.Get("Content-Type"))
		w.Write(page)
	})
	c := newPageCache(next, 1<<20)
	tests := []struct {
		method, accept string
		gzip           bool
	}{
		{"HEAD", "gzip", true}, // the miss: rendered as a GET, and cached
		{"GET", "gzip", true},
		{"GET", "gzip, deflate, br, zstd", true},
		{"GET", "", false},
		{"GET", "gzip;q=0", false},
		{"HEAD", "", false},
		{"HEAD", "gzip", true},
	}
	for _, tt := range tests {
		where := tt.method + " with Accept-Encoding " + strconv.Quote(tt.accept)
		r := httptest.NewRequest(tt.method, "/", nil)
		r.Header.Set("Accept-Encoding", tt.accept)
		w := httptest.NewRecorder()
		c.ServeHTTP(w, r)
		want, encoding := page, ""
		if tt.gzip {
			want, encoding = gz, "gzip"
		}
		if enc := w.Header().Get("Content-Encoding"); enc != encoding {
			t.Errorf("%s: Content-Encoding %q, want %q", where, enc, encoding)
		}
		if !strings.Contains(w.Header().Get("Vary"), "Accept-Encoding") {
			t.Errorf("%s: no Vary: Accept-Encoding", where)
		}
		if n := w.Header().Get("Content-Length"); n != strconv.Itoa(len(want)) {
			t.Errorf("%s: Content-Length %s, want %d", where, n, len(want))
		}
		if tt.method == "HEAD" {
			want = nil
		}
		if !bytes.Equal(w.Body.Bytes(), want) {
			t.Errorf("%s: %d body bytes, not the %d expected", where, w.Body.Len(), len(want))
		}
	}
	if renders.Load() != 1 {
		t.Errorf("%d renders for one page", renders.Load())
	}
	if c.size != len(page)+len(gz) {
		t.Errorf("the cache counts %d bytes for a page of %d, %d gzipped", c.size, len(page), len(gz))
	}

	r := httptest.NewRequest("GET", "/", nil)
	r.Header.Set("Accept-Encoding", "gzip")
	w := &discardWriter{header: http.Header{}}
	perHit := bytesPerRun(100, func() {
		clear(w.header)
		w.n = 0
		c.ServeHTTP(w, r)
	})
	if w.n != len(gz) || w.header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("the hit sent %d bytes, %q; want the %d gzipped", w.n, w.header.Get("Content-Encoding"), len(gz))
	}
	if perHit > uint64(len(gz))/4 {
		t.Errorf("a gzipped hit allocates %d bytes, the page is %d gzipped: it is gzipped again", perHit, len(gz))
	}
}

// BenchmarkPageCache measures a request for the real page at /, served
// from the cache (hit) or rendered (miss: a view not asked before), with
// and without gzip accepted. sent-B/op is the size of the body sent.
func BenchmarkPageCache(b *testing.B) {
	h, _ := testSite(b)
	misses := 0 // across runs, so no "miss" is a page cached by an earlier one
	for _, cached := range []bool{true, false} {
		for _, accept := range []string{"", "gzip"} {
			name := map[bool]string{true: "hit", false: "miss"}[cached] + "/" + map[string]string{"": "identity", "gzip": "gzip"}[accept]
			b.Run(name, func(b *testing.B) {
				w := &discardWriter{header: http.Header{}}
				r := httptest.NewRequest("GET", "/", nil)
				r.Header.Set("Accept-Encoding", accept)
				b.ReportAllocs()
				for range b.N {
					if !cached {
						misses++
						r.URL.RawQuery = "at=" + view.Earliest.AddDays(misses%12000).String()
					}
					clear(w.header)
					w.n = 0
					h.ServeHTTP(w, r)
				}
				b.ReportMetric(float64(w.n), "sent-B/op")
			})
		}
	}
}
