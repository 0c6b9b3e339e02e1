package server

import (
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"

	"explainer/app/content"
	"explainer/app/geo"
	"explainer/app/view"
	"explainer/components"
)

// junkParams are what real traffic adds to a shared link: tracking
// parameters, unknown ones and malformed ones.
var junkParams = []string{
	"fbclid=IwAR2x-unique", "utm_source=newsletter&utm_medium=email&utm_campaign=csto",
	"gclid=Cj0KCQiA", "mc_eid=1f2e3d", "mc_cid=abc", "x=1", "ref=twitter", "_ga=2.1.2.3",
	"at=not-a-date", "event=no-such-event", "country=ZZZ", "view=map", "theme=dark",
	"%zz", "a=%ff", "&&", "=x", "utm_content=" + strings.Repeat("u", 300),
}

// TestJunkParamsRenderTheCanonicalPage asks the server, without its page
// cache, for many URLs of a view with tracking, unknown and malformed
// parameters mixed in: each must be byte for byte the page of the
// canonical URL, written out here, so the cache may key on it.
func TestJunkParamsRenderTheCanonicalPage(t *testing.T) {
	routesOnce.Do(components.Routes)
	_, dir := testSite(t)
	a, err := loadAssets(dir)
	if err != nil {
		t.Fatal(err)
	}
	h := newServerCaching(a, site{}, frameAnyone, 0)
	page := func(target string) string {
		r := httptest.NewRequest(http.MethodGet, target, nil)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != http.StatusOK {
			t.Fatalf("GET %s: %d", target, w.Code)
		}
		return w.Body.String()
	}
	fixed := []struct{ target, canonical string }{
		{"/?fbclid=abc", "/"},
		{"/event/armenia-freezes/?utm_source=x&utm_medium=y", "/event/armenia-freezes/"},
		{"/event/armenia-freezes/?country=arm&gclid=1&event=nope", "/event/armenia-freezes/?country=ARM"},
		{"/country/GEO/?at=1996-06-30&mc_eid=9&x=%zz", "/country/GEO/?at=1996-06-30"},
		{"/at/1999-06/?at=2001&fbclid=1", "/at/1999-06/"},
		{"/?at=2025-11-27", "/"},
		{"/?view=map&theme=dark", "/"},
		{"/embed?fbclid=abc", "/embed"},
		{"/embed?utm_source=x&theme=dark&view=map&embedId=dw-1&childId=pym_2&ref=y", "/embed?view=map&theme=dark&embedId=dw-1&childId=pym_2"},
		{"/embed?theme=purple&view=nope&childId=<b>", "/embed"},
		{"/embed?childId=a&childId=b&event=armenia-freezes", "/embed?event=armenia-freezes&childId=a"},
	}
	for _, f := range fixed {
		if got, want := page(f.target), page(f.canonical); got != want {
			t.Errorf("GET %s differs from GET %s: %s", f.target, f.canonical, firstDifference([]byte(got), []byte(want)))
		}
	}
	// The embed keeps its host's ids and options in its links, so a click
	// before the app starts keeps reporting its height to the host.
	embed := page("/embed?view=timeline&childId=pym_2&embedId=dw-1&fbclid=x")
	if !strings.Contains(embed, "childId=pym_2") || !strings.Contains(embed, "embedId=dw-1") || !strings.Contains(embed, "view=timeline") {
		t.Error("the embed's links lost its view or its host's ids")
	}
	if strings.Contains(embed, "fbclid") {
		t.Error("the embed's links carry a tracking parameter on")
	}

	// Many more: every event, some states and dates, with junk around.
	rnd := rand.New(rand.NewPCG(1, 2))
	events := content.Default().Timeline.Events()
	countries := geo.Countries()
	for i := range 40 {
		v := view.Default()
		switch i % 3 {
		case 0:
			v = v.SelectEvent(events[rnd.IntN(len(events))].ID, content.Default())
		case 1:
			v = v.SelectCountry(countries[rnd.IntN(len(countries))].ISO, content.Default())
		case 2:
			v = v.ShowDate(view.Earliest.AddDays(rnd.IntN(12000)), content.Default())
		}
		canonical := v.Path(content.Default())
		path, query, _ := strings.Cut(canonical, "?")
		var parts []string
		if query != "" {
			parts = strings.Split(query, "&")
		}
		for len(parts) < 4 {
			// Not a view's own parameter: the first of a name is the one read.
			if j := junkParams[rnd.IntN(len(junkParams))]; !regexp.MustCompile(`^(at|event|country)=`).MatchString(j) {
				parts = append(parts, j)
			}
		}
		rnd.Shuffle(len(parts), func(i, j int) { parts[i], parts[j] = parts[j], parts[i] })
		target := path + "?" + strings.Join(parts, "&")
		if got, want := page(target), page(canonical); got != want {
			t.Errorf("GET %s differs from GET %s: %s", target, canonical, firstDifference([]byte(got), []byte(want)))
		}
	}
}

