package e2e

import (
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// hostileURLs try to run script through the URL: markup in the view's
// parameters, in foreign parameters, in the embed's options and in the
// fragment. Each payload would set window.__pwned or open a dialog.
var hostileURLs = []string{
	`/?country="><script>window.__pwned=1</script>&event=<img src=x onerror="window.__pwned=2;alert(2)">`,
	`/?x=javascript:window.__pwned=3&"><svg onload=window.__pwned=4>=1&at=2023-02-30&event=../../etc/passwd`,
	`/?country=javascript:alert(5)&at=-1&event=%00%E2%80%AE` + "#<img src=x onerror=window.__pwned=6>",
	`/embed?view=<script>window.__pwned=7</script>&theme="><img src=x onerror=window.__pwned=8>` +
		`&childId="-alert(9)-"&embedId=</script><script>window.__pwned=10</script>&country=%3Csvg%20onload%3Dalert(11)%3E`,
}

// In Chromium, no hostile URL runs script: the sentinel stays unset, no
// dialog opens, nothing is refused by the CSP (a refusal is a console
// error: it would mean markup got through), the page shows the default
// view, and its links stay http(s). Then a click in the map must not run
// anything either, with the foreign parameters carried along.
func TestHostileURLsRunNoScript(t *testing.T) {
	tb := newTab(t, 90*time.Second)
	var dialogs atomic.Int32
	chromedp.Listen(tb.ctx, func(ev any) {
		if _, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			dialogs.Add(1)
			go chromedp.Call(tb.ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	})
	for _, u := range hostileURLs {
		tb.open(t, u)
		tb.waitReady(t)
		check := func(when string) {
			t.Helper()
			got := readThreats(t, tb)
			if got.Pwned || dialogs.Load() != 0 {
				t.Errorf("%s %s: script ran (sentinel %v, %d dialogs)", u, when, got.Pwned, dialogs.Load())
			}
			if len(got.Inline)+len(got.Handlers)+len(got.Links) > 0 {
				t.Errorf("%s %s: injected markup %v, handlers %v, script links %v", u, when, got.Inline, got.Handlers, got.Links)
			}
			if got.MapDate != "2025-11-27" || got.Event != "" || (got.Card != "" && when == "on load") {
				t.Errorf("%s %s: the view is %+v, want the default", u, when, got)
			}
		}
		check("on load")
		tb.do(t, chromedp.ScrollIntoView(chromedp.CSS("#map-KAZ")), chromedp.Click(chromedp.CSS("#map-KAZ")))
		tb.waitTrue(t, `document.getElementById("country-card")?.dataset.iso === "KAZ"`, 10*time.Second)
		check("after a click")
	}
	tb.noErrors(t)
}

// threats is what readThreats finds in a page.
type threats struct {
	Pwned                   bool     // window.__pwned is set
	Inline, Handlers, Links []string // inline scripts and injected elements, on* attributes, non-http(s) links
	MapDate, Event, Card    string   // the view shown
}

func readThreats(t *testing.T, tb *tab) threats {
	t.Helper()
	return eval[threats](t, tb, `(() => ({
		Pwned: window.__pwned !== undefined,
		Inline: [...document.querySelectorAll("script:not([src]), img[src='x'], svg[onload], iframe, object, embed")].map(e => e.outerHTML.slice(0, 80)),
		Handlers: [...document.querySelectorAll("*")].flatMap(e => [...e.attributes].filter(a => a.name.startsWith("on")).map(a => e.tagName + " " + a.name)),
		Links: [...document.querySelectorAll("a[href]")].filter(a => !["http:", "https:"].includes(a.protocol)).map(a => a.getAttribute("href")),
		MapDate: document.getElementById("map-date")?.getAttribute("datetime") ?? "",
		Event: document.querySelector('[data-event][aria-current="true"]')?.dataset.event ?? "",
		Card: document.getElementById("country-card")?.dataset.iso ?? "",
	}))()`)
}

// The checks above see an injection when there is one: markup planted in
// the page is found, and the CSP's refusal to run it reaches the recorder.
func TestInjectionChecksSeeInjection(t *testing.T) {
	tb := newTab(t, 60*time.Second)
	tb.open(t, "/")
	tb.waitReady(t)
	eval[bool](t, tb, `(document.getElementById("article").insertAdjacentHTML("beforeend",
		'<img src=x onerror="window.__pwned=1"><a href="javascript:window.__pwned=2">x</a>'), true)`)
	tb.waitTrue(t, `!!document.querySelector("img[src='x']")`, 5*time.Second)
	got := readThreats(t, tb)
	if len(got.Inline) == 0 || len(got.Handlers) == 0 || len(got.Links) == 0 {
		t.Errorf("planted markup unseen: %+v", got)
	}
	// The handler would run once the image fails, after the read above:
	// read again.
	tb.do(t, chromedp.Sleep(300*time.Millisecond))
	if readThreats(t, tb).Pwned {
		t.Error("the CSP let an inline handler run")
	}
	if errs := strings.Join(tb.rec.Errors(), "\n"); !strings.Contains(errs, "Content Security Policy") {
		t.Errorf("the CSP's refusal did not reach the recorder; it has:\n%s", errs)
	}
}

// The real server's HTML: a strict policy, and nothing inline to run.
func TestServerPagesAreScriptFree(t *testing.T) {
	for _, path := range []string{"/", "/event/armenia-freezes/?country=ARM", "/at/1999/", "/embed?view=map&country=ARM"} {
		res, err := http.Get(baseURL + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		csp := res.Header.Get("Content-Security-Policy")
		for _, weak := range []string{"'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'"} {
			if strings.Contains(csp, weak) {
				t.Errorf("GET %s: the CSP allows %s: %s", path, weak, csp)
			}
		}
		if !strings.Contains(csp, "script-src 'self' 'wasm-unsafe-eval'") || !strings.Contains(csp, "default-src 'self'") {
			t.Errorf("GET %s: CSP %q", path, csp)
		}
		// Other sites: the media providers alone, and each in its place.
		for _, want := range []string{
			"img-src 'self' data: https://upload.wikimedia.org;",
			"frame-src 'self' https://www.youtube-nocookie.com https://player.vimeo.com;",
		} {
			if !strings.Contains(csp, want) {
				t.Errorf("GET %s: CSP %q lacks %q", path, csp, want)
			}
		}
		html := string(b)
		for _, s := range strings.Split(html, "<script")[1:] {
			tag := s[:strings.IndexByte(s, '>')+1]
			if !strings.Contains(tag, ` src="/`) || !strings.HasPrefix(s[len(tag):], "</script>") {
				t.Errorf("GET %s: a script that is not a same-site file: <script%.80s", path, s)
			}
		}
		for _, attr := range []string{" onclick=", " onload=", " onerror=", " onmouseover=", " onfocus=", " style="} {
			if strings.Contains(html, attr) {
				t.Errorf("GET %s: the HTML has an inline%s attribute", path, strings.TrimSuffix(attr, "="))
			}
		}
	}
}

// The browser holds the page to the CSP's list of media providers: their
// players and pictures may load (once the reader asks), nothing else from
// another site may, not even a provider's thumbnails.
func TestCSPAllowsOnlyTheMediaProviders(t *testing.T) {
	tb := newTab(t, 60*time.Second)
	tb.open(t, "/")
	tb.waitReady(t)
	refused := eval[[]string](t, tb, `new Promise(resolve => {
		const refused = [];
		document.addEventListener("securitypolicyviolation", e => refused.push(e.effectiveDirective + " " + e.blockedURI));
		for (const [tag, src] of [
			["iframe", "https://example.org/frame"],
			["img", "https://example.org/x.png"],
			["img", "https://i.ytimg.com/vi/dQw4w9WgXcQ/default.jpg"],
			["iframe", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"],
			["iframe", "https://player.vimeo.com/video/76979871"],
			["img", "https://upload.wikimedia.org/wikipedia/commons/a/a9/Example.jpg"],
			["img", "https://www.youtube-nocookie.com/x.png"],
		]) {
			const e = document.createElement(tag);
			e.src = src;
			document.body.append(e);
		}
		setTimeout(() => resolve(refused.sort()), 1500);
	})`)
	want := []string{
		"frame-src https://example.org", // a frame's report names its origin alone
		"img-src https://example.org/x.png",
		"img-src https://i.ytimg.com/vi/dQw4w9WgXcQ/default.jpg",
		"img-src https://www.youtube-nocookie.com/x.png",
	}
	if strings.Join(refused, "\n") != strings.Join(want, "\n") {
		t.Errorf("the CSP refused\n  %s\nwant\n  %s", strings.Join(refused, "\n  "), strings.Join(want, "\n  "))
	}
}
