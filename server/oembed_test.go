package server

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestOEmbed(t *testing.T) {
	h, _ := testSite(t)
	page := "http://example.com/?event=armenia-freezes&country=ARM"
	tests := []struct {
		query  string
		status int
	}{
		{"url=" + url.QueryEscape(page) + "&format=json", 200},
		{"url=" + url.QueryEscape("http://example.com/embed?view=map&theme=dark"), 200},
		{"url=" + url.QueryEscape("http://example.com/event/armenia-freezes/?country=ARM"), 200},
		{"url=" + url.QueryEscape("http://example.com/country/ARM/"), 200},
		{"url=" + url.QueryEscape("http://example.com/event/armenia-freezes/x/"), http.StatusNotFound},
		{"url=" + url.QueryEscape(page) + "&format=xml", http.StatusNotImplemented},
		{"url=" + url.QueryEscape("http://other.example/"), http.StatusNotFound},
		{"url=" + url.QueryEscape("http://example.com/web/app.wasm"), http.StatusNotFound},
		{"url=" + url.QueryEscape("javascript:alert(1)"), http.StatusNotFound},
		{"format=json", http.StatusBadRequest},
	}
	for _, tt := range tests {
		res := get(t, h, "/oembed?"+tt.query)
		if res.StatusCode != tt.status {
			t.Errorf("oembed?%s: status %d, want %d", tt.query, res.StatusCode, tt.status)
		}
	}
	res := get(t, h, "/oembed?url="+url.QueryEscape(page)+"&maxwidth=600&maxheight=500")
	var o oembedResponse
	if err := json.Unmarshal([]byte(body(t, res)), &o); err != nil {
		t.Fatal(err)
	}
	if o.Type != "rich" || o.Version != "1.0" || o.Width != 600 || o.Height != 500 || o.ProviderName == "" || o.Title == "" {
		t.Errorf("response %+v", o)
	}
	for _, want := range []string{`<iframe src="http://example.com/embed?event=armenia-freezes&amp;country=ARM"`, `title="`, `loading="lazy"`} {
		if !strings.Contains(o.HTML, want) {
			t.Errorf("html lacks %s: %s", want, o.HTML)
		}
	}
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type %q", ct)
	}
}

func TestOEmbedDiscoveryOnEveryPage(t *testing.T) {
	h, _ := testSite(t)
	for _, path := range []string{"/", "/embed?view=timeline", "/event/armenia-freezes/?junk=%3Cx%3E"} {
		html := body(t, get(t, h, path))
		i := strings.Index(html, `<link rel="alternate" type="application/json+oembed" href="http://example.com/oembed?url=http%3A%2F%2Fexample.com%2F`)
		if i < 0 || i > strings.Index(html, "</head>") {
			t.Errorf("%s: no oEmbed discovery link in the head", path)
		}
		if strings.Contains(html, "<x>") {
			t.Errorf("%s: a query value reached the page unescaped", path)
		}
	}
}

func TestFramingPolicy(t *testing.T) {
	h, _ := testSite(t)
	embed := get(t, h, "/embed?view=map").Header
	if csp := embed.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors *") || embed.Get("X-Frame-Options") != "" {
		t.Errorf("/embed should be framable by anyone: CSP %q XFO %q", csp, embed.Get("X-Frame-Options"))
	}
	for _, path := range []string{"/", "/web/explainer.css", "/oembed?format=json"} {
		hd := get(t, h, path).Header
		if csp := hd.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'self'") || hd.Get("X-Frame-Options") != "SAMEORIGIN" {
			t.Errorf("%s may be framed by others: CSP %q", path, csp)
		}
	}
	narrow := withHeaders(http.NotFoundHandler(), "https://news.example")
	if csp := get(t, narrow, "/embed").Header.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors https://news.example;") && !strings.HasSuffix(csp, "frame-ancestors https://news.example") {
		t.Errorf("narrowed CSP %q", csp)
	}
	for _, bad := range []string{"", "https://a; script-src *", "a,b", "x\ny"} {
		if checkAncestors(bad) == nil {
			t.Errorf("checkAncestors(%q) accepted", bad)
		}
	}
}