// Junk in the query never costs a render, and never evicts a page: the
// cache keys on the canonical view. Different views are different pages.
func TestJunkParamsAreAnsweredFromTheCache(t *testing.T) {
	routesOnce.Do(components.Routes)
	var renders atomic.Int32
	next := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		renders.Add(1)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, "<p>"+r.URL.RawQuery+"</p>")
	})
	c := newPageCache(next, 1<<20)
	c.key = pageKey(site{})
	h := canonicalPages(c, site{})
	get := func(target string, header ...string) string {
		r := httptest.NewRequest(http.MethodGet, target, nil)
		for i := 0; i+1 < len(header); i += 2 {
			r.Header.Set(header[i], header[i+1])
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w.Body.String()
	}
	first := get("/event/armenia-freezes/")
	for i := range 500 {
		junk := junkParams[i%len(junkParams)]
		if got := get(fmt.Sprintf("/event/armenia-freezes/?%s&fbclid=%d", junk, i), "X-Forwarded-Proto", fmt.Sprint("junk", i)); got != first {
			t.Fatalf("request %d got %q, want the cached %q", i, got, first)
		}
	}
	if n := renders.Load(); n != 1 {
		t.Errorf("%d renders for one view asked with 500 junk queries", n)
	}
	get("/event/armenia-freezes/?country=ARM")
	get("/embed?event=armenia-freezes")
	get("/event/armenia-freezes/", "X-Forwarded-Proto", "https") // the oEmbed link names https
	if n := renders.Load(); n != 4 {
		t.Errorf("%d renders for four pages, want 4", n)
	}
}

func TestHashedAssets(t *testing.T) {
	h, dir := testSite(t)
	a, err := loadAssets(dir)
	if err != nil {
		t.Fatal(err)
	}
	wasm := a.hashedPath("/web/app.wasm")
	if !regexp.MustCompile(`^/web/[0-9a-f]{12}/app\.wasm$`).MatchString(wasm) {
		t.Fatalf("app.wasm's hashed path is %q", wasm)
	}
	for _, tt := range []struct {
		path, accept, body, cacheControl string
		status                           int
	}{
		{wasm, "br", "brotli-wasm", immutable, 200},
		{wasm, "", "raw-wasm", immutable, 200},
		{wasm + ".gz", "", "gzip-wasm", immutable, 200},
		{"/web/app.wasm", "br", "brotli-wasm", "no-cache", 200},
		{"/web/000000000000/app.wasm", "br", "", "", 404},
		{strings.Replace(wasm, "app.wasm", "explainer.css", 1), "", "", "", 404},
		{a.hashedPath("/web/explainer.css"), "", "body{}", immutable, 200},
		{"/web/explainer.css", "", "body{}", "no-cache", 200},
	} {
		res := get(t, h, tt.path, "Accept-Encoding", tt.accept)
		b := body(t, res)
		if res.StatusCode != tt.status || tt.status == 200 && (b != tt.body || res.Header.Get("Cache-Control") != tt.cacheControl) {
			t.Errorf("GET %s (Accept-Encoding %q): %d %q, Cache-Control %q; want %d %q, %q",
				tt.path, tt.accept, res.StatusCode, b, res.Header.Get("Cache-Control"), tt.status, tt.body, tt.cacheControl)
		}
	}
	// What the pages, app.js and the service worker name is the hashed URL.
	for path, want := range map[string]string{
		"/":              a.hashedPath("/web/explainer.css"),
		"/app.js":        wasm,
		"/app-worker.js": wasm,
	} {
		b := body(t, get(t, h, path))
		if !strings.Contains(b, `"`+want+`"`) {
			t.Errorf("%s does not name %s", path, want)
		}
		if strings.Contains(b, `"/web/app.wasm"`) || strings.Contains(b, `"/web/explainer.css"`) {
			t.Errorf("%s names a build file by its plain URL", path)
		}
	}
	// A new build is a new URL.
	before := wasm
	if err := os.WriteFile(filepath.Join(dir, "app.wasm"), []byte("new-wasm"), 0o644); err != nil {
		t.Fatal(err)
	}
	a2, _ := loadAssets(dir)
	if a2.hashedPath("/web/app.wasm") == before {
		t.Error("a new app.wasm kept its hashed URL")
	}
}

// Pages may be kept by a shared cache for a while; the service worker
// must not be; and a request naming the page's ETag gets a 304, whether
// the page is cached or not.
func TestPagesCacheControlAndRevalidation(t *testing.T) {
	h, _ := testSite(t)
	for _, tt := range []struct{ path, cacheControl string }{
		{"/", pageCacheControl},
		{"/event/armenia-freezes/?utm_source=x", pageCacheControl},
		{"/embed?view=map", pageCacheControl},
		{"/app.js", pageCacheControl},
		{"/wasm_exec.js", pageCacheControl},
		{"/manifest.webmanifest", pageCacheControl},
		{"/app-worker.js", workerCacheControl},
	} {
		for i := range 2 { // a miss, then a hit
			res := get(t, h, tt.path, "Accept-Encoding", "gzip")
			etag := res.Header.Get("ETag")
			if res.StatusCode != 200 || res.Header.Get("Cache-Control") != tt.cacheControl {
				t.Errorf("GET %s (%d): %d, Cache-Control %q, want %q", tt.path, i, res.StatusCode, res.Header.Get("Cache-Control"), tt.cacheControl)
			}
			if etag == "" {
				if tt.path != "/manifest.webmanifest" {
					t.Errorf("GET %s: no ETag", tt.path)
				}
				continue
			}
			res = get(t, h, tt.path, "Accept-Encoding", "gzip", "If-None-Match", etag)
			if b := body(t, res); res.StatusCode != http.StatusNotModified || b != "" || res.Header.Get("Cache-Control") != tt.cacheControl {
				t.Errorf("GET %s with If-None-Match %s (%d): %d, %d bytes, Cache-Control %q", tt.path, etag, i, res.StatusCode, len(b), res.Header.Get("Cache-Control"))
			}
			if res := get(t, h, tt.path, "If-None-Match", `"other"`); res.StatusCode != 200 {
				t.Errorf("GET %s with another ETag: %d", tt.path, res.StatusCode)
			}
		}
	}
}
