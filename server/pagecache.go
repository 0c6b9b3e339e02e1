package server

import (
	"container/list"
	"net/http"
	"strings"
	"sync"
)

// pageCache keeps recently asked-for pages so each is rendered once:
// go-app prerenders the whole document on every request, which caps a
// 2-core machine at a few hundred pages a second. key says which requests
// get the same page; by default their path, raw query, Host and
// X-Forwarded-Proto. The server puts it behind canonicalPages, with a key
// of the canonical view (pageKey), so junk variants of a URL are the page
// they stand for.
//
// A hit whose ETag the request's If-None-Match names is answered with a
// 304, as go-app answers a miss: a CDN revalidating, or a browser, gets
// no body.
//
// It also gzips what next sends (see encodeBody), pages or not: a page
// once, when it is cached, so a hit costs no compression; go-app's other
// files (wasm_exec.js, app.css, app-worker.js) on each request.
type pageCache struct {
	next     http.Handler
	maxBytes int // total size of the cached bodies, both codings
	maxKey   int // longer keys (URLs) are rendered every time, never cached
	key      func(*http.Request) string

	mu    sync.Mutex
	size  int
	order *list.List               // of *cachedPage, most recently used first
	pages map[string]*list.Element // key -> its element in order
}

// cachedPage is a rendered page, kept as it is and gzipped. Its header
// has no Content-Length: sendBody sets the one of the coding it sends.
type cachedPage struct {
	key    string
	header http.Header
	body   encodedBody
}

// newPageCache caches the HTML pages of next, up to maxBytes of them.
func newPageCache(next http.Handler, maxBytes int) *pageCache {
	return &pageCache{next: next, maxBytes: maxBytes, maxKey: 2048, key: rawKey, order: list.New(), pages: map[string]*list.Element{}}
}

// rawKey tells requests apart by all that could change a page.
func rawKey(r *http.Request) string {
	return r.Host + "\x00" + r.Header.Get("X-Forwarded-Proto") + "\x00" + r.URL.Path + "?" + r.URL.RawQuery
}

// ServeHTTP serves a cached page, or has next render the response, sends
// it gzipped where it can be, and caches it if it is an HTML page (a 200:
// not an error, not a 304).
func (c *pageCache) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	key := c.key(r)
	cacheable := (r.Method == http.MethodGet || r.Method == http.MethodHead) && len(key) <= c.maxKey
	if cacheable {
		if p := c.get(key); p != nil {
			if etagMatch(r.Header.Get("If-None-Match"), p.header.Get("ETag")) {
				sendBody(w, r, p.header, http.StatusNotModified, encodedBody{})
				return
			}
			sendBody(w, r, p.header, http.StatusOK, p.body)
			return
		}
	}
	// A HEAD is rendered as a GET: the body is needed for the
	// Content-Length and coding a GET would get, and for the cache.
	render := r
	if r.Method == http.MethodHead {
		render = new(http.Request)
		*render = *r
		render.Method = http.MethodGet
	}
	rec := &bufferedResponse{header: http.Header{}}
	c.next.ServeHTTP(rec, render)
	body := encodeBody(rec.header, rec.body.Bytes())
	rec.send(w, r, body)
	if cacheable && (rec.status == 0 || rec.status == http.StatusOK) && strings.HasPrefix(rec.header.Get("Content-Type"), "text/html") {
		h := rec.header.Clone()
		h.Del("Content-Length")
		c.put(&cachedPage{key: key, header: h, body: body})
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
	if p.body.size() > c.maxBytes/4 || c.maxBytes == 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.pages[p.key]; ok {
		return // another request rendered it meanwhile
	}
	c.pages[p.key] = c.order.PushFront(p)
	c.size += p.body.size()
	for c.size > c.maxBytes {
		last := c.order.Back()
		old := last.Value.(*cachedPage)
		c.order.Remove(last)
		delete(c.pages, old.key)
		c.size -= old.body.size()
	}
}

// etagMatch reports whether an If-None-Match header names etag (weakly
// compared, as RFC 9110 asks for If-None-Match), or is "*".
func etagMatch(ifNoneMatch, etag string) bool {
	if ifNoneMatch == "" || etag == "" {
		return false
	}
	etag = strings.TrimPrefix(etag, "W/")
	for _, t := range strings.Split(ifNoneMatch, ",") {
		t = strings.TrimSpace(t)
		if t == "*" || strings.TrimPrefix(t, "W/") == etag {
			return true
		}
	}
	return false
}
