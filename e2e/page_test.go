package e2e

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// The article's paragraphs, in order, by their stable ids (p-<id>).
var paragraphIDs = []string{"summit", "escalation", "path", "post-soviet", "russia", "external", "manoeuvre", "conclusion"}

const headline = "Armenia Refuses to Attend CSTO Summit in Bishkek"

// checkArticle asserts the whole clean article is in the page: headline,
// byline, the eight paragraphs with their ids, none of the scraped page's
// furniture, and no stray space before punctuation.
func checkArticle(t *testing.T, tb *tab) {
	t.Helper()
	if h := eval[string](t, tb, `document.querySelector("h1")?.textContent.trim() ?? "no h1"`); h != headline {
		t.Errorf("h1 = %q, want %q", h, headline)
	}
	paras := eval[[][2]string](t, tb, `[...document.querySelectorAll("p.paragraph")].map(p => [p.id, p.innerText])`)
	var ids []string
	for _, p := range paras {
		ids = append(ids, strings.TrimPrefix(p[0], "p-"))
		if len(p[1]) < 200 {
			t.Errorf("paragraph %s has only %d characters: %q", p[0], len(p[1]), p[1])
		}
	}
	if strings.Join(ids, " ") != strings.Join(paragraphIDs, " ") {
		t.Errorf("paragraphs p-%v, want p-%v", ids, paragraphIDs)
	}
	byline := eval[string](t, tb, `document.querySelector(".byline")?.innerText ?? ""`)
	for _, want := range []string{"Times Tengri", "26 November 2025"} {
		if !strings.Contains(byline, want) {
			t.Errorf("byline %q lacks %q", byline, want)
		}
	}
	text := eval[string](t, tb, `document.body.innerText`)
	for _, want := range []string{"Kyrgyzstan, on November 27, 2025", "in a dynamic game."} {
		if !strings.Contains(text, want) {
			t.Errorf("page text lacks %q", want)
		}
	}
	if junk := furniture(text); len(junk) > 0 {
		t.Errorf("scrape furniture on the page: %q", junk)
	}
	article := eval[string](t, tb, `document.getElementById("article")?.innerText ?? ""`)
	for _, m := range spaceBeforePunctuation.FindAllStringIndex(article, -1) {
		t.Errorf("stray space before punctuation: %q", article[max(0, m[0]-30):m[1]])
	}
}

// spaceBeforePunctuation finds "Armenia ," and "( Armenia": the marks of
// whitespace between inline elements that the reader sees as a space.
var spaceBeforePunctuation = regexp.MustCompile(`[ \t\x{a0}]+[,.;:!?)]|\([ \t\x{a0}]`)

// furniture returns the bits of the original web page's chrome found in
// text: whole lines such as "Comments" and "Search", "top of page"
// anywhere, and "ree" (a broken "Free") as a word of its own, not inside
// "free" or "agreed".
func furniture(text string) []string {
	var found []string
	lines := map[string]bool{}
	for _, l := range strings.Split(text, "\n") {
		lines[strings.TrimSpace(l)] = true
	}
	for _, junk := range []string{"Comments", "Search", "Writer: Times Tengri", "Nov 26", "ree"} {
		if lines[junk] {
			found = append(found, junk)
		}
	}
	lower := strings.ToLower(text)
	for _, junk := range []string{"top of page", "bottom of page"} {
		if strings.Contains(lower, junk) {
			found = append(found, junk)
		}
	}
	for _, w := range strings.FieldsFunc(lower, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if w == "ree" && !lines["ree"] {
			found = append(found, "ree (as a word)")
			break
		}
	}
	return found
}

func TestFurnitureFinder(t *testing.T) {
	clean := "Armenia Refuses\nIt was agreed-upon, free and\nfreely reed.\nSearch results are in.\nComments were made."
	if got := furniture(clean); len(got) != 0 {
		t.Errorf("furniture(clean text) = %q", got)
	}
	for _, dirty := range []string{"a\nree\nb", "x ree y", "Back to Top of Page", "a\nComments\n", "Search", "  Search  "} {
		if got := furniture(dirty); len(got) == 0 {
			t.Errorf("furniture(%q) found nothing", dirty)
		}
	}
	if spaceBeforePunctuation.MatchString("Kyrgyzstan, on (CSTO) 2025.") {
		t.Error("spaceBeforePunctuation matches clean text")
	}
	for _, bad := range []string{"Kyrgyzstan , on", "( CSTO)", "2025 ."} {
		if !spaceBeforePunctuation.MatchString(bad) {
			t.Errorf("spaceBeforePunctuation misses %q", bad)
		}
	}
}

