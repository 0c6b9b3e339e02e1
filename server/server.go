// Package server is everything only the machine runs: the HTTP server,
// its assets, the prerendered page pipeline, the static export (which
// writes what the server answers), oEmbed and the web app manifest. Only
// the server's main imports it, so none of it reaches the wasm.
package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"path"
	"strings"
	"time"

	"explainer/app/content"
	"explainer/app/dataset"
	"explainer/app/embed"
	"explainer/app/media"
	"explainer/app/share"
	"explainer/app/view"
)

// contentSecurityPolicy allows the page to load only its own files, and
// media from the supported providers (package media) alone: their players
// in frames, their pictures as images. The page requests those only when
// the reader asks for them; the policy makes sure nothing else is.
// 'wasm-unsafe-eval' is the one exception go-app needs: compiling app.wasm.
// No inline script or style is allowed: go-app needs neither.
// img-src's data: is also how "Download the map" draws the map's SVG on a
// canvas for the PNG; the files themselves are saved from blob: links,
// which no directive governs.
var contentSecurityPolicy = "default-src 'self'; " +
	"script-src 'self' 'wasm-unsafe-eval'; " +
	"style-src 'self'; " +
	"img-src 'self' data:" + providerOrigins(false) + "; " +
	"frame-src 'self'" + providerOrigins(true) + "; " +
	"connect-src 'self'; " +
	"manifest-src 'self'; " +
	"worker-src 'self'; " +
	"object-src 'none'; " +
	"base-uri 'none'; " +
	"form-action 'self'; " +
	"frame-ancestors 'self'"

// providerOrigins lists the origins of the media providers whose content
// is a player (video) or a picture, each after a space.
func providerOrigins(video bool) string {
	var b strings.Builder
	for _, p := range media.Providers() {
		if p.Video == video {
			b.WriteString(" " + p.Origin)
		}
	}
	return b.String()
}

// Server timeouts: long enough for a slow phone fetching the wasm, short
// enough that idle or stalled clients cannot hold connections.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 10 * time.Second
	writeTimeout      = 60 * time.Second
	idleTimeout       = 120 * time.Second
	maxHeaderBytes    = 32 << 10
	shutdownTimeout   = 10 * time.Second
	pageCacheBytes    = 32 << 20 // rendered pages kept in memory
)

// frameAnyone lets any site frame the embed; -embed-ancestors narrows it.
const frameAnyone = "*"

// newServer routes requests: /web/ to the static assets, /oembed to the
// oEmbed endpoint, /data/ to the data files, everything else to go-app (pages, app.js, the service
// worker). embedAncestors is the CSP frame-ancestors source list for /embed.
func newServer(a *assets, s site, embedAncestors string) http.Handler {
	return newServerCaching(a, s, embedAncestors, pageCacheBytes)
}

// newServerCaching is newServer with a page cache of cacheBytes (0: none).
func newServerCaching(a *assets, s site, embedAncestors string, cacheBytes int) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/web/", http.StripPrefix("/web", a))
	mux.Handle("/robots.txt", a)
	mux.Handle("/manifest.webmanifest", withCacheControl(manifestHandler(s.prefix), pageCacheControl))
	mux.Handle("/manifest.json", withCacheControl(manifestHandler(s.prefix), pageCacheControl))
	mux.Handle("/oembed", oembedHandler(s))
	mux.Handle(dataset.Dir, withCacheControl(dataHandler(dataFiles(content.Default())), pageCacheControl))
	mux.Handle(share.CardPrefix, withCacheControl(cards, pageCacheControl))
	// go-app would fetch these over HTTP from its resource provider; we have none.
	mux.Handle("/sitemap.xml", http.NotFoundHandler())
	mux.Handle("/ads.txt", http.NotFoundHandler())
	goapp := newAppHandler(a, s)
	mux.Handle("/app.js", withCacheControl(PatchedAppJS(goapp), pageCacheControl))
	head := func(r *http.Request) string {
		h := viewHead(s, r)
		if !s.static { // a static host has no /oembed to discover
			h += oembedLink(s, r)
		}
		return h
	}
	pages := newPageCache(withPageHead(goapp, head), cacheBytes)
	pages.key = pageKey(s)
	mux.Handle("/app-worker.js", withCacheControl(pages, workerCacheControl))
	mux.Handle("/", withCacheControl(canonicalPages(pages, s), pageCacheControl))
	return withHeaders(mux, embedAncestors)
}

// withHeaders sets the security headers on every response and refuses
// methods a read-only site has no use for. Only the embed may be framed by
// other sites, and only by embedAncestors.
func withHeaders(next http.Handler, embedAncestors string) http.Handler {
	embedCSP := strings.Replace(contentSecurityPolicy, "frame-ancestors 'self'", "frame-ancestors "+embedAncestors, 1)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		if r.URL.Path == embed.Path {
			h.Set("Content-Security-Policy", embedCSP)
		} else {
			h.Set("Content-Security-Policy", contentSecurityPolicy)
			h.Set("X-Frame-Options", "SAMEORIGIN")
			h.Set("Cross-Origin-Opener-Policy", "same-origin")
		}
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			h.Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		// No path of the site has a ".." segment or any other non-canonical
		// form ("/web/.", "//x", "/a/./b", a trailing "/" but on a view's
		// path): answer 404 rather than let the mux redirect to a cleaned
		// path somewhere else.
		if p := r.URL.Path; strings.Contains(p, "..") || strings.Contains(r.URL.RawPath, "..") ||
			p != "/" && path.Clean(p) != p && !(path.Clean(p)+"/" == p && view.IsPath(p)) {
			http.NotFound(w, r)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// serve listens on addr until ctx is cancelled, then lets in-flight requests
// finish (up to shutdownTimeout) before returning.
func serve(ctx context.Context, addr string, h http.Handler, stdout io.Writer) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
	}
	fmt.Fprintf(stdout, "serving the explainer on http://%s\n", ln.Addr())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutting down: %w", err)
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	fmt.Fprintln(stdout, "stopped")
	return nil
}
