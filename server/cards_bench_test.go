package server

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"explainer/internal/card"
)

// BenchmarkCard serves a view's share card: first drawn and encoded (an
// empty cache, fonts and shapes already read), then from the cache, and
// revalidated with its ETag (a 304).
func BenchmarkCard(b *testing.B) {
	renderer, err := card.New()
	if err != nil {
		b.Fatal(err)
	}
	const path = "/card/event/armenia-freezes.png"
	serve := func(h http.Handler, header ...string) *httptest.ResponseRecorder {
		r := httptest.NewRequest(http.MethodGet, path, nil)
		for i := 0; i+1 < len(header); i += 2 {
			r.Header.Set(header[i], header[i+1])
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w
	}
	warm := func() *cardHandler {
		h := newCardHandler(cardCacheBytes)
		h.once.Do(func() { h.renderer = renderer })
		return h
	}
	b.Run("first", func(b *testing.B) {
		for b.Loop() {
			if w := serve(warm()); w.Code != http.StatusOK {
				b.Fatal(w.Code)
			}
		}
	})
	h := warm()
	etag := serve(h).Header().Get("ETag")
	b.Run("cached", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if w := serve(h); w.Code != http.StatusOK {
				b.Fatal(w.Code)
			}
		}
	})
	b.Run("revalidated", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if w := serve(h, "If-None-Match", etag); w.Code != http.StatusNotModified {
				b.Fatal(w.Code)
			}
		}
	})
}
