package server

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"explainer/app/media"
)

// ---- A small HTML tokenizer, reading attributes as a browser does ----

// htmlTag is a start tag with its attributes in document order.
type htmlTag struct {
	name  string
	attrs [][2]string // name (lower case), value
	body  string      // for script and style: the raw text inside
}

func (t htmlTag) attr(name string) (string, bool) {
	for _, a := range t.attrs {
		if a[0] == name {
			return a[1], true
		}
	}
	return "", false
}

// parseHTML splits a page into start tags and text runs. A double-quoted
// attribute value ends at the next double quote, backslash or not, as in a
// browser: so a quote that reached a value unescaped shows up as the broken
// attribute it is.
func parseHTML(s string) (tags []htmlTag, texts []string) {
	i := 0
	text := func(t string) {
		if t = strings.TrimSpace(t); t != "" {
			texts = append(texts, t)
		}
	}
	for i < len(s) {
		lt := strings.IndexByte(s[i:], '<')
		if lt < 0 {
			text(s[i:])
			break
		}
		text(s[i : i+lt])
		i += lt
		switch {
		case strings.HasPrefix(s[i:], "<!--"):
			end := strings.Index(s[i:], "-->")
			if end < 0 {
				return
			}
			i += end + 3
			continue
		case strings.HasPrefix(s[i:], "<!"), strings.HasPrefix(s[i:], "</"):
			end := strings.IndexByte(s[i:], '>')
			if end < 0 {
				return
			}
			i += end + 1
			continue
		case i+1 < len(s) && isLetter(s[i+1]):
		default:
			text("<")
			i++
			continue
		}
		i++ // '<'
		start := i
		for i < len(s) && !isSpace(s[i]) && s[i] != '>' && s[i] != '/' {
			i++
		}
		tag := htmlTag{name: strings.ToLower(s[start:i])}
		for i < len(s) {
			for i < len(s) && (isSpace(s[i]) || s[i] == '/') {
				i++
			}
			if i >= len(s) || s[i] == '>' {
				i++
				break
			}
			start := i
			i++ // an attribute name may start with any character but these
			for i < len(s) && !isSpace(s[i]) && s[i] != '>' && s[i] != '/' && s[i] != '=' {
				i++
			}
			name := strings.ToLower(s[start:i])
			for i < len(s) && isSpace(s[i]) {
				i++
			}
			value := ""
			if i < len(s) && s[i] == '=' {
				i++
				for i < len(s) && isSpace(s[i]) {
					i++
				}
				if i < len(s) && (s[i] == '"' || s[i] == '\'') {
					q := s[i]
					end := strings.IndexByte(s[i+1:], q)
					if end < 0 {
						end = len(s) - i - 1
					}
					value = s[i+1 : i+1+end]
					i += end + 2
				} else {
					start := i
					for i < len(s) && !isSpace(s[i]) && s[i] != '>' {
						i++
					}
					value = s[start:i]
				}
			}
			tag.attrs = append(tag.attrs, [2]string{name, value})
		}
		if tag.name == "script" || tag.name == "style" {
			end := strings.Index(strings.ToLower(s[min(i, len(s)):]), "</"+tag.name)
			if end < 0 {
				end = len(s) - min(i, len(s))
			}
			tag.body = s[min(i, len(s)) : min(i, len(s))+end]
			i += end
		}
		tags = append(tags, tag)
	}
	return tags, texts
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isSpace(c byte) bool  { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// urlAttributes hold URLs a browser follows or runs.
var urlAttributes = map[string]bool{"href": true, "src": true, "action": true, "formaction": true,
	"xlink:href": true, "data": true, "poster": true, "cite": true, "srcset": true}

// htmlProblems lists what would let markup run script in a page: inline
// scripts, script from elsewhere, event-handler attributes, inline styles
// (the CSP refuses them) and script URLs.
func htmlProblems(page string) []string {
	tags, _ := parseHTML(page)
	var bad []string
	for _, t := range tags {
		switch t.name {
		case "script":
			src, ok := t.attr("src")
			if !ok || strings.TrimSpace(t.body) != "" {
				bad = append(bad, fmt.Sprintf("inline script: %.80q", t.body))
			} else if !strings.HasPrefix(src, "/") || strings.HasPrefix(src, "//") {
				bad = append(bad, "script from another site: "+src)
			}
		case "style":
			bad = append(bad, "inline <style> element")
		case "iframe", "object", "embed", "base", "form", "meta":
			if t.name == "meta" {
				if v, _ := t.attr("http-equiv"); v == "" {
					continue
				}
			}
			bad = append(bad, "unexpected <"+t.name+"> element")
		}
		for _, a := range t.attrs {
			name, value := a[0], a[1]
			switch {
			case strings.HasPrefix(name, "on"):
				bad = append(bad, fmt.Sprintf("event handler attribute <%s %s=%q>", t.name, name, value))
			case name == "style":
				bad = append(bad, fmt.Sprintf("inline style <%s style=%q>", t.name, value))
			case strings.ContainsAny(name, `"'<>\`):
				bad = append(bad, fmt.Sprintf("broken attribute name <%s %s>", t.name, name))
			case urlAttributes[name]:
				v := strings.ToLower(strings.Map(func(r rune) rune {
					if r <= ' ' {
						return -1
					}
					return r
				}, value))
				for _, scheme := range []string{"javascript:", "vbscript:", "data:text"} {
					if strings.HasPrefix(v, scheme) {
						bad = append(bad, fmt.Sprintf("script URL <%s %s=%q>", t.name, name, value))
					}
				}
			}
		}
	}
	return bad
}

// The parser must see what a browser sees, or the checks above mean little.
func TestParseHTMLReadsAttributesAsABrowserDoes(t *testing.T) {
	page := `<!doctype html><p title="a\" onclick=\"x" class=c>t &amp; u</p><script src="/a.js"></script>` +
		`<script>alert(1)</script><a href=' javascript:x'>l</a><img alt=x onerror="y"><b style="color:red">z</b>` +
		`<i title="caf\u00e9">w</i>`
	tags, texts := parseHTML(page)
	// title="a\" ends at the quote after the backslash; onclick follows.
	if len(tags) != 7 || tags[0].name != "p" || len(tags[0].attrs) != 3 || tags[0].attrs[1] != [2]string{"onclick", `\"x"`} {
		t.Errorf("tags %+v", tags)
	}
	if strings.Join(texts, "|") != "t &amp; u|l|z|w" {
		t.Errorf("texts %q", texts)
	}
	want := []string{"inline script", "script URL", "event handler", "inline style"}
	got := strings.Join(htmlProblems(page), "\n")
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("htmlProblems missed %q; found:\n%s", w, got)
		}
	}
	if p := htmlProblems(`<!doctype html><html lang="en"><script defer src="/app.js"></script><a href="?x=1&amp;y=2">a</a></html>`); len(p) != 0 {
		t.Errorf("a clean page has problems: %v", p)
	}
}

// ---- The server's pages ----

// getRaw sends a GET for path with rawQuery exactly as given: bytes a
// browser would have escaped are sent as they are.
func getRaw(h http.Handler, path, rawQuery string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(http.MethodGet, path, nil)
	r.URL.RawQuery = rawQuery
	r.RequestURI = path + "?" + rawQuery
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func TestPagesHaveNoInlineScriptOrHandlers(t *testing.T) {
	h, _ := testSite(t)
	for _, path := range []string{"/", "/event/armenia-freezes/?country=ARM", "/country/GEO/?at=1996-06-30", "/at/1999-06/",
		"/embed?view=all&event=armenia-freezes&country=ARM", "/embed?view=map&theme=dark"} {
		res := get(t, h, path)
		page := body(t, res)
		if res.StatusCode != http.StatusOK {
			t.Errorf("GET %s: %d", path, res.StatusCode)
			continue
		}
		for _, p := range htmlProblems(page) {
			t.Errorf("GET %s: %s", path, p)
		}
		if tags, _ := parseHTML(page); len(tags) < 200 {
			t.Errorf("GET %s: only %d elements parsed", path, len(tags))
		}
	}
}

// cspDirectives splits a Content-Security-Policy into its directives.
func cspDirectives(csp string) map[string][]string {
	d := map[string][]string{}
	for _, part := range strings.Split(csp, ";") {
		f := strings.Fields(part)
		if len(f) > 0 {
			d[strings.ToLower(f[0])] = f[1:]
		}
	}
	return d
}

// checkCSP returns what is wrong with a page's policy: anything that lets
// inline or injected script run, or loads from other sites.
func checkCSP(csp string) []string {
	var bad []string
	d := cspDirectives(csp)
	if strings.Join(d["default-src"], " ") != "'self'" {
		bad = append(bad, "default-src is not 'self'")
	}
	scripts, ok := d["script-src"]
	if !ok {
		scripts = d["default-src"]
	}
	for name, sources := range d {
		for _, s := range sources {
			switch strings.ToLower(s) {
			case "'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'strict-dynamic'":
				bad = append(bad, name+" allows "+s)
			case "*", "http:", "https:", "data:", "blob:":
				if name != "img-src" && name != "frame-ancestors" || name == "img-src" && s != "data:" {
					bad = append(bad, name+" allows "+s)
				}
			}
		}
	}
	for _, s := range scripts {
		if s != "'self'" && s != "'wasm-unsafe-eval'" {
			bad = append(bad, "script-src allows "+s)
		}
	}
	// Other sites: the media providers alone, players in frames and
	// pictures as images, and nowhere else.
	allowed := map[string]map[string]bool{"img-src": {}, "frame-src": {}}
	for _, p := range media.Providers() {
		if p.Video {
			allowed["frame-src"][p.Origin] = true
		} else {
			allowed["img-src"][p.Origin] = true
		}
	}
	for name, sources := range d {
		for _, s := range sources {
			if strings.Contains(s, "://") && !allowed[name][s] {
				bad = append(bad, name+" allows "+s)
			}
		}
		if allowed[name] != nil && name != "frame-ancestors" {
			for origin := range allowed[name] {
				if !slices.Contains(sources, origin) {
					bad = append(bad, name+" lacks the provider "+origin)
				}
			}
		}
	}
	for name, want := range map[string]string{"object-src": "'none'", "base-uri": "'none'", "form-action": "'self'"} {
		if strings.Join(d[name], " ") != want {
			bad = append(bad, fmt.Sprintf("%s is %q, want %s", name, d[name], want))
		}
	}
	if _, ok := d["frame-ancestors"]; !ok {
		bad = append(bad, "no frame-ancestors")
	}
	return bad
}

func TestCheckCSPCatchesWeakPolicies(t *testing.T) {
	for _, weak := range []string{
		strings.Replace(contentSecurityPolicy, "script-src 'self'", "script-src 'self' 'unsafe-inline'", 1),
		strings.Replace(contentSecurityPolicy, "script-src 'self'", "script-src 'self' 'unsafe-eval'", 1),
		strings.Replace(contentSecurityPolicy, "script-src 'self'", "script-src 'self' https:", 1),
		strings.Replace(contentSecurityPolicy, "style-src 'self'", "style-src 'self' 'unsafe-inline'", 1),
		strings.Replace(contentSecurityPolicy, "object-src 'none'; ", "", 1),
		strings.Replace(contentSecurityPolicy, "frame-src 'self'", "frame-src 'self' https://example.org", 1),
		strings.Replace(contentSecurityPolicy, "connect-src 'self'", "connect-src 'self' https://www.youtube-nocookie.com", 1),
		strings.Replace(contentSecurityPolicy, " https://player.vimeo.com", "", 1),
		strings.Replace(contentSecurityPolicy, "img-src 'self' data: https://upload.wikimedia.org", "img-src 'self' data:", 1),
	} {
		if len(checkCSP(weak)) == 0 {
			t.Errorf("checkCSP passes a weak policy: %s", weak)
		}
	}
	if bad := checkCSP(contentSecurityPolicy); len(bad) != 0 {
		t.Errorf("the site's policy: %v", bad)
	}
}

// Every response, whatever the route, method or status, carries the
// security headers; only the embed may be framed by other sites.
func TestSecurityHeadersOnEveryRoute(t *testing.T) {
	h, _ := testSite(t)
	routes := []struct{ method, path string }{
		{"GET", "/"}, {"GET", "/?event=armenia-freezes&country=ARM"}, {"HEAD", "/"},
		{"GET", "/embed?view=map"}, {"GET", "/oembed?url=http%3A%2F%2Fexample.com%2F&format=json"},
		{"GET", "/app.js"}, {"GET", "/app.css"}, {"GET", "/wasm_exec.js"}, {"GET", "/app-worker.js"},
		{"GET", "/manifest.webmanifest"}, {"GET", "/manifest.json"}, {"GET", "/robots.txt"},
		{"GET", "/web/explainer.css"}, {"GET", "/web/app.wasm"}, {"GET", "/web/sub/inner.txt"},
		{"GET", "/sitemap.xml"}, {"GET", "/ads.txt"}, {"GET", "/nope"}, {"GET", "/web/nope"},
		{"GET", "/web/%2e%2e/go.mod"}, {"POST", "/"}, {"PUT", "/web/app.wasm"}, {"OPTIONS", "/"},
	}
	for _, rt := range routes {
		r := httptest.NewRequest(rt.method, rt.path, nil)
		r.Header.Set("Accept-Encoding", "br, gzip")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		hd := w.Result().Header
		where := rt.method + " " + rt.path + fmt.Sprintf(" (%d)", w.Code)
		if w.Code >= 500 {
			t.Errorf("%s: server error", where)
		}
		csp := hd.Get("Content-Security-Policy")
		for _, p := range checkCSP(csp) {
			t.Errorf("%s: CSP %s", where, p)
		}
		fa := strings.Join(cspDirectives(csp)["frame-ancestors"], " ")
		if strings.HasPrefix(rt.path, "/embed") {
			if hd.Get("X-Frame-Options") != "" {
				t.Errorf("%s: the embed forbids framing with X-Frame-Options", where)
			}
		} else if fa != "'self'" || hd.Get("X-Frame-Options") != "SAMEORIGIN" {
			t.Errorf("%s: frame-ancestors %q, X-Frame-Options %q: only the embed may be framed", where, fa, hd.Get("X-Frame-Options"))
		}
		for name, want := range map[string]string{
			"X-Content-Type-Options": "nosniff",
			"Referrer-Policy":        "strict-origin-when-cross-origin",
		} {
			if got := hd.Get(name); got != want {
				t.Errorf("%s: %s %q, want %q", where, name, got, want)
			}
		}
		if pp := hd.Get("Permissions-Policy"); !strings.Contains(pp, "camera=()") || !strings.Contains(pp, "geolocation=()") {
			t.Errorf("%s: Permissions-Policy %q", where, pp)
		}
		if hd.Get("Content-Type") == "" && w.Code != http.StatusNotModified {
			t.Errorf("%s: no Content-Type", where)
		}
		if hd.Get("Set-Cookie") != "" {
			t.Errorf("%s: sets a cookie", where)
		}
	}
}

// hostileQueries are URL query strings (raw: the bytes after "?") that try
// markup and script injection, script URLs, impossible dates, traversal,
// odd Unicode, NUL bytes and percent garbage. Each must give the default
// view.
var hostileQueries = []string{
	`country="><script>alert(1)</script>`,
	`country=%22%3E%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E`,
	`event=<img src=x onerror=alert(1)>`,
	`event=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E`,
	`event=%22%20onmouseover%3D%22alert(1)`,
	`event=' autofocus onfocus='alert(1)`,
	`country=javascript:alert(1)`,
	`event=javascript%3Aalert(document.domain)`,
	`x=javascript:alert(1)`,
	`javascript:alert(1)=1`,
	`onerror=alert(1)&onload=alert(2)`,
	`%22%3E%3Csvg%20onload%3Dalert(1)%3E=1`,
	`x=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E`,
	`x=%5C%22%3E%3Cb%3E`,
	`at=2023-02-30`, `at=2023-02-29`, `at=-1`, `at=0`,
	`at=99999-01-01`, `at=2024-1-1`, `at=2024-02-22T00:00:00Z`, `at=%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%94-01-01`,
	`at=+2024-02-22`, `at=2024-02-22%00`, `at=0000-00-00`, `at=1e9`,
	`event=../../etc/passwd`, `event=..%2F..%2Fetc%2Fpasswd`, `event=%2e%2e%2f%2e%2e%2fgo.mod`, `event=/etc/passwd`,
	`event=armenia-freezes%00`, `event=armenia-freezes%0d%0aSet-Cookie:%20x=1`, `country=ARM%00`, `country=%00`,
	`country=%E2%80%AEMRA`, `country=%EF%BC%A1%EF%BC%B2%EF%BC%AD`, `event=ARMENIA-FREEZES`, `event=__proto__`,
	`country=__PROTO__`, `event=constructor`, `event=%F0%9F%92%A3`,
	`%`, `%%`, `%zz`, `=`, `&&&`, `;;;`, `a=%ff%fe`, `event=%c0%ae%c0%ae%2f`, `country=%C0%80`,
	`event=` + strings.Repeat("a", 100<<10),
	`x=` + strings.Repeat("%3Cscript%3E", 10<<10),
	strings.Repeat("a=1&", 10000),
}

// pageSignature is what the reader gets from a page: its elements in order
// and its text. Hostile queries must not change either.
func pageSignature(page string) (tagNames, texts string) {
	tags, txt := parseHTML(page)
	var names []string
	for _, t := range tags {
		names = append(names, t.name)
	}
	return strings.Join(names, " "), strings.Join(txt, "\n")
}

// A hostile URL gets the default view: a 200 page with the same elements
// and text as the plain one, nothing of the input reflected as markup, and
// no script anywhere but the two script files.
func TestHostileQueriesGetTheDefaultView(t *testing.T) {
	h, _ := testSite(t)
	for _, path := range []string{"/", "/embed"} {
		plain := getRaw(h, path, "")
		wantTags, wantText := pageSignature(plain.Body.String())
		for _, q := range hostileQueries {
			w := getRaw(h, path, q)
			where := fmt.Sprintf("GET %s?%.60s", path, q)
			if w.Code != http.StatusOK || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/html") {
				t.Errorf("%s: %d %s", where, w.Code, w.Header().Get("Content-Type"))
				continue
			}
			if w.Header().Get("Location") != "" || w.Header().Get("Set-Cookie") != "" {
				t.Errorf("%s: headers %v", where, w.Header())
			}
			page := w.Body.String()
			for _, p := range htmlProblems(page) {
				t.Errorf("%s: %s", where, p)
			}
			tags, text := pageSignature(page)
			if tags != wantTags {
				t.Errorf("%s: the page's elements differ from the default view's", where)
			}
			if text != wantText {
				t.Errorf("%s: the page's text differs from the default view's", where)
			}
			// Event handlers are caught as attributes above: a foreign
			// parameter named "onerror" may stay, encoded, in links' queries.
			for _, reflected := range []string{"<script", "<img", "<svg", "<b>", "javascript:", "/etc/passwd",
				"\x00", "Set-Cookie", "__pwned", "alert("} {
				if strings.Contains(strings.ToLower(page), strings.ToLower(reflected)) && !strings.Contains(strings.ToLower(plain.Body.String()), strings.ToLower(reflected)) {
					t.Errorf("%s: the page holds %q", where, reflected)
				}
			}
		}
	}
}

// Good values survive next to bad ones, and the bad ones still leave no trace.
func TestHostileValuesBesideGoodOnes(t *testing.T) {
	h, _ := testSite(t)
	w := getRaw(h, "/country/ARM/", `country=<script>&event=<script>alert(1)</script>&at=2024-02-30&x="><b>`)
	page := w.Body.String()
	if w.Code != 200 || !strings.Contains(page, `id="country-card"`) {
		t.Fatalf("status %d; Armenia's card should be open", w.Code)
	}
	for _, p := range htmlProblems(page) {
		t.Error(p)
	}
	if strings.Contains(page, "<script>alert") || strings.Contains(page, `"><b>`) {
		t.Error("the hostile values are reflected")
	}
}

// Paths outside the site's routes are 404s: never a file from outside web/,
// never a directory listing, never a server error.
func TestOddPathsAreNotFound(t *testing.T) {
	h, _ := testSite(t)
	paths := []string{
		"/..%2f", "/..%2fgo.mod", "/%2e%2e/go.mod", "/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/web/..%5cgo.mod",
		"/web/%5c..%5cgo.mod", "/web/..%5c..%5cgo.mod", "/web/..;/go.mod", "/web/%2e%2e%2fgo.mod",
		"/%00", "/web/%00", "/web/app.wasm%00.css", "/web/explainer.css%00", "/.git/config", "/.git/HEAD",
		"/web/.git/config", "/.env", "/go.mod", "/main.go", "/server.go", "/web/.", "/web/./", "/web/..",
		"/web/...", "/web/sub/", "/web/sub", "/web//", "/web/%2e", "/web/explainer.css/", "/web/explainer.css/..",
		"/app.js/..", "/./go.mod", "/web/./explainer.css/../../go.mod", "/embed/..%2f..%2fgo.mod",
		"/" + strings.Repeat("a", 8<<10), "/web/" + strings.Repeat("../", 2000) + "etc/passwd",
		"/" + strings.Repeat("%2e%2e%2f", 1000),
	}
	for _, p := range paths {
		status, final, page := followLocal(t, h, p)
		where := fmt.Sprintf("GET %.80s", p)
		if status != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", where, status)
		}
		if final != p && !cleanedByMux[p] {
			t.Errorf("%s: redirected to %s", where, final)
		}
		for _, leak := range []string{"module explainer", "package main", "[core]", "root:", "<pre>", "href="} {
			if strings.Contains(page, leak) {
				t.Errorf("%s: the 404 holds %q", where, leak)
			}
		}
	}
}

// cleanedByMux are paths that http.ServeMux answers with a redirect to
// their clean form, where the 404 comes. Harmless, but a 404 at once is
// better: see the report on withHeaders.
var cleanedByMux = map[string]bool{}

// followLocal requests path, following same-site redirects (the mux sends
// "/web/." to "/web/"), and returns the last status, path and body.
func followLocal(t *testing.T, h http.Handler, path string) (int, string, string) {
	t.Helper()
	for range 3 {
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		u, err := url.Parse(path)
		if err != nil {
			r.URL.Path, r.URL.RawPath = path, ""
		} else {
			r.URL = u
		}
		r.RequestURI = path
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		loc := w.Header().Get("Location")
		if w.Code < 300 || w.Code >= 400 || loc == "" {
			return w.Code, path, w.Body.String()
		}
		next, err := url.Parse(loc)
		if err != nil || next.Host != "" && next.Host != r.Host || !strings.HasPrefix(next.Path, "/") {
			t.Fatalf("GET %s redirects off the site: %s", path, loc)
		}
		path = next.RequestURI()
	}
	t.Fatalf("GET %s: too many redirects", path)
	return 0, "", ""
}

// countingBody is a request body that counts what the server reads of it.
type countingBody struct {
	n, size int
}

func (b *countingBody) Read(p []byte) (int, error) {
	if b.n >= b.size {
		return 0, io.EOF
	}
	k := min(len(p), b.size-b.n)
	clear(p[:k])
	b.n += k
	return k, nil
}

// A read-only site refuses writes without reading what is sent.
func TestRefusedMethodsDoNotReadTheBody(t *testing.T) {
	h, _ := testSite(t)
	for _, m := range []string{"POST", "PUT", "PATCH", "DELETE"} {
		for _, path := range []string{"/", "/web/app.wasm", "/oembed", "/embed"} {
			b := &countingBody{size: 64 << 20}
			r := httptest.NewRequest(m, path, b)
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			if w.Code != http.StatusMethodNotAllowed || w.Header().Get("Allow") != "GET, HEAD" {
				t.Errorf("%s %s: %d, Allow %q", m, path, w.Code, w.Header().Get("Allow"))
			}
			if b.n != 0 {
				t.Errorf("%s %s: the handler read %d bytes of the body", m, path, b.n)
			}
		}
	}
}

// ---- Through a real listener: limits and timeouts of http.Server ----

// startServe runs serve, the real server loop with its limits and
// timeouts, on a free loopback port until the test ends.
func startServe(t *testing.T, h http.Handler) (addr string, stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	addrc := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- serve(ctx, "127.0.0.1:0", h, &lineWriter{w: io.Discard, first: addrc}) }()
	var once sync.Once
	stop = func() {
		once.Do(func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("serve: %v", err)
			}
		})
	}
	t.Cleanup(stop)
	select {
	case u := <-addrc:
		return strings.TrimPrefix(u, "http://"), stop
	case err := <-done:
		t.Fatalf("serve: %v", err)
	case <-time.After(10 * time.Second):
		t.Fatal("serve printed no address")
	}
	return "", stop
}

// rawRequest writes req on a new connection and reads the response's
// status line and headers.
func rawRequest(t *testing.T, addr, req string) (status string, header http.Header, conn net.Conn, br *bufio.Reader) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.WriteString(conn, req); err != nil {
		t.Fatalf("writing the request: %v", err)
	}
	br = bufio.NewReader(conn)
	res, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatalf("reading the response: %v", err)
	}
	return res.Status, res.Header, conn, br
}

