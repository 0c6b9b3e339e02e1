package server

import (
	"container/list"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"
	"sync"

	"explainer/app/content"
	"explainer/app/share"
	"explainer/internal/card"
)

// cardCacheBytes bounds the cards kept in memory (about 130 KB each).
const cardCacheBytes = 16 << 20

// cards is the one card cache of the process: a card depends on its view
// and the content built into the binary alone (not on the origin), so every
// server and export in the process can share what has been drawn.
var cards = newCardHandler(cardCacheBytes)

// cardHandler answers /card/...png with the share card of the view its
// address names (share.CardPath): drawn once, kept in memory, sent with an
// ETag so a revalidation costs a 304. Any other address under /card/ is
// not found, so the cache only ever holds the cards of real views.
type cardHandler struct {
	once     sync.Once
	renderer *card.Renderer
	initErr  error
	// drawing bounds how many cards are drawn at once: a flood of
	// distinct views queues instead of taking every core.
	drawing chan struct{}

	mu       sync.Mutex
	size     int
	maxBytes int
	order    *list.List               // of *cardEntry, most recently used first
	entries  map[string]*list.Element // card path -> its element
}

type cardEntry struct {
	key  string
	once sync.Once
	body []byte
	etag string
	err  error
}

func newCardHandler(maxBytes int) *cardHandler {
	return &cardHandler{maxBytes: maxBytes, drawing: make(chan struct{}, 2), order: list.New(), entries: map[string]*list.Element{}}
}

func (h *cardHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c := content.Default()
	v, ok := share.ParseCardPath(r.URL.Path, r.URL.RawQuery, c)
	if !ok {
		http.NotFound(w, r)
		return
	}
	e := h.entry(share.CardPath(v, c))
	e.once.Do(func() {
		h.once.Do(func() { h.renderer, h.initErr = card.New() })
		if h.initErr != nil {
			e.err = h.initErr
			return
		}
		h.drawing <- struct{}{}
		e.body, e.err = h.renderer.PNG(v, c)
		<-h.drawing
		if e.err == nil {
			sum := sha256.Sum256(e.body)
			e.etag = `"` + hex.EncodeToString(sum[:8]) + `"`
			h.stored(e)
		}
	})
	if e.err != nil {
		h.forget(e)
		http.Error(w, "the card could not be drawn", http.StatusInternalServerError)
		return
	}
	hd := w.Header()
	hd.Set("Content-Type", "image/png")
	hd.Set("ETag", e.etag)
	if etagMatch(r.Header.Get("If-None-Match"), e.etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	hd.Set("Content-Length", strconv.Itoa(len(e.body)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(e.body)
	}
}

// entry returns the cache's entry for key, new and not yet drawn if need be.
func (h *cardHandler) entry(key string) *cardEntry {
	h.mu.Lock()
	defer h.mu.Unlock()
	if el, ok := h.entries[key]; ok {
		h.order.MoveToFront(el)
		return el.Value.(*cardEntry)
	}
	e := &cardEntry{key: key}
	h.entries[key] = h.order.PushFront(e)
	return e
}

// stored counts a drawn card's bytes and evicts the least recently used
// cards beyond the budget.
func (h *cardHandler) stored(e *cardEntry) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if _, ok := h.entries[e.key]; !ok {
		return
	}
	h.size += len(e.body)
	for h.size > h.maxBytes && h.order.Len() > 1 {
		last := h.order.Back()
		old := last.Value.(*cardEntry)
		h.order.Remove(last)
		delete(h.entries, old.key)
		h.size -= len(old.body)
	}
}

// forget drops an entry that failed, so a later request tries again.
func (h *cardHandler) forget(e *cardEntry) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if el, ok := h.entries[e.key]; ok && el.Value == e {
		h.order.Remove(el)
		delete(h.entries, e.key)
	}
}
