package e2e

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"image"
	_ "image/png" // icon and screenshot sizes
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"

	"explainer/internal/copytree"
)

// The explainer as an installed app: it works offline after one visit,
// tells the reader when a new version is ready, and has what browsers need
// to install it.

// waitControlled waits until the service worker has installed (its cache
// filled: install waits for it) and controls the page, reloading once if
// the first load was not yet controlled.
func (tb *tab) waitControlled(t *testing.T) {
	t.Helper()
	tb.waitReady(t)
	tb.waitServiceWorker(t)
	if !eval[bool](t, tb, `navigator.serviceWorker.controller !== null`) {
		tb.do(t, chromedp.Reload())
		tb.waitReady(t)
	}
	tb.waitTrue(t, `navigator.serviceWorker.controller !== null`, 10*time.Second)
}

// setOffline cuts the tab off the network, the way DevTools' "Offline"
// does: the page and its service worker, which fetches for it. The worker
// is a target of its own; emulation set on the page does not reach it.
func (tb *tab) setOffline(t *testing.T) {
	t.Helper()
	offline := func(ctx context.Context) error {
		on := true
		_, err := chromedp.Call(ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
			EmulateOfflineServiceWorker: &on,
			MatchedNetworkConditions:    []*network.Conditions{{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}},
		})
		return err
	}
	if err := offline(tb.ctx); err != nil {
		t.Fatalf("emulating offline: %v", err)
	}
	if _, err := chromedp.Call(tb.ctx, network.OverrideNetworkState, network.OverrideNetworkStateParams{
		Offline: true, DownloadThroughput: -1, UploadThroughput: -1,
	}); err != nil {
		t.Fatalf("emulating offline: %v", err)
	}
	origin := eval[string](t, tb, `location.origin`)
	targets, err := chromedp.Targets(tb.ctx)
	if err != nil {
		t.Fatal(err)
	}
	var workers []target.ID
	for _, ti := range targets {
		if ti.Type == "service_worker" && strings.HasPrefix(ti.URL, origin+"/") &&
			ti.BrowserContextID == chromedp.FromContext(tb.ctx).BrowserContextID {
			workers = append(workers, ti.TargetID)
		}
	}
	if len(workers) == 0 {
		t.Fatal("no service worker target to take offline")
	}
	for _, id := range workers {
		// The attached session keeps the worker alive and offline until
		// the test ends.
		ctx, cancel := chromedp.NewContext(tb.ctx, chromedp.WithTargetID(id))
		t.Cleanup(cancel)
		if err := offline(ctx); err != nil {
			t.Fatalf("taking the service worker offline: %v", err)
		}
	}
}

// probeParam marks the requests of probe, which fail on purpose offline.
const probeParam = "probe="

// probe fetches a URL the service worker has not cached: "ok 200" online,
// "failed: ..." offline.
func probe(t *testing.T, tb *tab) string {
	t.Helper()
	return eval[string](t, tb, `fetch("/robots.txt?`+probeParam+`" + Date.now() + Math.random(), {cache: "no-store"}).then(r => "ok " + r.status, e => "failed: " + e)`)
}

// offlineRoute is a page a reader may open offline and what it must show.
type offlineRoute struct {
	path string
	// article: the page has the article; the rest are the view's date, the
	// selected event, the open card and some statuses on the map.
	article    bool
	date       string
	event      string
	card       string
	statuses   map[string]string
	url        string // the address the app shows, if not path
	click      string // CSS selector of something to click
	afterClick string // JavaScript that is true once the click took effect
}