func TestRequestSizeLimits(t *testing.T) {
	h, _ := testSite(t)
	addr, _ := startServe(t, h)

	// Headers over MaxHeaderBytes: 431, before any handler runs.
	status, _, _, _ := rawRequest(t, addr, "GET / HTTP/1.1\r\nHost: x\r\nX-Big: "+strings.Repeat("a", 64<<10)+"\r\n\r\n")
	if !strings.HasPrefix(status, "431") {
		t.Errorf("64 KB of headers: %s, want 431", status)
	}
	status, _, _, _ = rawRequest(t, addr, "GET / HTTP/1.1\r\nHost: x\r\n"+strings.Repeat("X-Many: aaaaaaaaaa\r\n", 3000)+"\r\n")
	if !strings.HasPrefix(status, "431") {
		t.Errorf("3,000 headers: %s, want 431", status)
	}
	// The request line counts too: a 100 KB query is refused the same way,
	// while a 16 KB one is served, with the default view.
	status, _, _, _ = rawRequest(t, addr, "GET /?event="+strings.Repeat("a", 100<<10)+" HTTP/1.1\r\nHost: x\r\n\r\n")
	if !strings.HasPrefix(status, "431") {
		t.Errorf("a 100 KB query: %s, want 431", status)
	}
	res, err := http.Get("http://" + addr + "/?country=" + strings.Repeat("%3Cscript%3E", 16<<10/12))
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || strings.Contains(string(page), `id="country-card"`) || strings.Contains(string(page), "<script>") {
		t.Errorf("a 16 KB hostile query: %d", res.StatusCode)
	}

	// A POST announcing 100 MB gets its 405 at once, and the server closes
	// the connection rather than read the body: only 1 KB of it is sent.
	start := time.Now()
	status, hdr, conn, br := rawRequest(t, addr, "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\nContent-Length: 104857600\r\n\r\n"+strings.Repeat("x", 1024))
	if !strings.HasPrefix(status, "405") || hdr.Get("Allow") != "GET, HEAD" {
		t.Errorf("a 100 MB POST: %s, Allow %q; want 405", status, hdr.Get("Allow"))
	}
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	if _, err := io.Copy(io.Discard, br); err != nil {
		t.Errorf("the server kept the connection of a 100 MB POST open: %v", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("the 405 for a 100 MB POST took %v", d)
	}
}

// A slowloris client, trickling header lines and never finishing, is cut
// off once ReadHeaderTimeout has passed since it connected.
func TestSlowHeadersAreCutOff(t *testing.T) {
	t.Parallel()
	h, _ := testSite(t)
	addr, _ := startServe(t, h)
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	start := time.Now()
	closed := make(chan time.Duration, 1)
	go func() {
		conn.SetReadDeadline(time.Now().Add(readHeaderTimeout + 10*time.Second))
		io.Copy(io.Discard, conn) // returns when the server closes the connection
		closed <- time.Since(start)
	}()
	io.WriteString(conn, "GET / HTTP/1.1\r\nHost: x\r\n")
	tick := time.NewTicker(250 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case d := <-closed:
			t.Logf("cut off after %v (ReadHeaderTimeout %v)", d.Round(time.Millisecond), readHeaderTimeout)
			if d < readHeaderTimeout-500*time.Millisecond || d > readHeaderTimeout+3*time.Second {
				t.Errorf("the slow client was cut off after %v, want about %v", d, readHeaderTimeout)
			}
			return
		case <-tick.C:
			io.WriteString(conn, "X-Slow: 1\r\n")
		}
	}
}