// disableScripts turns JavaScript off in the tab, for the pages it opens
// next: the reader with scripts blocked, or a search engine.
func disableScripts(t *testing.T, tb *tab) {
	t.Helper()
	if _, err := chromedp.Call(tb.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
}

func TestArticleReadsWithoutJavaScript(t *testing.T) {
	tb := newTab(t, 60*time.Second)
	disableScripts(t, tb)
	tb.open(t, "/")
	// app.js declares goappEnv: if it is defined, scripts ran after all.
	if eval[bool](t, tb, `typeof goappEnv !== "undefined"`) {
		t.Fatal("the page's scripts ran: the test does not test a page without JavaScript")
	}
	checkArticle(t, tb)
	if eval[bool](t, tb, `document.documentElement.hasAttribute("data-ready")`) {
		t.Error("data-ready is set with JavaScript off")
	}
	// The map and the timeline are in the HTML too, as links that work.
	if n := eval[int](t, tb, `document.querySelectorAll("#map path[data-iso]").length`); n < 40 {
		t.Errorf("%d states drawn without JavaScript", n)
	}
	if n := eval[int](t, tb, `document.querySelectorAll("[data-event][data-date]").length`); n < 25 {
		t.Errorf("%d events listed without JavaScript", n)
	}
}

// The prerendered article must read exactly as the client renders it:
// whitespace the server drops or adds shows as "Armeniahas" until the
// wasm has loaded, and for ever without JavaScript.
func TestPrerenderedTextMatchesClient(t *testing.T) {
	noJS := newTab(t, 60*time.Second)
	disableScripts(t, noJS)
	noJS.open(t, "/")
	// Had the scripts run, the app would have replaced the server's text
	// and the two would match whatever the server sent.
	if eval[bool](t, noJS, `typeof goappEnv !== "undefined"`) {
		t.Fatal("the page's scripts ran in the tab without JavaScript: the comparison would prove nothing")
	}
	withJS := newTab(t, 60*time.Second)
	withJS.open(t, "/")
	withJS.waitReady(t)
	const text = `document.getElementById("article").innerText`
	server, client := eval[string](t, noJS, text), eval[string](t, withJS, text)
	if server == client {
		return
	}
	sl, cl := strings.Split(server, "\n"), strings.Split(client, "\n")
	n := 0
	for i := 0; i < len(sl) && i < len(cl) && n < 5; i++ {
		if sl[i] == cl[i] {
			continue
		}
		n++
		sr, cr := []rune(sl[i]), []rune(cl[i])
		j := 0
		for j < len(sr) && j < len(cr) && sr[j] == cr[j] {
			j++
		}
		from := max(0, j-40)
		t.Errorf("line %d differs at character %d:\n  server: %q\n  client: %q", i+1, j,
			string(sr[from:min(len(sr), j+40)]), string(cr[from:min(len(cr), j+40)]))
	}
	if n == 0 {
		t.Errorf("the article has %d lines prerendered and %d in the client", len(sl), len(cl))
	}
}

// onTop returns "" when the element sel is visible in the viewport and
// nothing covers it at points along its first line; otherwise what is
// wrong. elementFromPoint skips elements with pointer-events: none, so
// inkShare backs it up with pixels.
const onTop = `(sel => {
	const el = document.querySelector(sel);
	if (!el) return "missing";
	const r = el.getBoundingClientRect();
	if (r.width < 1 || r.height < 1) return "has no size";
	if (r.top >= innerHeight || r.bottom <= 0) return "is outside the first screen (top " + r.top + ")";
	const s = getComputedStyle(el);
	if (s.visibility !== "visible") return "is visibility: " + s.visibility;
	let opacity = 1;
	for (let e = el; e; e = e.parentElement) opacity *= +getComputedStyle(e).opacity;
	if (opacity < 0.99) return "has opacity " + opacity;
	const y = r.top + Math.min(r.height / 2, 12);
	for (const f of [0.1, 0.5, 0.9]) {
		const x = r.left + r.width * f;
		const hit = document.elementFromPoint(x, y);
		if (!el.contains(hit)) return "is covered at (" + Math.round(x) + "," + Math.round(y) + ") by " + (hit ? hit.outerHTML.slice(0, 120) : "nothing");
	}
	return "";
})`

// minInk is the least share of text pixels in a line of visible text.
const minInk = 0.02

// inkShare screenshots the viewport and returns the share of the part of
// element sel on screen whose pixels stand out from its background: about
// 0.1 for lines of text, 0 for an element hidden under a cover.
func inkShare(t *testing.T, tb *tab, sel string) float64 {
	t.Helper()
	r := eval[[]float64](t, tb, `(() => { const r = document.querySelector(`+jsString(sel)+`).getBoundingClientRect();
		return [r.left, Math.max(r.top, 0), r.right, Math.min(r.bottom, innerHeight), innerWidth] })()`)
	shot, err := chromedp.Run(tb.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		t.Fatal(err)
	}
	scale := float64(img.Bounds().Dx()) / r[4]
	box := image.Rect(int(r[0]*scale), int(r[1]*scale), int(r[2]*scale), int(r[3]*scale)).Intersect(img.Bounds())
	if box.Empty() {
		return 0
	}
	var hist [256]int
	lum := func(x, y int) int {
		cr, cg, cb, _ := img.At(x, y).RGBA()
		return int((299*cr + 587*cg + 114*cb) / 1000 >> 8)
	}
	for y := box.Min.Y; y < box.Max.Y; y++ {
		for x := box.Min.X; x < box.Max.X; x++ {
			hist[lum(x, y)]++
		}
	}
	bg := 0
	for l := range hist {
		if hist[l] > hist[bg] {
			bg = l
		}
	}
	ink := 0
	for l, n := range hist {
		if l-bg > 96 || bg-l > 96 {
			ink += n
		}
	}
	return float64(ink) / float64(box.Dx()*box.Dy())
}

// The wasm is held back at the network until the checks are done, so this
// sees exactly what a reader sees while it downloads.
func TestArticleVisibleBeforeWasm(t *testing.T) {
	for _, size := range []struct {
		name   string
		w, h   int64
		mobile bool
	}{{"desktop", 1280, 800, false}, {"phone", 390, 844, true}} {
		t.Run(size.name, func(t *testing.T) {
			tb := newTab(t, 90*time.Second)
			if size.mobile {
				tb.do(t, chromedp.EmulateViewport(size.w, size.h, chromedp.EmulateMobile, chromedp.EmulateTouch))
			}
			wasm := tb.holdRequests(t, "*app.wasm*")
			tb.open(t, "/")
			wasm.wait(t, 20*time.Second)
			checkArticle(t, tb)
			if eval[bool](t, tb, `document.documentElement.hasAttribute("data-ready")`) {
				t.Error("data-ready is set before the wasm arrived")
			}
			for _, sel := range []string{"h1", "#p-summit"} {
				if problem := eval[string](t, tb, onTop+`(`+jsString(sel)+`)`); problem != "" {
					t.Errorf("before the wasm arrives, %s %s", sel, problem)
				}
				ink := inkShare(t, tb, sel)
				t.Logf("%s: %.1f%% of its pixels are text", sel, ink*100)
				if ink < minInk {
					t.Errorf("before the wasm arrives, %s shows no text on screen (%.1f%% of its pixels stand out): something covers it", sel, ink*100)
				}
			}
			// The pixel check sees a cover that elementFromPoint misses.
			eval[bool](t, tb, `(() => { const c = document.createElement("div"); c.id = "planted-cover";
				Object.assign(c.style, {position: "fixed", inset: "0", background: "#f6f6f6", zIndex: 2000, pointerEvents: "none"});
				document.body.append(c); return true })()`)
			if ink := inkShare(t, tb, "h1"); ink >= minInk {
				t.Errorf("under a planted cover, the h1 still shows %.1f%% text pixels: the pixel check is blind", ink*100)
			}
			eval[bool](t, tb, `(document.getElementById("planted-cover").remove(), true)`)
			// On a phone the app waits for the reader to near the panels,
			// and meanwhile shows no loader; the held request is then the
			// wasm's prefetch.
			loader := eval[float64](t, tb, `document.getElementById("app-wasm-loader")?.getBoundingClientRect().height ?? 0`)
			if size.mobile && loader != 0 {
				t.Errorf("on a phone, while the app waits, the loader shows (%.0f px)", loader)
			}
			if !size.mobile && (loader == 0 || loader > 6) {
				t.Errorf("the loader is %.0f px tall; it should be a thin bar", loader)
			}
			wasm.release(t)
			tb.startApp(t)
			if eval[bool](t, tb, `!!document.getElementById("app-wasm-loader")`) {
				t.Error("the loader is still there once the app is ready")
			}
			checkArticle(t, tb)
			tb.noErrors(t)
		})
	}
}

func TestReadyAndNoConsoleErrors(t *testing.T) {
	tb := newTab(t, 60*time.Second)
	tb.open(t, "/")
	tb.waitReady(t)
	tb.do(t, chromedp.Sleep(time.Second))
	checkArticle(t, tb)
	tb.noErrors(t)

	// go-app's loader icon is never shown, so never downloaded.
	if eval[bool](t, tb, `performance.getEntriesByType("resource").some(e => e.name.includes("/web/icon-192.png"))`) {
		t.Error("the page downloaded the loader's icon, which it never shows")
	}

	// The page and go-app's scripts came compressed (Lighthouse's "Enable
	// text compression"): fewer bytes over the wire than the browser decoded.
	type transfer struct {
		Path             string
		Encoded, Decoded float64
	}
	sizes := eval[[]transfer](t, tb, `(() => {
		const all = [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")];
		return ["/", "/app.js", "/wasm_exec.js"].map(path => {
			const e = all.find(e => new URL(e.name).pathname === path);
			return {path, encoded: e?.encodedBodySize ?? -1, decoded: e?.decodedBodySize ?? -1};
		});
	})()`)
	for _, s := range sizes {
		if s.Encoded <= 0 || s.Encoded*2 > s.Decoded {
			t.Errorf("%s: %.0f bytes on the wire for %.0f decoded: not compressed", s.Path, s.Encoded, s.Decoded)
		}
	}
}

// sameOrigin tells whether a request URL stays on origin (or needs no
// network: data: and blob: URLs).
func sameOrigin(u, origin string) bool {
	return strings.HasPrefix(u, origin+"/") || strings.HasPrefix(u, "data:") || strings.HasPrefix(u, "blob:")
}

func TestNoRequestLeavesOrigin(t *testing.T) {
	all := recordBrowserRequests(t)
	tb := newTab(t, 60*time.Second)
	tb.open(t, "/event/armenia-freezes/?country=ARM")
	tb.waitReady(t)
	tb.waitServiceWorker(t) // its install fetches everything it caches
	tb.do(t, chromedp.Sleep(time.Second))
	page, browserWide := tb.rec.Requests(), all()
	if len(page) < 3 {
		t.Fatalf("only %d requests of the page recorded: %v", len(page), page)
	}
	if !slicesContainSuffix(browserWide, "/app-worker.js") {
		t.Errorf("the browser-wide recorder missed the service worker script; it saw %v", browserWide)
	}
	seen := map[string]bool{}
	for _, u := range append(page, browserWide...) {
		if !sameOrigin(u, baseURL) && !seen[u] {
			seen[u] = true
			t.Errorf("request left the origin %s: %s", baseURL, u)
		}
	}
}

func slicesContainSuffix(list []string, suffix string) bool {
	for _, s := range list {
		if strings.HasSuffix(s, suffix) {
			return true
		}
	}
	return false
}

// A first visit installs the app; it is not an update.
func TestFirstVisitShowsNoUpdateNotice(t *testing.T) {
	tb := newTab(t, 60*time.Second)
	tb.open(t, "/")
	tb.waitReady(t)
	tb.waitServiceWorker(t)
	tb.do(t, chromedp.Sleep(500*time.Millisecond))
	if notice := eval[string](t, tb, `document.getElementById("update-notice")?.innerText ?? ""`); notice != "" {
		t.Errorf("a first visit, in a fresh browser profile, shows the update notice %q", notice)
	}
}

// exportSite runs the export command into a fresh folder and checks it
// holds the files a static host needs.
func exportSite(t *testing.T, prefix string) string {
	t.Helper()
	return exportSiteAt(t, prefix, "")
}

// exportSiteAt is exportSite for a site whose public origin is known, so
// the pages' link previews name absolute URLs on it; flags go to export
// as they are (say, "-view", "/at/1999-06-01/").
func exportSiteAt(t *testing.T, prefix, origin string, flags ...string) string {
	t.Helper()
	out := t.TempDir()
	cmd := exec.Command(serverBin, append([]string{"export", "-out", out, "-prefix", prefix, "-origin", origin}, flags...)...)
	cmd.Dir = repoRoot
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("export: %v\n%s", err, b)
	}
	for _, f := range []string{"index.html", "app.js", "wasm_exec.js", "app-worker.js", "manifest.webmanifest", "app.css",
		"web/explainer.css", "web/app.wasm", "web/app.wasm.br", "web/app.wasm.gz"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("export lacks %s", f)
		}
	}
	index, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(index, []byte(headline)) || bytes.Contains(index, []byte("data-ready")) {
		t.Errorf("exported index.html: headline %v, data-ready %v", bytes.Contains(index, []byte(headline)), bytes.Contains(index, []byte("data-ready")))
	}
	return out
}