var offlineRoutes = []offlineRoute{
	{
		path: "/", article: true, date: "2025-11-27",
		statuses: map[string]string{"ARM": "frozen", "RUS": "member", "UZB": "suspended", "AZE": "former", "TUR": "none"},
		click:    `#timeline [data-event="armenia-freezes"]`,
		afterClick: `document.querySelector('[data-event][aria-current="true"]')?.dataset.event === "armenia-freezes" &&
			document.getElementById("map-date").getAttribute("datetime") === "2024-02-22" &&
			location.pathname.endsWith("/event/armenia-freezes/") && location.search === ""`,
	},
	{
		// A deep link never visited: the worker falls back to the cached
		// page at / and the client app restores the view from the path.
		path: "/event/armenia-freezes/?country=ARM", article: true, date: "2024-02-22", event: "armenia-freezes", card: "ARM",
		statuses: map[string]string{"ARM": "frozen", "KAZ": "member", "UZB": "suspended"},
		click:    "#map-KAZ",
		afterClick: `document.getElementById("country-card")?.dataset.iso === "KAZ" &&
			new URLSearchParams(location.search).get("country") === "KAZ"`,
	},
	{
		// The query form, never visited: the worker falls back to the
		// cached page, and the app moves the address to the canonical path.
		path: "/?at=1999-05-01", url: "/at/1999-05-01/", article: true, date: "1999-05-01",
		statuses: map[string]string{"ARM": "member", "RUS": "member", "AZE": "former", "GEO": "former", "UZB": "former", "TUR": "none"},
		click:    `#timeline [data-event="bishkek-summit"]`,
		afterClick: `document.querySelector('[data-event][aria-current="true"]')?.dataset.event === "bishkek-summit" &&
			document.getElementById("map-date").getAttribute("datetime") === "2025-11-27"`,
	},
	{
		path: "/embed?view=map", date: "2025-11-27",
		statuses:   map[string]string{"ARM": "frozen", "BLR": "member"},
		click:      "#map-BLR",
		afterClick: `document.getElementById("country-card")?.dataset.iso === "BLR"`,
	},
}

func TestOfflineAfterOneVisit(t *testing.T) {
	tb := newTab(t, 150*time.Second)
	tb.open(t, "/")
	tb.waitControlled(t)
	if p := probe(t, tb); !strings.HasPrefix(p, "ok 200") {
		t.Fatalf("online, the probe request gave %q", p)
	}
	tb.setOffline(t)
	// The emulation must reach the service worker's own requests, or the
	// pages below could come from the server instead of the cache.
	if p := probe(t, tb); !strings.HasPrefix(p, "failed") {
		t.Fatalf("offline, a request the service worker has not cached gave %q: the network is not cut off", p)
	}
	if eval[bool](t, tb, `navigator.onLine`) {
		t.Error("navigator.onLine is still true")
	}
	for _, r := range offlineRoutes {
		t.Run(cmp.Or(strings.TrimPrefix(r.path, "/"), "root"), func(t *testing.T) {
			tb.open(t, r.path)
			tb.waitReady(t)
			checkOfflineRoute(t, tb, r)
		})
	}
	if p := probe(t, tb); !strings.HasPrefix(p, "failed") {
		t.Errorf("the network came back during the test: the probe gave %q", p)
	}
	// Only the probes may have failed.
	for _, e := range tb.rec.Errors() {
		if !strings.Contains(e, probeParam) {
			t.Errorf("offline, the page logged: %s", e)
		}
	}
}

// A reader on a phone who only read the article never started the app;
// offline, the app still starts from the service worker's copy when they
// scroll to the panels.
func TestOfflineOnAPhoneAfterReadingOnly(t *testing.T) {
	tb := newTab(t, 120*time.Second)
	tb.asPhone(t)
	tb.open(t, "/")
	tb.waitServiceWorker(t)
	tb.do(t, chromedp.Reload())
	// The app waits: it has never run in this tab.
	tb.waitTrue(t, `navigator.serviceWorker.controller !== null && document.getElementById("app-wasm-loader")?.hasAttribute("data-waiting")`, 10*time.Second)
	tb.setOffline(t)
	if p := probe(t, tb); !strings.HasPrefix(p, "failed") {
		t.Fatalf("offline, a request the service worker has not cached gave %q: the network is not cut off", p)
	}
	tb.do(t, chromedp.Reload())
	tb.startApp(t)
	checkOfflineRoute(t, tb, offlineRoutes[0])
	for _, e := range tb.rec.Errors() {
		if !strings.Contains(e, probeParam) {
			t.Errorf("offline, the page logged: %s", e)
		}
	}
}

