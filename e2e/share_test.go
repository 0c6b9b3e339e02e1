package e2e

import (
	"bytes"
	"image"
	"image/png"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"golang.org/x/net/html"
)

// Each view's canonical path is the explainer at that view: in the
// server's HTML before the app runs, and in the app.
func TestCanonicalPagesShowTheirView(t *testing.T) {
	for _, tt := range []struct {
		path, event, date, card string
	}{
		{"/event/armenia-freezes/", "armenia-freezes", "2024-02-22", ""},
		{"/country/AZE/", "", "2025-11-27", "AZE"},
		{"/at/1999-06-01/", "", "1999-06-01", ""},
		{"/at/1999-06/", "", "1999-06-30", ""},
		{"/country/ARM/?at=2024-02", "", "2024-02-29", "ARM"},
	} {
		t.Run(strings.Trim(tt.path, "/"), func(t *testing.T) {
			want := shownView{Event: tt.event, MapDate: tt.date, Card: tt.card, URL: tt.path}
			read := func(tb *tab) shownView {
				v := readView(t, tb)
				v.Paragraph, v.ARM = "", ""
				return v
			}
			html := newTab(t, 30*time.Second)
			disableScripts(t, html)
			html.open(t, tt.path)
			if v := read(html); v != want {
				t.Errorf("the server's page shows %+v, want %+v", v, want)
			}
			tb := newTab(t, 60*time.Second)
			tb.open(t, tt.path)
			tb.waitReady(t)
			if v := read(tb); v != want {
				t.Errorf("the app shows %+v, want %+v", v, want)
			}
			if title := eval[string](t, tb, `document.title`); title == "" || strings.Contains(title, "Bishkek - explained") {
				t.Errorf("the tab's title %q does not say the view", title)
			}
			tb.noErrors(t)
		})
	}
}

// A choice of the reader moves to the chosen view's canonical path, in a
// plain link before the app runs and by navigation after; Back returns.
func TestChoicesNavigateToCanonicalPaths(t *testing.T) {
	tb := newTab(t, 60*time.Second)
	tb.open(t, "/")
	tb.waitReady(t)
	if href := eval[string](t, tb, `document.querySelector('.mention-country[data-iso="ARM"]').getAttribute("href")`); href != "/country/ARM/" {
		t.Errorf("the article's Armenia links to %q, want /country/ARM/", href)
	}
	tb.do(t, chromedp.Click(chromedp.CSS(`#timeline [data-event="armenia-freezes"]`)))
	tb.waitTrue(t, `location.pathname === "/event/armenia-freezes/" && location.search === ""`, 10*time.Second)
	// The links start from the view shown: they catch up with it just
	// after the frame that shows the choice.
	tb.waitTrue(t, `document.querySelector('.mention-country[data-iso="ARM"]').getAttribute("href") === "/event/armenia-freezes/?country=ARM"`, 5*time.Second)
	tb.do(t, chromedp.ScrollIntoView(chromedp.CSS("#map-KAZ")), chromedp.Click(chromedp.CSS("#map-KAZ")))
	tb.waitTrue(t, `location.pathname === "/event/armenia-freezes/" && location.search === "?country=KAZ" &&
		document.getElementById("country-card")?.dataset.iso === "KAZ"`, 10*time.Second)
	tb.waitTrue(t, `document.querySelector('#timeline [data-event="armenia-freezes"]').getAttribute("href") === "/event/armenia-freezes/?country=KAZ" &&
		(links => links.length > 0 && links.every(a => a.getAttribute("href").endsWith("/?country=KAZ")))([...document.querySelectorAll(".mention-date[data-event-link]")])`, 5*time.Second)
	if title := eval[string](t, tb, `document.title`); title != "22 February 2024: Armenia freezes its participation" {
		t.Errorf("title %q", title)
	}
	tb.do(t, chromedp.NavigateBack())
	tb.waitTrue(t, `location.pathname === "/event/armenia-freezes/" && location.search === "" && !document.getElementById("country-card")`, 10*time.Second)
	tb.do(t, chromedp.NavigateBack())
	tb.waitTrue(t, `location.pathname === "/" && !document.querySelector('[data-event][aria-current="true"]')`, 10*time.Second)
	tb.noErrors(t)
}

// staticSiteWithOrigin exports the site for the origin of a plain file
// server and serves it there; it returns the site's URL.
func staticSiteWithOrigin(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	origin := "http://" + ln.Addr().String()
	// The content names no 1 June 1999: the editor asks for its page.
	out := exportSiteAt(t, "", origin, "-view", "/?at=1999-06-01")
	ts := httptest.NewUnstartedServer(htmlFallback(out, http.FileServer(http.Dir(out))))
	ts.Listener.Close()
	ts.Listener = ln
	ts.Start()
	t.Cleanup(ts.Close)
	return origin
}