// errorLog wraps a handler and keeps every request it answered with an
// HTTP error, as "404 GET /csto/web/app.wasm".
type errorLog struct {
	mu     sync.Mutex
	misses []string
}

func (l *errorLog) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		h.ServeHTTP(sw, r)
		if sw.status >= 400 {
			l.mu.Lock()
			l.misses = append(l.misses, fmt.Sprintf("%d %s %s", sw.status, r.Method, r.URL.RequestURI()))
			l.mu.Unlock()
		}
	})
}

func (l *errorLog) list() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.misses...)
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

// testExport exports the site for prefix, serves the folder with Go's
// plain file server under that prefix, and reads it in the browser: the
// article, the client app, the service worker, and every request inside
// the site's folder.
func testExport(t *testing.T, prefix string) {
	out := exportSite(t, prefix)
	var h http.Handler = htmlFallback(out, http.FileServer(http.Dir(out)))
	if prefix != "" {
		h = http.StripPrefix(prefix, h)
	}
	var log errorLog
	ts := httptest.NewServer(log.wrap(h))
	t.Cleanup(ts.Close) // after the tab has closed
	defer func() {
		if misses := log.list(); len(misses) > 0 {
			t.Errorf("the file server answered errors:\n  %s", strings.Join(misses, "\n  "))
		}
	}()
	site := ts.URL + prefix + "/"
	all := recordBrowserRequests(t)
	tb := newTab(t, 60*time.Second)
	tb.open(t, site)
	checkArticle(t, tb)
	tb.waitReady(t)
	checkSiteLinks(t, tb, site)
	tb.do(t, chromedp.Sleep(500*time.Millisecond))
	for _, u := range all() {
		if !strings.HasPrefix(u, site) && !strings.HasPrefix(u, "data:") && !strings.HasPrefix(u, "blob:") {
			t.Errorf("request outside the site's folder %s: %s", site, u)
		}
	}
	// The data links lead into the site's folder, and the files are there.
	for _, f := range eval[[]fetchedData](t, tb, `Promise.all([...document.querySelectorAll("#map-data a, #timeline-data a")].map(async a => {
		const r = await fetch(a.href);
		return {href: a.href, status: r.status, type: r.headers.get("Content-Type"), body: ""};
	}))`) {
		if f.Status != http.StatusOK || !strings.HasPrefix(f.Href, site+"data/") {
			t.Errorf("data link %s: %d", f.Href, f.Status)
		}
	}
	tb.waitServiceWorker(t) // installed means: works offline
	// A choice moves to the view's folder under the prefix, which the
	// file server has as a file; a reload there is the same view.
	tb.do(t, chromedp.Click(chromedp.CSS(`#timeline [data-event="armenia-freezes"]`)))
	tb.waitTrue(t, `location.pathname === `+jsString(prefix+"/event/armenia-freezes/"), 10*time.Second)
	// The links catch up with the view just after the frame that shows it.
	tb.waitTrue(t, `document.querySelector('.mention-country[data-iso="ARM"]').getAttribute("href") === `+jsString(prefix+"/event/armenia-freezes/?country=ARM"), 5*time.Second)
	tb.open(t, site+"event/armenia-freezes/")
	tb.waitReady(t)
	tb.waitEvent(t, "armenia-freezes")
	tb.noErrors(t)
	// The embed's links open the full explainer (its page, its sources
	// section) in a new tab: they too must stay in the site's folder.
	tb.open(t, site+"embed?view=all")
	tb.waitReady(t)
	checkSiteLinks(t, tb, site)
	tb.noErrors(t)
}