func checkOfflineRoute(t *testing.T, tb *tab, r offlineRoute) {
	t.Helper()
	if r.article {
		if h := eval[string](t, tb, `document.querySelector("h1")?.textContent ?? ""`); h != headline {
			t.Errorf("h1 = %q, want the headline", h)
		}
	} else if eval[bool](t, tb, `!!document.getElementById("article")`) {
		t.Error("the map embed shows the article")
	}
	v := eval[shownView](t, tb, `({
		Event: document.querySelector('[data-event][aria-current="true"]')?.dataset.event ?? "",
		MapDate: document.getElementById("map-date")?.getAttribute("datetime") ?? "",
		Card: document.getElementById("country-card")?.dataset.iso ?? "",
	})`)
	if v.MapDate != r.date || v.Event != r.event || v.Card != r.card {
		t.Errorf("shows date %q, event %q, card %q; want %q, %q, %q", v.MapDate, v.Event, v.Card, r.date, r.event, r.card)
	}
	if want := cmp.Or(r.url, r.path); !eval[bool](t, tb, `(location.pathname + location.search).endsWith(`+jsString(want)+`)`) {
		t.Errorf("the address is %s, want it to end in %s", eval[string](t, tb, `location.href`), want)
	}
	got := statuses(t, tb)
	if len(got) < 40 {
		t.Errorf("only %d states drawn", len(got))
	}
	for iso, want := range r.statuses {
		if got[iso] != want {
			t.Errorf("%s is %q, want %q", iso, got[iso], want)
		}
	}
	tb.do(t, chromedp.ScrollIntoView(chromedp.CSS(r.click)), chromedp.Click(chromedp.CSS(r.click)))
	tb.waitTrue(t, r.afterClick, 10*time.Second)
}

// pinnedServer is an explainer server on a port that stays the same across
// restarts, as a real site's address does: the service worker and its
// caches belong to the origin.
type pinnedServer struct {
	addr, web string
	bin       string // the server binary, if not the run's own
	srv       *server
}

// newPinnedSite starts a pinnedServer over a copy of web/, which a test
// may change to publish a new release (release), and returns it with the
// site's address.
func newPinnedSite(t *testing.T) (*pinnedServer, string) {
	t.Helper()
	web := filepath.Join(t.TempDir(), "web")
	if _, err := copytree.Copy(filepath.Join(repoRoot, "web"), web); err != nil {
		t.Fatalf("copying web/: %v", err)
	}
	srv := &pinnedServer{addr: freePort(t), web: web}
	srv.start(t)
	t.Cleanup(func() { srv.stop(t) })
	return srv, "http://" + srv.addr
}

// release publishes a new version at the same address: it stops the
// server, lets change edit its web folder, and starts it again.
func (s *pinnedServer) release(t *testing.T, change func(web string)) {
	t.Helper()
	s.stop(t)
	change(s.web)
	s.start(t)
}

// freePort finds a loopback port nothing listens on.
func freePort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// start runs the server binary on the pinned address, serving the folder
// web, and waits for it to print its address (startServer's way, on a
// fixed port).
func (s *pinnedServer) start(t *testing.T) {
	t.Helper()
	bin := s.bin
	if bin == "" {
		bin = serverBin
	}
	cmd := exec.Command(bin, "serve", "-addr", s.addr, "-web", s.web)
	cmd.Dir = repoRoot
	out := &addrWatcher{found: make(chan string, 1)}
	cmd.Stdout = out
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	select {
	case u := <-out.found:
		s.srv = &server{URL: u, cmd: cmd, out: out, exited: exited}
	case err := <-exited:
		t.Fatalf("the server on %s exited before listening (%v); it printed:\n%s", s.addr, err, out)
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		<-exited
		t.Fatalf("the server on %s printed no address in 20s; it printed:\n%s", s.addr, out)
	}
}

// stop shuts the server down gracefully and waits for it.
func (s *pinnedServer) stop(t *testing.T) {
	t.Helper()
	if s.srv == nil {
		return
	}
	if err := s.srv.Stop(); err != nil {
		t.Errorf("stopping the server on %s: %v", s.addr, err)
	}
	s.srv = nil
}

// appendTo appends text to the file at path.
func appendTo(t *testing.T, path, text string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	_, err = f.WriteString(text)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
}

// cacheNames lists the page origin's caches.
func cacheNames(t *testing.T, tb *tab) []string {
	t.Helper()
	return eval[[]string](t, tb, `caches.keys()`)
}

