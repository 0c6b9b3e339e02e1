package e2e

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The explainer behind a CDN: nginx as a caching reverse proxy, with
// deploy/nginx-cdn.conf, in front of the server. Pages come from the
// proxy's cache, tracking parameters included, the build's files are kept
// without revalidation, and a release still reaches the reader whole.

// startCDN runs deploy/nginx-cdn.conf on a free loopback port, in front of
// the server at origin (host:port), with its cache in the test's folder,
// and returns the proxy's URL.
func startCDN(t *testing.T, origin string) string {
	t.Helper()
	return runNginx(t, "nginx-cdn.conf", func(addr, folder string) []lineChange {
		return []lineChange{
			{"listen 8081;", "listen " + addr + ";"},
			{"server 127.0.0.1:8000;", "server " + origin + ";"},
			{"/var/cache/explainer-cdn ", filepath.Join(folder, "cache") + " "},
		}
	})
}

// hashedWasm is the hashed URL path of app.wasm that site's app.js names.
var hashedWasm = regexp.MustCompile(`/web/[0-9a-f]{12}/app\.wasm`)

// hashedStyles is the hashed URL path of explainer.css a page names.
var hashedStyles = regexp.MustCompile(`/web/[0-9a-f]{12}/explainer\.css`)

// hashedHeaderRoutes are the build's files at their content-hashed paths,
// as the test server's app.js and page name them, in each coding of the
// wasm: a static host must answer them as the server does.
func hashedHeaderRoutes(t *testing.T) []struct{ path, acceptEncoding string } {
	t.Helper()
	_, appJS := httpGet(t, "/app.js", nil)
	_, page := httpGet(t, "/", nil)
	wasm, styles := hashedWasm.FindString(string(appJS)), hashedStyles.FindString(string(page))
	if wasm == "" || styles == "" {
		t.Fatalf("app.js names no hashed app.wasm (%q) or the page no hashed explainer.css (%q)", wasm, styles)
	}
	return []struct{ path, acceptEncoding string }{
		{wasm, "br"}, {wasm, "gzip"}, {wasm, ""},
		{styles, browserEncodings},
	}
}

// cacheStatus fetches path through the proxy as a browser would and
// returns the proxy's X-Cache-Status and the Cache-Control it passed on.
func cacheStatus(t *testing.T, cdn, path string) (status, cacheControl string) {
	t.Helper()
	res := getRaw(t, cdn+path, browserEncodings)
	if res.StatusCode != 200 {
		t.Fatalf("GET %s through the proxy: %s", path, res.Status)
	}
	return res.Header.Get("X-Cache-Status"), res.Header.Get("Cache-Control")
}

func TestBehindACDN(t *testing.T) {
	srv, _ := newPinnedSite(t)
	cdn := startCDN(t, srv.addr)

	t.Run("first-paint", func(t *testing.T) {
		tb := newTab(t, 60*time.Second)
		disableScripts(t, tb)
		tb.open(t, cdn+"/event/armenia-freezes/?fbclid=first-paint")
		checkArticle(t, tb)
		if n := eval[int](t, tb, `document.querySelectorAll("#map path[data-iso]").length`); n < 40 {
			t.Errorf("%d states drawn in the HTML", n)
		}
		if ev := eval[string](t, tb, `document.querySelector('[data-event][aria-current="true"]')?.dataset.event ?? ""`); ev != "armenia-freezes" {
			t.Errorf("the page through the proxy shows event %q, want armenia-freezes", ev)
		}
	})

	// The proxy keeps pages whatever tracking parameters a link has, and
	// the hashed wasm for good.
	if s, _ := cacheStatus(t, cdn, "/event/armenia-freezes/?utm_source=newsletter&utm_medium=email&fbclid=other"); s != "HIT" {
		t.Errorf("a page asked with other tracking parameters: X-Cache-Status %q, want HIT", s)
	}
	res := getRaw(t, cdn+"/app.js", browserEncodings)
	_, appJS := httpGet(t, "/app.js", nil) // the test server's: the same build
	wasm := hashedWasm.FindString(string(appJS))
	if wasm == "" || res.StatusCode != 200 {
		t.Fatalf("app.js: %s, names the hashed wasm %q", res.Status, wasm)
	}
	cacheStatus(t, cdn, wasm)
	if s, cc := cacheStatus(t, cdn, wasm); s != "HIT" || cc != "public, max-age=31536000, immutable" {
		t.Errorf("the hashed wasm asked again: X-Cache-Status %q, Cache-Control %q; want HIT, immutable", s, cc)
	}

	tb := newTab(t, 180*time.Second)
	online := t.Run("ready", func(t *testing.T) {
		tb.open(t, cdn+"/")
		tb.waitControlled(t)
		tb.noErrors(t)
	})
	t.Run("offline", func(t *testing.T) {
		if !online {
			t.Fatal("the page did not start online")
		}
		tb.setOffline(t)
		if p := probe(t, tb); !strings.HasPrefix(p, "failed") {
			t.Fatalf("offline, a request the service worker has not cached gave %q: the network is not cut off", p)
		}
		tb.open(t, cdn+"/event/armenia-freezes/?country=ARM")
		tb.waitReady(t)
		checkOfflineRoute(t, tb, offlineRoutes[1])
		for _, e := range tb.rec.Errors() {
			if !strings.Contains(e, probeParam) {
				t.Errorf("offline, the page logged: %s", e)
			}
		}
	})

	// A release while the proxy still holds the old pages and app.js
	// (fresh for a minute): the update notice shows at once, and the
	// reload brings the new version whole, not the proxy's old page.
	t.Run("update", func(t *testing.T) {
		if !online {
			t.Fatal("the page did not start online")
		}
		tb := newTab(t, 180*time.Second)
		tb.open(t, cdn+"/")
		tb.waitControlled(t)
		oldStyles := eval[string](t, tb, `new URL(document.querySelector('link[rel="stylesheet"][href*="explainer.css"]').href).pathname`)
		if !hashedStyles.MatchString(oldStyles) {
			t.Fatalf("the page's stylesheet is %q, not at a hashed path", oldStyles)
		}
		const marker = "/* release 2 behind the CDN */"
		srv.release(t, func(web string) { appendTo(t, filepath.Join(web, "explainer.css"), "\n"+marker+"\n") })
		if s, _ := cacheStatus(t, cdn, "/"); s != "HIT" {
			t.Fatalf("after the release the proxy answered / with %q: the test needs it to hold the old page", s)
		}
		eval[bool](t, tb, `(goappTryUpdate(), true)`)
		tb.waitTrue(t, `!!document.getElementById("update-notice")`, 30*time.Second)
		eval[bool](t, tb, `(window.oldPage = true)`)
		tb.do(t, chromedp.Click(chromedp.CSS("#update-reload")))
		tb.waitAcrossLoads(t, `!window.oldPage && document.documentElement.dataset.ready === "true"`, 40*time.Second)
		newStyles := eval[string](t, tb, `new URL(document.querySelector('link[rel="stylesheet"][href*="explainer.css"]').href).pathname`)
		if newStyles == oldStyles {
			t.Errorf("after the reload the page still names the old stylesheet %s: the new version cached the proxy's old page", oldStyles)
		}
		served := eval[string](t, tb, `fetch(document.querySelector('link[rel="stylesheet"][href*="explainer.css"]').href).then(r => r.text())`)
		if !strings.Contains(served, marker) {
			t.Error("after the reload the stylesheet is the old release's")
		}
		tb.noErrors(t)
	})
}