// checkSiteLinks checks, once the app has rendered, that every link and
// resource of the page on its own origin (a[href], img[src], link[href],
// iframe[src]) is inside the site's folder site, and that the server has
// it. The server's resolver puts the prefix in front of every path it
// writes but go-app's client only in front of /web/ paths, so a "/..."
// written by a component is right at a host's root and wrong under a
// prefix once the app runs. Links to a fragment of the page itself and to
// other origins are not the site's to check.
func checkSiteLinks(t *testing.T, tb *tab, site string) {
	t.Helper()
	links := eval[[]fetchedData](t, tb, `(async () => {
		const here = location.href.split("#")[0];
		const urls = new Set();
		for (const el of document.querySelectorAll("a[href], img[src], link[href], iframe[src]")) {
			const u = new URL(el.getAttribute(el.hasAttribute("href") ? "href" : "src"), document.baseURI);
			if (u.origin !== location.origin || (u.hash !== "" && u.href.split("#")[0] === here)) continue;
			urls.add(u.href);
		}
		return Promise.all([...urls].map(async href => {
			const r = await fetch(href, {method: "HEAD"});
			return {href, status: r.status, type: "", body: ""};
		}));
	})()`)
	if len(links) == 0 {
		t.Fatal("found no same-origin links to check")
	}
	t.Logf("%d same-origin links and resources checked", len(links))
	for _, l := range links {
		if !strings.HasPrefix(l.Href, site) || l.Status != http.StatusOK {
			t.Errorf("%s: link %s outside the site's folder %s or missing (HTTP %d)", eval[string](t, tb, "location.href"), l.Href, site, l.Status)
		}
	}
}

