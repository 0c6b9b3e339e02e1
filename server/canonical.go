package server

import (
	"net/http"
	"strings"

	"explainer/app/content"
	"explainer/app/embed"
	"explainer/app/view"
	"explainer/components"
)

// A shared explainer is asked for under countless URLs of the same page:
// every click from a social network adds its own fbclid, newsletters add
// utm_*, gclid and mc_eid, and anyone may add anything. The page a URL
// renders depends only on its view (view.Parse) and, for the embed, on the
// embed's options (embed.Parse), so pages are rendered and cached for the
// canonical form of those: what else a query holds never causes a render
// and never evicts a page.
//
// Such URLs are answered, not redirected to the canonical one: a redirect
// would cost every reader from a social network a round trip before the
// first paint, would take the parameters away from the address bar (and
// from any analytics a publisher runs there), and could not be done by a
// static host serving the export. An embed's URL must not change at all:
// web/embed-child.js reads its ids, and Datawrapper's fallback key, from
// the iframe's own location.

// canonicalQuery is the query the page at path is rendered for: the view's
// canonical form (the default date left out, parameters in a fixed order),
// and at /embed the embed's options that differ from the defaults (its
// view, theme and the host's ids, which its links carry on). Every other
// parameter, unknown or malformed, is left out. For the full page, path is
// the view's canonical path (canonicalPages redirects to it first), so the
// query is what view.Path writes after it.
func canonicalQuery(path, rawQuery string) string {
	c := content.Default()
	if path == embed.Path {
		v := view.Parse(rawQuery, c)
		v.Extra = embed.Parse(rawQuery).Query()
		return v.Query(c)
	}
	v, _ := view.ParsePath(path, rawQuery, c)
	v.Extra = ""
	if path == "/" {
		// Only a view without a path of its own, or one whose date was
		// clamped, is rendered at / (see canonicalPages): in the query form.
		return v.Query(c)
	}
	_, q, _ := strings.Cut(v.Path(c), "?")
	return q
}

// canonicalPages has next render each page for its canonical query (see
// canonicalQuery), whatever query it was asked with; other routes are
// passed on as they are. A full page asked for at another path than its
// view's canonical one (the query form /?event=x, /country/arm/, a value
// that names nothing) is redirected there, for good (301), with the
// request's other parameters kept for the publisher's analytics: the
// canonical path is the URL a static host serves with the view's own link
// preview, so it is the one to share (but see the clamped date below). A
// path that only looks like a view's
// (/event/a/b) is not found.
func canonicalPages(next http.Handler, s site) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !components.IsPage(r.URL.Path) {
			if viewFolder(r.URL.Path) {
				// go-app routes the whole folder to the page.
				http.NotFound(w, r)
				return
			}
			next.ServeHTTP(w, r)
			return
		}
		if r.URL.Path != embed.Path {
			v, _ := view.ParsePath(r.URL.Path, r.URL.RawQuery, content.Default())
			target := v.Path(content.Default())
			// A date outside the map's range is shown at the nearest day
			// with a note naming the date asked for: the note needs the
			// address as the reader gave it, which the app then replaces
			// with the canonical one itself.
			if p, _, _ := strings.Cut(target, "?"); p != r.URL.Path && v.Asked.IsZero() {
				http.Redirect(w, r, s.prefix+target, http.StatusMovedPermanently)
				return
			}
		}
		q := canonicalQuery(r.URL.Path, r.URL.RawQuery)
		if q != r.URL.RawQuery || r.URL.ForceQuery {
			r2 := new(http.Request)
			*r2 = *r
			u := *r.URL
			u.RawQuery, u.ForceQuery = q, false
			r2.URL = &u
			r2.RequestURI = u.RequestURI()
			r = r2
		}
		next.ServeHTTP(w, r)
	})
}

// viewFolder reports whether p is under one of the folders of the views'
// paths (see view.Path).
func viewFolder(p string) bool {
	return strings.HasPrefix(p, view.PathEvent) || strings.HasPrefix(p, view.PathCountry) || strings.HasPrefix(p, view.PathAt)
}

// pageKey is the page cache's key for a request canonicalPages passed on:
// besides the path and query, the site's origin as the request gives it,
// which the oEmbed discovery link names (fixed when -origin is set). The
// raw Host and X-Forwarded-Proto are not used: only what changes the page.
func pageKey(s site) func(*http.Request) string {
	return func(r *http.Request) string {
		return s.originOf(r) + "\x00" + r.URL.Path + "?" + r.URL.RawQuery
	}
}

// Cache-Control of the pages and go-app's other documents (app.js,
// wasm_exec.js, app.css, the manifest): browsers check for a new version
// on each use (max-age=0, answered with a 304 while there is none); a
// shared cache (a CDN) may serve them for a minute without asking, and for
// a day while the server is down. A release thus reaches every reader
// within about a minute. No stale-while-revalidate: browsers honour it too,
// and would refetch every page and script in the background after each
// use, offline included; a CDN can serve stale while it updates by its own
// setting (deploy/nginx-cdn.conf does). The service worker is the
// exception: see workerCacheControl.
const pageCacheControl = "public, max-age=0, s-maxage=60, stale-if-error=86400"

// workerCacheControl is the service worker's Cache-Control: a CDN must
// ask the server every time (a 304 while nothing changed), so that the
// update check of an open page sees a release at once. The worker fetches
// what it caches with the version in the query (see app-worker.js), which
// a CDN has not seen before, so a new version never caches an old page.
const workerCacheControl = "no-cache"

// withCacheControl sets cacheControl on next's 200 and 304 answers (a 304
// carries what the 200 would), replacing go-app's no-cache.
func withCacheControl(next http.Handler, cacheControl string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(&cacheControlWriter{ResponseWriter: w, value: cacheControl}, r)
	})
}

type cacheControlWriter struct {
	http.ResponseWriter
	value   string
	written bool
}

func (c *cacheControlWriter) WriteHeader(status int) {
	if !c.written {
		c.written = true
		if status == http.StatusOK || status == http.StatusNotModified {
			c.Header().Set("Cache-Control", c.value)
		}
	}
	c.ResponseWriter.WriteHeader(status)
}

func (c *cacheControlWriter) Write(p []byte) (int, error) {
	if !c.written {
		c.WriteHeader(http.StatusOK)
	}
	return c.ResponseWriter.Write(p)
}
