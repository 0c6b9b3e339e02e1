//go:build !wasm

package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
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
