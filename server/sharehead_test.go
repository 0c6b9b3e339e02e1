package server

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"explainer/app/content"
	"explainer/app/geo"
	"explainer/app/membership"
	"explainer/app/view"
	"explainer/components"
	"explainer/internal/card"
)

// headTags reads a page's head with an HTML parser: each <meta>'s content
// by its property or name, each <link>'s href by its rel, and the title.
func headTags(t *testing.T, page []byte) map[string][]string {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	tags := map[string][]string{}
	var walk func(n *html.Node, inHead bool)
	walk = func(n *html.Node, inHead bool) {
		if n.Type == html.ElementNode {
			attr := map[string]string{}
			for _, a := range n.Attr {
				attr[a.Key] = a.Val
			}
			switch {
			case n.Data == "head":
				inHead = true
			case !inHead:
			case n.Data == "meta" && attr["property"] != "":
				tags[attr["property"]] = append(tags[attr["property"]], attr["content"])
			case n.Data == "meta" && attr["name"] != "":
				tags[attr["name"]] = append(tags[attr["name"]], attr["content"])
			case n.Data == "link":
				tags["link:"+attr["rel"]] = append(tags["link:"+attr["rel"]], attr["href"])
			case n.Data == "title" && n.FirstChild != nil:
				tags["title"] = append(tags["title"], n.FirstChild.Data)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inHead)
		}
	}
	walk(doc, false)
	return tags
}

// viewTags are the link preview tags each view's page must carry, with the
// site's base (origin and prefix) as "BASE".
var viewTags = []struct {
	path string
	want map[string]string
}{
	{"/", map[string]string{
		"title":          "Armenia Refuses to Attend CSTO Summit in Bishkek - explained",
		"og:title":       "Armenia Refuses to Attend CSTO Summit in Bishkek - explained",
		"og:url":         "BASE/",
		"link:canonical": "BASE/",
		"og:image":       "BASE/card/explainer.png",
		"og:image:alt":   "Map of the CSTO's member states on 27 November 2025. Armenia Refuses to Attend CSTO Summit in Bishkek - explained",
		"og:description": "Why Armenia stayed away from the CSTO summit in Bishkek: the article, a map of who was in the alliance at any date since 1991, and a sourced timeline of Armenia's estrangement.",
	}},
	{"/event/armenia-freezes/", map[string]string{
		"title":          "22 February 2024: Armenia freezes its participation",
		"og:title":       "22 February 2024: Armenia freezes its participation",
		"og:url":         "BASE/event/armenia-freezes/",
		"link:canonical": "BASE/event/armenia-freezes/",
		"og:image":       "BASE/card/event/armenia-freezes.png",
		"og:image:alt":   "Map of the CSTO's member states on 22 February 2024. 22 February 2024: Armenia freezes its participation",
		"og:description": "Pashinyan tells France 24, in an interview broadcast on 22 February and reported the next day, that Armenia has frozen its participation in the CSTO. The Kremlin says Armenia has taken no official step, so it remains…",
	}},
	{"/country/AZE/", map[string]string{
		"title":          "Azerbaijan: member, former member",
		"og:title":       "Azerbaijan: member, former member",
		"og:url":         "BASE/country/AZE/",
		"link:canonical": "BASE/country/AZE/",
		"og:image":       "BASE/card/country/AZE.png",
		"og:image:alt":   "Map of the CSTO's member states on 27 November 2025. Azerbaijan: member, former member",
	}},
	{"/at/1999-06-01/", map[string]string{
		"title":          "1 June 1999: the CSTO's members",
		"og:title":       "1 June 1999: the CSTO's members",
		"og:url":         "BASE/at/1999-06-01/",
		"link:canonical": "BASE/at/1999-06-01/",
		"og:image":       "BASE/card/at/1999-06-01.png",
		"og:description": "Members: Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia, Tajikistan.",
	}},
	{"/at/1999/", map[string]string{
		"og:title":       "1999: the CSTO's members",
		"og:url":         "BASE/at/1999/",
		"og:image":       "BASE/card/at/1999.png",
		"og:image:alt":   "Map of the CSTO's member states at the end of 1999. 1999: the CSTO's members",
		"og:description": "Members: Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia, Tajikistan.",
	}},
	{"/at/1999-04-20/", map[string]string{
		"og:title": "20 April 1999: the CSTO's members",
		"og:url":   "BASE/at/1999-04-20/",
		"og:image": "BASE/card/at/1999-04-20.png",
	}},
	{"/country/ARM/?at=2024-02", map[string]string{
		"og:title":       "Armenia: member, participation frozen",
		"og:url":         "BASE/country/ARM/?at=2024-02",
		"link:canonical": "BASE/country/ARM/?at=2024-02",
		"og:image":       "BASE/card/country/ARM.png?at=2024-02",
	}},
}