func TestUpdateNoticeAfterNewVersion(t *testing.T) {
	srv, site := newPinnedSite(t)

	tb := newTab(t, 120*time.Second)
	tb.open(t, site+"/")
	tb.waitControlled(t)
	before := cacheNames(t, tb)
	if len(before) != 1 {
		t.Fatalf("caches before the update: %v, want one", before)
	}
	if eval[bool](t, tb, `!!document.getElementById("update-notice")`) {
		t.Fatal("an update notice shows before any update")
	}

	// A new release: the same address, one file changed.
	const marker = "/* release 2 */"
	srv.release(t, func(web string) { appendTo(t, filepath.Join(web, "explainer.css"), "\n"+marker+"\n") })

	// What go-app does when the app asks for an update check.
	eval[bool](t, tb, `(goappTryUpdate(), true)`)
	tb.waitTrue(t, `!!document.getElementById("update-notice")`, 30*time.Second)
	notice := eval[string](t, tb, `document.getElementById("update-notice").innerText`)
	if !strings.Contains(notice, "A new version is available") {
		t.Errorf("the update notice says %q", notice)
	}
	if b := eval[string](t, tb, `document.querySelector("#update-notice button")?.textContent ?? ""`); b != "Reload" {
		t.Errorf("the notice's button is %q, want Reload", b)
	}
	after := cacheNames(t, tb)
	if len(after) != 1 || after[0] == before[0] {
		t.Errorf("caches after the update: %v (before: %v); want only the new version's", after, before)
	}

	// Reload from the notice: the new version, whole.
	eval[bool](t, tb, `(window.oldPage = true)`)
	tb.do(t, chromedp.Click(chromedp.CSS("#update-reload")))
	tb.waitAcrossLoads(t, `!window.oldPage && document.documentElement.dataset.ready === "true"`, 40*time.Second)
	served := eval[string](t, tb, `fetch("/web/explainer.css").then(r => r.text())`)
	if !strings.Contains(served, marker) {
		t.Error("after Reload the stylesheet is still the old release's")
	}
	worker := eval[string](t, tb, `fetch("/app-worker.js").then(r => r.text())`)
	if !strings.Contains(worker, after[0]) {
		t.Errorf("the service worker in use does not name the cache %s", after[0])
	}
	if eval[bool](t, tb, `!!document.getElementById("update-notice")`) {
		t.Error("the update notice is still shown after reloading into the new version")
	}
	if h := eval[string](t, tb, `document.querySelector("h1").textContent`); h != headline {
		t.Errorf("after Reload h1 = %q", h)
	}
	tb.do(t, chromedp.Click(chromedp.CSS(`#timeline [data-event="armenia-freezes"]`)))
	tb.waitEvent(t, "armenia-freezes")
	tb.noErrors(t)
}

// On a phone the app starts late, as the reader nears the panels. A new
// release's service worker may take over the page meanwhile; the app that
// starts must still be the page's own, and the notice then offers the new
// one. The release here is a wasm that cannot compile, so starting it
// would show.
func TestUpdateWhileAPhoneReaderReads(t *testing.T) {
	srv, site := newPinnedSite(t)

	tb := newTab(t, 120*time.Second)
	tb.asPhone(t)
	tb.open(t, site+"/")
	tb.waitServiceWorker(t)
	tb.do(t, chromedp.Reload())
	tb.waitTrue(t, `navigator.serviceWorker.controller !== null && document.getElementById("app-wasm-loader")?.hasAttribute("data-waiting")`, 10*time.Second)
	before := cacheNames(t, tb)

	srv.release(t, func(web string) {
		for _, name := range []string{"app.wasm.br", "app.wasm.gz"} {
			if err := os.Remove(filepath.Join(web, name)); err != nil {
				t.Fatal(err)
			}
		}
		appendTo(t, filepath.Join(web, "app.wasm"), "\xff\xff") // section id 255: no such section
	})

	eval[bool](t, tb, `(goappTryUpdate(), true)`)
	tb.waitTrue(t, `caches.keys().then(k => k.length === 1 && k[0] !== `+jsString(before[0])+`)`, 30*time.Second)
	tb.startApp(t)
	tb.waitTrue(t, `!!document.getElementById("update-notice")`, 10*time.Second)
	tb.noErrors(t)
}

// waitAcrossLoads polls a JavaScript expression until it is true, through
// page loads (which make a plain poll fail when its context goes away).
func (tb *tab) waitAcrossLoads(t *testing.T, expr string, timeout time.Duration) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		ok, err := chromedp.Run(tb.ctx, chromedp.Evaluate[bool](expr))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("waiting for %s: %v\n%s", expr, err, tb.rec.summary())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// manifest is the part of the web app manifest installation needs.
type manifest struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	ShortName   string `json:"short_name"`
	StartURL    string `json:"start_url"`
	Scope       string `json:"scope"`
	Display     string `json:"display"`
	ThemeColor  string `json:"theme_color"`
	Background  string `json:"background_color"`
	Icons       []manifestImage
	Screenshots []struct {
		manifestImage
		FormFactor string `json:"form_factor"`
		Label      string `json:"label"`
	}
}

type manifestImage struct {
	Src     string `json:"src"`
	Sizes   string `json:"sizes"`
	Type    string `json:"type"`
	Purpose string `json:"purpose"`
}