// ---- Leaks ----

// Serving many requests, of every kind, leaves no goroutine behind once
// the clients have gone, and shutting down leaves none either.
func TestNoGoroutineLeaks(t *testing.T) {
	h, _ := testSite(t)
	get(t, h, "/") // warm go-app's caches before counting
	before := settledGoroutines(0, 0)
	serving, after, stop := serveMany(t, h, 500, 5*time.Second)
	t.Logf("goroutines: %d before serving, %d serving idle, %d after 500 requests", before, serving, after)
	if after > serving+2 {
		t.Errorf("%d goroutines after 500 requests, %d before: a leak", after, serving)
		dumpGoroutines(t)
	}
	stop()
	if end := settledGoroutines(before+2, 5*time.Second); end > before+2 {
		t.Errorf("%d goroutines after shutdown, %d before serving", end, before)
		dumpGoroutines(t)
	}
}

// The check above sees a leak when there is one: a handler that leaves a
// goroutine blocked behind every request.
func TestLeakCheckSeesALeak(t *testing.T) {
	block := make(chan struct{})
	defer close(block)
	leaky := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		go func() { <-block }()
		io.WriteString(w, "ok")
	})
	serving, after, _ := serveMany(t, leaky, 40, 300*time.Millisecond)
	if after < serving+40 {
		t.Errorf("40 leaked goroutines unseen: %d serving idle, %d after", serving, after)
	}
}