// checkViewTags checks a page's head: every preview tag once, with its
// value, and none of go-app's own Open Graph tags left.
func checkViewTags(t *testing.T, where string, page []byte, base string, want map[string]string) {
	t.Helper()
	tags := headTags(t, page)
	fixed := map[string]string{
		"og:type":           "website",
		"og:site_name":      "Armenia and the CSTO, explained",
		"og:image:type":     "image/png",
		"og:image:width":    "1200",
		"og:image:height":   "630",
		"twitter:card":      "summary_large_image",
		"twitter:image:alt": tags["og:image:alt"][0],
		"description":       tags["og:description"][0],
	}
	for k, v := range want {
		fixed[k] = strings.ReplaceAll(v, "BASE", base)
	}
	for _, k := range []string{"og:description", "og:image:alt"} {
		if len(tags[k]) != 1 || tags[k][0] == "" {
			t.Errorf("%s: %s = %q, want one non-empty value", where, k, tags[k])
		}
	}
	for k, v := range fixed {
		if got := tags[k]; len(got) != 1 || got[0] != v {
			t.Errorf("%s: %s = %q, want %q", where, k, got, v)
		}
	}
	for _, k := range []string{"og:url", "og:image", "link:canonical"} {
		if v := tags[k]; len(v) != 1 || !strings.HasPrefix(v[0], base+"/") {
			t.Errorf("%s: %s = %q is not an absolute URL under %s", where, k, v, base)
		}
	}
}

func TestViewHeadServed(t *testing.T) {
	h, _ := testSite(t)
	for _, tt := range viewTags {
		res := get(t, h, tt.path)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %d", tt.path, res.StatusCode)
		}
		// No -origin: the request's host.
		checkViewTags(t, tt.path, []byte(body(t, res)), "http://example.com", tt.want)
	}
	_, dir := testSite(t)
	a, _ := loadAssets(dir)
	s, _ := newSite("https://explainer.example", "")
	h = newServer(a, s, frameAnyone)
	for _, tt := range viewTags {
		res := get(t, h, tt.path)
		checkViewTags(t, tt.path+" (-origin)", []byte(body(t, res)), "https://explainer.example", tt.want)
	}
}