// previewTags reads the link preview tags of a page's head with an HTML
// parser: meta content by property or name, link href by "link:"+rel.
func previewTags(t *testing.T, page []byte) map[string]string {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	tags := map[string]string{}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data != "body" {
			attr := map[string]string{}
			for _, a := range n.Attr {
				attr[a.Key] = a.Val
			}
			switch {
			case n.Data == "meta" && attr["property"] != "":
				tags[attr["property"]] = attr["content"]
			case n.Data == "meta" && attr["name"] != "":
				tags[attr["name"]] = attr["content"]
			case n.Data == "link" && attr["rel"] == "canonical":
				tags["link:canonical"] = attr["href"]
			}
		}
		if n.Type == html.ElementNode && n.Data == "body" {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return tags
}

// The export with -origin, behind a plain file server: every canonical
// page names itself and its own card absolutely, and the card is there, a
// 1200 x 630 PNG of its own. The query form of a view ends, in the
// browser, on its canonical address, with no new history entry.
func TestSharedViewsOnAStaticHost(t *testing.T) {
	site := staticSiteWithOrigin(t)
	client := &http.Client{Timeout: 30 * time.Second}
	fetch := func(u string) (*http.Response, []byte) {
		res, err := client.Get(u)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, err := io.ReadAll(res.Body)
		if err != nil {
			t.Fatal(err)
		}
		return res, b
	}
	cards := map[string]string{}
	for path, title := range map[string]string{
		"/":                       "Armenia Refuses to Attend CSTO Summit in Bishkek - explained",
		"/event/armenia-freezes/": "22 February 2024: Armenia freezes its participation",
		"/country/AZE/":           "Azerbaijan: member, former member",
		"/at/1999/":               "1999: the CSTO's members",
		"/at/1999-06-01/":         "1 June 1999: the CSTO's members",
	} {
		res, page := fetch(site + path)
		if res.StatusCode != 200 {
			t.Fatalf("GET %s: %s", path, res.Status)
		}
		tags := previewTags(t, page)
		for k, want := range map[string]string{
			"og:url": site + path, "link:canonical": site + path, "og:title": title,
			"og:image:width": "1200", "og:image:height": "630", "twitter:card": "summary_large_image",
		} {
			if tags[k] != want {
				t.Errorf("%s: %s = %q, want %q", path, k, tags[k], want)
			}
		}
		img := tags["og:image"]
		if !strings.HasPrefix(img, site+"/card/") || tags["og:image:alt"] == "" || tags["og:description"] == "" {
			t.Errorf("%s: og:image %q, alt %q, description %q", path, img, tags["og:image:alt"], tags["og:description"])
			continue
		}
		res, b := fetch(img)
		if res.StatusCode != 200 || res.Header.Get("Content-Type") != "image/png" {
			t.Errorf("%s: GET %s: %s %q", path, img, res.Status, res.Header.Get("Content-Type"))
			continue
		}
		cfg, err := png.DecodeConfig(bytes.NewReader(b))
		if err != nil || (image.Point{cfg.Width, cfg.Height}) != (image.Point{1200, 630}) {
			t.Errorf("%s: the card is %dx%d (%v), want 1200x630", path, cfg.Width, cfg.Height, err)
		}
		if other, ok := cards[string(b)]; ok {
			t.Errorf("%s has the card of %s", path, other)
		}
		cards[string(b)] = path
	}

	tb := newTab(t, 90*time.Second)
	tb.open(t, site+"/")
	tb.waitReady(t)
	tb.open(t, site+"/?event=armenia-freezes")
	tb.waitReady(t)
	tb.waitTrue(t, `location.pathname === "/event/armenia-freezes/" && location.search === ""`, 10*time.Second)
	if v := readView(t, tb); v.Event != "armenia-freezes" || v.MapDate != "2024-02-22" || v.ARM != "frozen" {
		t.Errorf("the query form on a static host shows %+v", v)
	}
	// Back leaves the page for the one before: the query form left no
	// entry of its own. (history.back, not chromedp's NavigateBack, which
	// waits for a load event the back-forward cache may not send.)
	eval[bool](t, tb, `(history.back(), true)`)
	deadline := time.Now().Add(20 * time.Second)
	for {
		// The document changes under a poll in the page: ask the browser.
		loc, err := chromedp.Run(tb.ctx, chromedp.Location())
		if err == nil && loc == site+"/" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("Back went to %q (%v), want %s/", loc, err, site)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// On the hosts of deploy/, a view the export did not write (a day no
// content names) is the app at that view, from 404.html.
func TestUnexportedViewOnStaticHosts(t *testing.T) {
	root := exportSite(t, "")
	for _, host := range staticHosts {
		t.Run(host.name, func(t *testing.T) {
			site := host.start(t, root)
			res := getRaw(t, site+"/at/1999-06-15/", browserEncodings)
			if res.StatusCode != http.StatusNotFound || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
				t.Errorf("GET /at/1999-06-15/: %s %q, want the app's page with a 404", res.Status, res.Header.Get("Content-Type"))
			}
			if res := getRaw(t, site+"/missing/", browserEncodings); strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
				t.Errorf("GET /missing/: the app's page outside the views' folders")
			}
			tb := newTab(t, 60*time.Second)
			tb.open(t, site+"/at/1999-06-15/")
			tb.waitReady(t)
			if v := readView(t, tb); v.MapDate != "1999-06-15" || v.URL != "/at/1999-06-15/" {
				t.Errorf("shows %+v, want the map on 15 June 1999", v)
			}
		})
	}
}
