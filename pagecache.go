//go:build !wasm

package main

import (
	"container/list"
	"net/http"
	"strconv"
	"strings"
	"sync"
)

// pageCache keeps recently asked-for pages so each is rendered once:
// go-app prerenders the whole document on every request, which caps a
// 2-core machine at a few hundred pages a second. A page's HTML depends
// only on its path, raw query, Host and X-Forwarded-Proto (the oEmbed
// link), which make the key. Raw queries, not canonical views: junk
// variants of a URL only evict one another in the bounded cache.
type pageCache struct {
	next     http.Handler
	maxBytes int // total size of the cached bodies
	maxKey   int // longer keys (URLs) are rendered every time, never cached

	mu    sync.Mutex
	size  int
	order *list.List               // of *cachedPage, most recently used first
	pages map[string]*list.Element // key -> its element in order
}

type cachedPage struct {
	key    string
	header http.Header
	body   []byte
}

// newPageCache caches the HTML pages of next, up to maxBytes of them.
func newPageCache(next http.Handler, maxBytes int) *pageCache {
	return &pageCache{next: next, maxBytes: maxBytes, maxKey: 2048, order: list.New(), pages: map[string]*list.Element{}}
}

func (c *pageCache) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	key := r.Host + "\x00" + r.Header.Get("X-Forwarded-Proto") + "\x00" + r.URL.Path + "?" + r.URL.RawQuery
	if r.Method != http.MethodGet && r.Method != http.MethodHead || len(key) > c.maxKey {
		c.next.ServeHTTP(w, r)
		return
	}
	if p := c.get(key); p != nil {
		for k, v := range p.header {
			w.Header()[k] = v
		}
		w.WriteHeader(http.StatusOK)
		if r.Method == http.MethodGet {
			w.Write(p.body)
		}
		return
	}
	if r.Method == http.MethodHead {
		c.next.ServeHTTP(w, r)
		return
	}
	rec := &bufferedResponse{header: http.Header{}}
	c.next.ServeHTTP(rec, r)
	rec.send(w, r, rec.body.Bytes())
	if (rec.status == 0 || rec.status == http.StatusOK) && strings.HasPrefix(rec.header.Get("Content-Type"), "text/html") {
		h := rec.header.Clone()
		h.Set("Content-Length", strconv.Itoa(rec.body.Len()))
		c.put(&cachedPage{key: key, header: h, body: rec.body.Bytes()})
	}
}

func (c *pageCache) get(key string) *cachedPage {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.pages[key]
	if !ok {
		return nil
	}
	c.order.MoveToFront(e)
	return e.Value.(*cachedPage)
}

func (c *pageCache) put(p *cachedPage) {
	if len(p.body) > c.maxBytes/4 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.pages[p.key]; ok {
		return // another request rendered it meanwhile
	}
	c.pages[p.key] = c.order.PushFront(p)
	c.size += len(p.body)
	for c.size > c.maxBytes {
		last := c.order.Back()
		old := last.Value.(*cachedPage)
		c.order.Remove(last)
		delete(c.pages, old.key)
		c.size -= len(old.body)
	}
}