// htmlFallback answers /embed from embed.html, as every static host the
// README names does (GitHub Pages, Netlify, Cloudflare Pages, the
// configurations in deploy/): the service worker caches /embed.
func htmlFallback(dir string, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := strings.TrimSuffix(r.URL.Path, "/")
		if p != "" && path.Ext(p) == "" {
			if file := filepath.Join(dir, filepath.FromSlash(p)+".html"); fileExists(file) {
				http.ServeFile(w, r, file)
				return
			}
		}
		h.ServeHTTP(w, r)
	})
}

func fileExists(name string) bool {
	info, err := os.Stat(name)
	return err == nil && info.Mode().IsRegular()
}

func TestExportServedByPlainFileServer(t *testing.T) { testExport(t, "") }

// A project site (https://user.example/csto/) lives under a path prefix.
func TestExportWithPrefix(t *testing.T) { testExport(t, "/csto") }

// The error checks of the other tests are only worth something if the
// recorders hear what they look for: this proves they do.
func TestRecorderHearsErrors(t *testing.T) {
	all := recordBrowserRequests(t)
	tb := newTab(t, 30*time.Second)
	tb.open(t, "/")
	eval[bool](t, tb, `(console.error("planted error"), setTimeout(() => { throw new Error("planted exception") }),
		fetch("/web/planted-missing.css").catch(() => {}), true)`)
	tb.do(t, chromedp.Sleep(500*time.Millisecond))
	errs := strings.Join(tb.rec.Errors(), "\n")
	for _, want := range []string{"planted error", "planted exception", "HTTP 404: " + baseURL + "/web/planted-missing.css"} {
		if !strings.Contains(errs, want) {
			t.Errorf("the recorder missed %q; it has:\n%s", want, errs)
		}
	}
	// The explainer's CSP stops its pages from reaching another origin, so
	// plant the request in a page of a server without one.
	const planted = "http://127.0.0.2:9/planted.png"
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<!doctype html><img src=%q alt="">`, planted)
	}))
	t.Cleanup(other.Close)
	tb.open(t, other.URL)
	tb.do(t, chromedp.Sleep(300*time.Millisecond))
	if !slicesContainSuffix(all(), planted) || !slicesContainSuffix(tb.rec.Requests(), planted) {
		t.Errorf("the request recorders missed %s:\n  browser: %v\n  page: %v", planted, all(), tb.rec.Requests())
	}
}
