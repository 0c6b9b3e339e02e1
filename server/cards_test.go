package server

import (
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
)

func serveCard(h http.Handler, path string) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, path, nil))
	return w
}

// Many readers asking at once for a card not drawn yet get the one drawing;
// the cache keeps within its budget, dropping the least recently used.
func TestCardCache(t *testing.T) {
	h := newCardHandler(300 << 10) // room for two cards of about 130 KB
	var wg sync.WaitGroup
	bodies := make([]string, 8)
	for i := range bodies {
		wg.Go(func() {
			w := serveCard(h, "/card/event/armenia-freezes.png")
			if w.Code != http.StatusOK {
				t.Errorf("status %d", w.Code)
			}
			bodies[i] = w.Body.String()
		})
	}
	wg.Wait()
	for _, b := range bodies[1:] {
		if b != bodies[0] {
			t.Fatal("concurrent requests got different cards")
		}
	}
	if h.order.Len() != 1 {
		t.Fatalf("%d entries after one card", h.order.Len())
	}
	first := h.entries["/card/event/armenia-freezes.png"].Value.(*cardEntry)
	for _, p := range []string{"/card/country/AZE.png", "/card/at/1999.png", "/card/country/ARM.png?at=2024-02"} {
		if w := serveCard(h, p); w.Code != http.StatusOK {
			t.Fatalf("%s: %d", p, w.Code)
		}
	}
	if h.size > h.maxBytes || h.order.Len() > 2 {
		t.Errorf("the cache holds %d bytes in %d cards, over its %d bytes", h.size, h.order.Len(), h.maxBytes)
	}
	if _, kept := h.entries["/card/event/armenia-freezes.png"]; kept {
		t.Error("the least recently used card was kept")
	}
	// Drawn again when asked again, the same bytes.
	if w := serveCard(h, "/card/event/armenia-freezes.png"); w.Body.String() != string(first.body) {
		t.Error("the card drawn again differs")
	}
	if w := serveCard(h, "/card/event/armenia-freezes.png?country=XXX"); w.Code != http.StatusNotFound {
		t.Errorf("a card address with a bad value: %d, want 404", w.Code)
	}
}
