package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// leftovers is what a visit to the explainer can leave in a browser.
type leftovers struct {
	HTTPCache     string // URLs the HTTP cache answers without the network, space-separated
	Workers       int    // service worker registrations
	Caches        int    // Cache Storage caches (the worker's copy of the site)
	LocalStorage  bool
	Cookie        bool
	IndexedDB     bool
	SessionCookie bool
}

// jsArray is strings as a JavaScript array literal.
func jsArray(strs []string) string {
	quoted := make([]string, len(strs))
	for i, s := range strs {
		quoted[i] = jsString(s)
	}
	return "[" + strings.Join(quoted, ", ") + "]"
}

// readLeftovers looks, for files and more, from a page of the test server's origin, for what
// a visit may have left. The HTTP cache is asked with only-if-cached, which
// never goes to the network; the service worker is bypassed, or it would
// answer from its own cache.
func readLeftovers(t *testing.T, tb *tab, files []string) leftovers {
	t.Helper()
	if _, err := chromedp.Call(tb.ctx, network.SetBypassServiceWorker, network.SetBypassServiceWorkerParams{Bypass: true}); err != nil {
		t.Fatal(err)
	}
	return eval[leftovers](t, tb, `(async () => {
		const cached = async u => (await fetch(u, {cache: "only-if-cached", mode: "same-origin"}).then(r => r.ok, () => false)) ? [u] : [];
		return {
			HTTPCache: (await Promise.all(`+jsArray(files)+`.map(cached))).flat().join(" "),
			Workers: (await navigator.serviceWorker.getRegistrations()).length,
			Caches: (await caches.keys()).length,
			LocalStorage: localStorage.getItem("left-by-another-test") !== null,
			Cookie: document.cookie.includes("left=persistent"),
			SessionCookie: document.cookie.includes("leftsession=1"),
			IndexedDB: (await indexedDB.databases()).some(d => d.name === "left-by-another-test"),
		};
	})()`)
}

// Each test's tab has a browser context of its own (newTab): its HTTP
// cache, service workers, Cache Storage, cookies and storage are its own.
// A verdict must not depend on what a test that ran before left behind,
// nor on the order the tests run in. One tab visits the explainer and
// leaves something of every kind; a second tab, opened while the first is
// still open, must find none of it.
func TestTabsShareNothing(t *testing.T) {
	first := newTab(t, 60*time.Second)
	first.open(t, "/")
	first.waitReady(t)
	first.waitServiceWorker(t)
	eval[bool](t, first, `(async () => {
		localStorage.setItem("left-by-another-test", "1");
		document.cookie = "left=persistent; max-age=600; path=/";
		document.cookie = "leftsession=1; path=/";
		await new Promise((ok, fail) => { const r = indexedDB.open("left-by-another-test"); r.onsuccess = () => { r.result.close(); ok() }; r.onerror = fail });
		return true;
	})()`)
	// The probes see each leftover where it is; else the check below
	// would prove nothing.
	// The built files' URLs carry their content hash: probe the ones the
	// page loaded.
	files := eval[[]string](t, first, `["app.wasm", "explainer.css"].map(f => new URL(performance.getEntriesByType("resource").find(e => e.name.includes(f)).name).pathname).concat("/app.js")`)
	want := leftovers{HTTPCache: strings.Join(files, " "), Workers: 1, Caches: 1,
		LocalStorage: true, Cookie: true, SessionCookie: true, IndexedDB: true}
	if got := readLeftovers(t, first, files); got != want {
		t.Fatalf("in the tab that left them, the probes find %+v; want %+v", got, want)
	}

	// A page of the same origin that loads nothing itself.
	second := newTab(t, 30*time.Second)
	second.open(t, "/robots.txt")
	if got := readLeftovers(t, second, files); got != (leftovers{}) {
		t.Errorf("a fresh tab finds what another tab left: %+v", got)
	}
	// The second tab's misses are the probe's: only the first's count.
	first.noErrors(t)
}