// serveMany runs h with serve on a real listener, measures the goroutines
// of the idle server, sends it total requests of every kind from 8 clients
// at once (some on new connections), lets the clients go, and measures
// again, waiting up to settle each time for the count to come down. stop
// shuts the server down.
func serveMany(t *testing.T, h http.Handler, total int, settle time.Duration) (serving, after int, stop func()) {
	t.Helper()
	before := settledGoroutines(0, 0)
	addr, stop := startServe(t, h)
	tr := &http.Transport{MaxIdleConnsPerHost: 8, DisableCompression: true}
	client := &http.Client{Transport: tr, Timeout: 10 * time.Second}
	res, err := client.Get("http://" + addr + "/")
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	tr.CloseIdleConnections()
	serving = settledGoroutines(before+2, settle)

	paths := []string{"/", "/event/armenia-freezes/?country=ARM", "/?event=armenia-freezes", "/embed?view=map", "/web/app.wasm",
		"/app.js", "/manifest.webmanifest", "/nope", "/web/%2e%2e/go.mod", "/?country=%3Cscript%3E",
		"/oembed?url=" + url.QueryEscape("http://"+addr+"/?country=ARM") + "&format=json"}
	const workers = 8
	var wg sync.WaitGroup
	errs := make(chan error, total)
	next := make(chan int)
	for range workers {
		wg.Go(func() {
			for i := range next {
				var req *http.Request
				if i%25 == 0 {
					req, _ = http.NewRequest(http.MethodPost, "http://"+addr+"/", strings.NewReader("x=1"))
				} else {
					req, _ = http.NewRequest(http.MethodGet, "http://"+addr+paths[i%len(paths)], nil)
				}
				req.Header.Set("Accept-Encoding", "br")
				if i%7 == 0 {
					req.Close = true // a new connection
				}
				res, err := client.Do(req)
				if err != nil {
					errs <- err
					continue
				}
				io.Copy(io.Discard, res.Body)
				res.Body.Close()
				if res.StatusCode >= 500 {
					errs <- fmt.Errorf("%s %s: %d", req.Method, req.URL, res.StatusCode)
				}
			}
		})
	}
	for i := range total {
		next <- i
	}
	close(next)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	tr.CloseIdleConnections()
	return serving, settledGoroutines(serving+2, settle), stop
}

// settledGoroutines polls the goroutine count until it is at most want or
// the time is up, and returns it.
func settledGoroutines(want int, wait time.Duration) int {
	deadline := time.Now().Add(wait)
	for {
		runtime.GC()
		n := runtime.NumGoroutine()
		if n <= want || time.Now().After(deadline) {
			return n
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func dumpGoroutines(t *testing.T) {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	t.Logf("goroutines:\n%s", buf)
}