// The export, with -origin and a prefix, writes each view's page with the
// same tags, absolute under the prefix; and each card they name.
func TestViewHeadExported(t *testing.T) {
	routesOnce.Do(components.Routes)
	a, err := loadAssets(webWithFakeWasm(t))
	if err != nil {
		t.Fatal(err)
	}
	s, _ := newSite("https://explainer.example", "/csto")
	out := t.TempDir()
	// The content does not name 1 June 1999: the editor asks for it.
	asked, err := exportView("/?at=1999-06-01", content.Default())
	if err != nil {
		t.Fatal(err)
	}
	if err := export(out, s, a, exportOptions{views: []view.View{asked}}, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	for _, tt := range viewTags {
		if strings.Contains(tt.path, "?") {
			continue // the export writes the views' subject pages
		}
		page, err := os.ReadFile(filepath.Join(out, exportFile(tt.path)))
		if err != nil {
			t.Fatal(err)
		}
		checkViewTags(t, "export "+tt.path, page, "https://explainer.example/csto", tt.want)
		img := strings.TrimPrefix(headTags(t, page)["og:image"][0], "https://explainer.example/csto/")
		if _, err := os.Stat(filepath.Join(out, img)); err != nil {
			t.Errorf("export %s: its card %s was not written: %v", tt.path, img, err)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "404.html")); err != nil {
		t.Error("no 404.html")
	}
	// The pages' links to views are under the prefix, once: a reader
	// without JavaScript follows them.
	page, err := os.ReadFile(filepath.Join(out, "event", "armenia-freezes", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(page, []byte(`href="/csto/event/armenia-freezes/?country=ARM"`)) || bytes.Contains(page, []byte(`"/csto/csto/`)) {
		t.Error("the exported page's links to views are not each under the prefix once")
	}
}

// The query forms of every view, and paths said another way, are
// redirected for good to the canonical path, keeping foreign parameters.
func TestQueryFormsRedirectToCanonicalPaths(t *testing.T) {
	h, _ := testSite(t)
	_, dir := testSite(t)
	a, _ := loadAssets(dir)
	s, _ := newSite("", "/csto")
	prefixed := newServer(a, s, frameAnyone)
	for from, to := range map[string]string{
		"/?event=armenia-freezes":               "/event/armenia-freezes/",
		"/?country=AZE":                         "/country/AZE/",
		"/?country=aze":                         "/country/AZE/",
		"/?at=1999-06-01":                       "/at/1999-06-01/",
		"/?at=1999-06":                          "/at/1999-06/",
		"/?event=armenia-freezes&country=ARM":   "/event/armenia-freezes/?country=ARM",
		"/?country=ARM&at=2024-02":              "/country/ARM/?at=2024-02",
		"/?utm_source=x&event=armenia-freezes":  "/event/armenia-freezes/?utm_source=x",
		"/event/armenia-freezes":                "/event/armenia-freezes/",
		"/country/aze/":                         "/country/AZE/",
		"/event/no-such-event/?country=ARM":     "/country/ARM/",
		"/at/2025-11-27/":                       "/",
		"/at/1999-02-30/":                       "/",
		"/?event=armenia-freezes&at=not-a-date": "/event/armenia-freezes/",
	} {
		for _, tt := range []struct {
			h      http.Handler
			prefix string
		}{{h, ""}, {prefixed, "/csto"}} {
			res := get(t, tt.h, from)
			if res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != tt.prefix+to {
				t.Errorf("GET %s (prefix %q): %d to %q, want 301 to %q", from, tt.prefix, res.StatusCode, res.Header.Get("Location"), tt.prefix+to)
			}
		}
	}
	// A date outside the map's range is not redirected: the app names the
	// date asked for, from the address, and replaces the address itself.
	for _, path := range []string{"/?at=1990-06-01", "/at/1990-06-01/", "/?country=ARM&at=2030"} {
		res := get(t, h, path)
		if res.StatusCode != http.StatusOK {
			t.Errorf("GET %s: %d, want 200", path, res.StatusCode)
			continue
		}
		if tags := headTags(t, []byte(body(t, res))); !strings.HasPrefix(tags["link:canonical"][0], "http://example.com/") ||
			strings.Contains(tags["link:canonical"][0], "1990") || strings.Contains(tags["link:canonical"][0], "2030") {
			t.Errorf("GET %s: canonical %q, want the clamped day's path", path, tags["link:canonical"])
		}
	}
	for _, path := range []string{"/", "/event/armenia-freezes/", "/country/AZE/", "/at/1999-06-01/", "/?utm_source=x", "/embed?event=armenia-freezes"} {
		if res := get(t, h, path); res.StatusCode != http.StatusOK {
			t.Errorf("GET %s: %d, want 200", path, res.StatusCode)
		}
	}
	for _, path := range []string{"/event/", "/event/a/b/", "/country//", "/at/1999-06-01//", "/events/armenia-freezes/"} {
		if res := get(t, h, path); res.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", path, res.StatusCode)
		}
	}
}

// A hostile Host never reaches the page: the preview falls back to
// localhost.
func TestHostileHostIsNotReflected(t *testing.T) {
	h, _ := testSite(t)
	for _, host := range []string{`evil.example"><script>`, "a b", "x.example:99999", "[::1", "ex ample", "-bad.example", "x..y"} {
		r := httptest.NewRequest(http.MethodGet, "/event/armenia-freezes/", nil)
		r.Host = host
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		page := w.Body.String()
		if strings.Contains(page, "<script>") || strings.Contains(page, "99999") {
			t.Errorf("Host %q reached the page", host)
		}
		if tags := headTags(t, []byte(page)); len(tags["og:url"]) != 1 || tags["og:url"][0] != "http://localhost/event/armenia-freezes/" {
			t.Errorf("Host %q: og:url %q", host, tags["og:url"])
		}
	}
	for _, host := range []string{"explainer.example", "explainer.example:8443", "127.0.0.1:8000", "[::1]:8000", "LOCALHOST"} {
		if !validHost(host) {
			t.Errorf("validHost(%q) = false", host)
		}
	}
}

// Every og:image answers a 1200 x 630 PNG, different for each view, with
// Armenia (where the card's inset draws it) in its status's colour for the
// date; and a second request with its ETag costs a 304.
func TestCardsOfViews(t *testing.T) {
	h, _ := testSite(t)
	arm, _ := geo.Lookup("ARM")
	x, y := card.InsetPoint(arm.InsetLabel)
	seen := map[string]string{}
	for _, tt := range []struct {
		page   string
		status membership.Status
	}{
		{"/", membership.Frozen},
		{"/event/armenia-freezes/", membership.Frozen},
		{"/country/AZE/", membership.Frozen},
		{"/at/1999-06-01/", membership.Member},
		{"/at/2020/", membership.Member},
		{"/country/ARM/?at=2024-02", membership.Frozen},
		{"/country/ARM/?at=2020-01", membership.Member},
	} {
		src := headTags(t, []byte(body(t, get(t, h, tt.page))))["og:image"][0]
		path := strings.TrimPrefix(src, "http://example.com")
		res := get(t, h, path)
		b := []byte(body(t, res))
		if res.StatusCode != 200 || res.Header.Get("Content-Type") != "image/png" || res.Header.Get("ETag") == "" ||
			res.Header.Get("Cache-Control") != pageCacheControl {
			t.Fatalf("GET %s: %d %q ETag %q Cache-Control %q", path, res.StatusCode, res.Header.Get("Content-Type"), res.Header.Get("ETag"), res.Header.Get("Cache-Control"))
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if img.Bounds() != image.Rect(0, 0, 1200, 630) {
			t.Errorf("%s: %v, want 1200 x 630", path, img.Bounds())
		}
		if other, ok := seen[string(b)]; ok {
			t.Errorf("%s is the same image as %s", path, other)
		}
		seen[string(b)] = path
		colours := map[color.RGBA]bool{}
		for dy := -3; dy <= 3; dy++ {
			for dx := -3; dx <= 3; dx++ {
				r, g, b, _ := img.At(int(x)+dx, int(y)+dy).RGBA()
				colours[color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 0xff}] = true
			}
		}
		if !colours[card.StatusColour[tt.status]] || tt.status == membership.Member && colours[card.StatusColour[membership.Frozen]] {
			t.Errorf("%s: Armenia's pixels %v lack the %s colour", path, colours, tt.status)
		}
		if res := get(t, h, path, "If-None-Match", res.Header.Get("ETag")); res.StatusCode != http.StatusNotModified {
			t.Errorf("GET %s with its ETag: %d", path, res.StatusCode)
		}
	}
	for _, bad := range []string{"/card/event/nope.png", "/card/country/arm.png", "/card/explainer.png?utm_source=x", "/card/", "/card/at/2025-11-27.png"} {
		if res := get(t, h, bad); res.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", bad, res.StatusCode)
		}
	}
}