func TestInstallable(t *testing.T) {
	tb := newTab(t, 60*time.Second)
	tb.open(t, "/")
	tb.waitControlled(t)
	href := eval[string](t, tb, `document.querySelector('link[rel="manifest"]')?.href ?? ""`)
	if href == "" {
		t.Fatal(`no <link rel="manifest">`)
	}
	res, err := http.Get(href)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", href, res.Status)
	}
	if ct, _, _ := mime.ParseMediaType(res.Header.Get("Content-Type")); ct != "application/manifest+json" && ct != "application/json" {
		t.Errorf("the manifest is served as %q", ct)
	}
	var m manifest
	if err := json.Unmarshal(body, &m); err != nil {
		t.Fatalf("the manifest does not parse: %v\n%s", err, body)
	}
	if m.Name == "" || m.ShortName == "" {
		t.Errorf("name %q, short_name %q", m.Name, m.ShortName)
	}
	if m.StartURL == "" || m.Display != "standalone" && m.Display != "minimal-ui" && m.Display != "fullscreen" {
		t.Errorf("start_url %q, display %q", m.StartURL, m.Display)
	}
	base, _ := url.Parse(href)

	// Every image it names is there, an image of the size it claims.
	want := map[string]bool{"192x192 any": false, "512x512 any": false, "512x512 maskable": false, "svg": false}
	for _, ic := range m.Icons {
		w, h := checkImage(t, base, ic)
		purpose := cmp.Or(ic.Purpose, "any")
		switch {
		case ic.Type == "image/svg+xml":
			want["svg"] = true
		case w > 0:
			want[fmt.Sprintf("%dx%d %s", w, h, purpose)] = true
		}
	}
	for k, ok := range want {
		if !ok {
			t.Errorf("the manifest has no %s icon", k)
		}
	}
	factors := map[string]bool{}
	for _, s := range m.Screenshots {
		checkImage(t, base, s.manifestImage)
		factors[s.FormFactor] = true
		if s.Label == "" {
			t.Errorf("screenshot %s has no label", s.Src)
		}
	}
	if !factors["wide"] || !factors["narrow"] {
		t.Errorf("screenshots for form factors %v, want wide and narrow", factors)
	}

	// And Chromium agrees: it parses the manifest without complaint and
	// finds nothing that stops installation.
	am, err := chromedp.Call(tb.ctx, page.GetAppManifest, page.GetAppManifestParams{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range am.Errors {
		t.Errorf("Chromium: manifest line %d: %s", e.Line, e.Message)
	}
	ie, err := chromedp.Call(tb.ctx, page.GetInstallabilityErrors, cdp.Empty{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ie.InstallabilityErrors {
		// A test browser context is incognito-like; that alone is not the app's fault.
		if e.ErrorID != "in-incognito" {
			t.Errorf("Chromium: not installable: %s %v", e.ErrorID, e.ErrorArguments)
		}
	}
	tb.noErrors(t)
}

// checkImage fetches a manifest image and returns its pixel size (0 for SVG).
func checkImage(t *testing.T, base *url.URL, im manifestImage) (w, h int) {
	t.Helper()
	u, err := base.Parse(im.Src)
	if err != nil {
		t.Errorf("image %q: %v", im.Src, err)
		return 0, 0
	}
	res, err := http.Get(u.String())
	if err != nil {
		t.Errorf("GET %s: %v", u, err)
		return 0, 0
	}
	defer res.Body.Close()
	ct, _, _ := mime.ParseMediaType(res.Header.Get("Content-Type"))
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(ct, "image/") {
		t.Errorf("GET %s: %s, Content-Type %q; want 200 and an image", u, res.Status, ct)
		return 0, 0
	}
	if ct != im.Type {
		t.Errorf("%s is served as %s but the manifest says %s", im.Src, ct, im.Type)
	}
	if ct == "image/svg+xml" {
		b, _ := io.ReadAll(res.Body)
		if !strings.Contains(string(b), "<svg") {
			t.Errorf("%s is not an SVG", im.Src)
		}
		return 0, 0
	}
	cfg, _, err := image.DecodeConfig(res.Body)
	if err != nil {
		t.Errorf("%s: %v", im.Src, err)
		return 0, 0
	}
	if size := strconv.Itoa(cfg.Width) + "x" + strconv.Itoa(cfg.Height); size != im.Sizes {
		t.Errorf("%s is %s but the manifest says %s", im.Src, size, im.Sizes)
	}
	return cfg.Width, cfg.Height
}
