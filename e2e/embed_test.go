package e2e

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// hostPage is a news page on another site that embeds the explainer with
// Pym.js and also listens for the other height formats.
const hostPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A news page</title>
<style>body{margin:0;font:16px sans-serif} #frame-box{width:%dpx}</style></head>
<body><h1>A news page</h1><div id="frame-box"></div>
<script src="/pym.v1.min.js"></script>
<script>
window.heights = {pym: [], dw: [], amp: [], embedly: []};
window.addEventListener("message", function (e) {
  var d = e.data;
  if (typeof d === "string" && d.indexOf("pymxPYMx") === 0) { window.heights.pym.push(d); }
  else if (d && d["datawrapper-height"]) { window.heights.dw.push(d["datawrapper-height"]); }
  else if (d && d.sentinel === "amp" && d.type === "embed-size") { window.heights.amp.push(d.height); }
  else if (typeof d === "string" && d.indexOf("iframe.resize") >= 0) { window.heights.embedly.push(JSON.parse(d).height); }
});
window.pymParent = new pym.Parent("frame-box", %q, {title: "Armenia and the CSTO, explained"});
</script></body></html>`

// newHostSite serves the host page on another site than the explainer:
// "localhost" rather than "127.0.0.1", so the iframe is cross-site.
func newHostSite(t *testing.T, page func(r *http.Request) string) string {
	t.Helper()
	pym := npmFile(t, "pym.js", "1.3.2", "dist/pym.v1.min.js")
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/pym.v1.min.js":
			w.Header().Set("Content-Type", "text/javascript")
			w.Write(pym)
		case "/":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, page(r))
		case "/favicon.ico":
			w.WriteHeader(http.StatusNoContent)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(ts.Close)
	return strings.Replace(ts.URL, "127.0.0.1", "localhost", 1)
}

// settledHeight waits until the iframe's height has stopped changing and
// returns it with the embed's own last reported height.
func settledHeight(t *testing.T, tb *tab) (frame, reported float64) {
	t.Helper()
	tb.waitTrue(t, `document.querySelector("#frame-box iframe") !== null && window.heights.dw.length > 0`, 30*time.Second)
	last, stable := -1.0, 0
	deadline := time.Now().Add(40 * time.Second)
	for stable < 4 {
		if time.Now().After(deadline) {
			t.Fatalf("the iframe's height did not settle in 40 s; it was last %.0f px", last)
		}
		tb.do(t, chromedp.Sleep(500*time.Millisecond))
		h := eval[float64](t, tb, `document.querySelector("#frame-box iframe").getBoundingClientRect().height`)
		if h == last && h > 300 {
			stable++
		} else {
			stable = 0
		}
		last = h
	}
	reported = eval[float64](t, tb, `(() => { const d = window.heights.dw[window.heights.dw.length - 1]; return d[Object.keys(d)[0]] })()`)
	return last, reported
}

func TestEmbedSizesItselfInAHostPage(t *testing.T) {
	for _, width := range []int{700, 360} {
		t.Run(fmt.Sprintf("%dpx", width), func(t *testing.T) {
			embedURL := baseURL + "/embed?view=all&embedId=dw1&event=armenia-freezes"
			host := newHostSite(t, func(*http.Request) string { return fmt.Sprintf(hostPage, width, embedURL) })
			tb := newTab(t, 90*time.Second)
			tb.do(t, chromedp.EmulateViewport(int64(width)+40, 900))
			tb.open(t, host+"/")
			frame, reported := settledHeight(t, tb)
			if math.Abs(frame-reported) > 4 {
				t.Errorf("iframe is %.0f px tall, the embed's content %.0f px", frame, reported)
			}
			if frame < 1000 {
				t.Errorf("iframe only %.0f px tall for the whole explainer", frame)
			}
			if w := eval[float64](t, tb, `document.querySelector("#frame-box iframe").getBoundingClientRect().width`); math.Abs(w-float64(width)) > 1 {
				t.Errorf("iframe is %.0f px wide, want %d", w, width)
			}
			src := eval[string](t, tb, `document.querySelector("#frame-box iframe").src`)
			u, _ := url.Parse(src)
			if u.Query().Get("childId") != "frame-box" {
				t.Fatalf("Pym did not add its childId: %s", src)
			}
			pym := eval[[]string](t, tb, `window.heights.pym`)
			if len(pym) == 0 || !strings.HasPrefix(pym[len(pym)-1], "pymxPYMxframe-boxxPYMxheightxPYMx") {
				t.Errorf("Pym messages %v", pym)
			}
			dwKey := eval[string](t, tb, `Object.keys(window.heights.dw[0])[0]`)
			if dwKey != "dw1" || !strings.Contains(src, dwKey) {
				t.Errorf("Datawrapper messages keyed %q, which the iframe URL %s should contain", dwKey, src)
			}
			for _, format := range []string{"amp", "embedly"} {
				hs := eval[[]float64](t, tb, `window.heights.`+format)
				if len(hs) == 0 || math.Abs(hs[len(hs)-1]-reported) > 0.5 {
					t.Errorf("%s heights %v, want the last to be %.0f", format, hs, reported)
				}
			}
			tb.noErrors(t)
		})
	}
}

// The embed code's own script sizes the iframe without Pym, and each embed
// view shows its part only.
func TestEmbedViewsAndOwnScript(t *testing.T) {
	tb := newTab(t, 60*time.Second)
	for _, tt := range []struct {
		view  string
		shows []string
		hides []string
	}{
		{"map", []string{"#map"}, []string{"#timeline", "#article"}},
		{"timeline", []string{"#timeline"}, []string{"#map", "#article"}},
		{"article", []string{"#article"}, []string{"#map", "#timeline"}},
		{"all", []string{"#map", "#timeline", "#article"}, nil},
	} {
		tb.open(t, "/embed?view="+tt.view+"&theme=dark&country=ARM")
		tb.waitReady(t)
		for _, sel := range tt.shows {
			if !eval[bool](t, tb, `document.querySelector(`+jsString(sel)+`) !== null`) {
				t.Errorf("view %s lacks %s", tt.view, sel)
			}
		}
		for _, sel := range tt.hides {
			if eval[bool](t, tb, `document.querySelector(`+jsString(sel)+`) !== null`) {
				t.Errorf("view %s shows %s", tt.view, sel)
			}
		}
		if !eval[bool](t, tb, `document.querySelector(".embed").classList.contains("theme-dark")`) {
			t.Errorf("view %s ignores theme=dark", tt.view)
		}
		link := eval[string](t, tb, `document.querySelector(".embed-open").getAttribute("href")`)
		if link != "/country/ARM/" {
			t.Errorf("link to the full explainer %q should be the view's canonical path, without the embed options", link)
		}
	}
	// Selections inside the embed keep the iframe's own URL current, embed
	// options included.
	tb.open(t, "/embed?view=timeline&theme=dark")
	tb.waitReady(t)
	tb.do(t, chromedp.Click(chromedp.CSS(`[data-event="armenia-freezes"]`)))
	tb.waitEvent(t, "armenia-freezes")
	if q := query(t, tb); q.Get("event") != "armenia-freezes" || q.Get("view") != "timeline" || q.Get("theme") != "dark" {
		t.Errorf("after a selection the embed's URL is %v", q)
	}
	tb.noErrors(t)
}

// The editor's embed code, pasted into another site's page, sizes the
// iframe with our script.
func TestEmbedCodeFromTheDialog(t *testing.T) {
	tb := newTab(t, 90*time.Second)
	tb.open(t, "/event/bishkek-summit/")
	tb.waitReady(t)
	tb.do(t, chromedp.Click(chromedp.CSS("#embed-open")))
	tb.waitTrue(t, `document.getElementById("embed-dialog") !== null`, 10*time.Second)
	tb.do(t, chromedp.Click(chromedp.CSS("#embed-view-map")))
	tb.waitTrue(t, `document.getElementById("embed-code").value.includes("view=map")`, 10*time.Second)
	code := eval[string](t, tb, `document.getElementById("embed-code").value`)
	for _, want := range []string{`<iframe src="` + baseURL + `/embed?event=bishkek-summit&amp;view=map"`, `title="`, `loading="lazy"`, `<script async src="` + baseURL + `/web/embed.js"></script>`} {
		if !strings.Contains(code, want) {
			t.Errorf("embed code lacks %s:\n%s", want, code)
		}
	}
	host := newHostSite(t, func(*http.Request) string {
		return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body><div id="frame-box" style="width:600px">` + code + `</div></body></html>`
	})
	tb2 := newTab(t, 90*time.Second)
	tb2.open(t, host+"/")
	tb2.waitTrue(t, `(() => { const f = document.querySelector("iframe"); return f && f.getBoundingClientRect().height !== 900 && f.getBoundingClientRect().height > 300 })()`, 40*time.Second)
	tb2.noErrors(t)
	// Escape closes the dialog.
	tb.do(t, chromedp.KeyEvent("\x1b"))
	tb.waitTrue(t, `document.getElementById("embed-dialog") === null`, 10*time.Second)
	tb.noErrors(t)
}

// newReadyHost serves, on another site, a page that embeds the map view
// with embedId and childId id in an iframe with these extra attributes,
// and notes in window.got whether the embed said it is ready, and every
// height it sent, in each format, in order.
func newReadyHost(t *testing.T, id, attrs string) string {
	t.Helper()
	embedURL := baseURL + "/embed?view=map&embedId=" + id + "&childId=" + id
	return newHostSite(t, func(*http.Request) string {
		return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body>
<iframe ` + attrs + ` src="` + embedURL + `" title="explainer" style="width:600px;height:400px;border:0"></iframe>
<script>
window.got = {readyAt: -1, messages: []};
window.addEventListener("message", function (e) {
  var d = e.data, m = null;
  if (d && d.type === "explainer:ready") { window.got.readyAt = window.got.messages.length; return; }
  if (typeof d === "string" && d.indexOf("pymxPYMx") === 0) {
    var p = d.split("xPYMx");
    m = {format: "pym", id: p[1] + " " + p[2], height: Number(p[3])};
  } else if (d && d["datawrapper-height"]) {
    var k = Object.keys(d["datawrapper-height"])[0];
    m = {format: "datawrapper", id: k, height: d["datawrapper-height"][k]};
  } else if (d && d.sentinel === "amp" && d.type === "embed-size") {
    m = {format: "amp", height: d.height};
  } else if (typeof d === "string" && d.indexOf("iframe.resize") >= 0) {
    m = {format: "embedly", height: JSON.parse(d).height};
  }
  if (m) { window.got.messages.push(m); }
});
</script></body></html>`
	})
}

// embedFrame is what the embed's own document says about itself.
type embedFrame struct {
	Ready, Origin string
	Height        float64 // of <html>'s box, rounded up, as the embed measures it
}

// heightMessage is a height the embed sent, as the host page noted it.
type heightMessage struct {
	Format, ID string
	Height     float64
}

// checkReadyEmbed waits for the embed in the host page to say it is ready
// and then send its height, and checks that it has mounted and that its
// last height, in every format host pages listen for, is its document's
// real height. The embed is on another site, so its document is read
// through its own target: the host page cannot reach into it. It returns
// the embed's view of itself.
func checkReadyEmbed(t *testing.T, tb *tab, id string) embedFrame {
	t.Helper()
	// The embed sends its height again as it announces it is ready.
	tb.waitTrue(t, `window.got.readyAt >= 0 && window.got.messages.length > window.got.readyAt`, 40*time.Second)
	frameCtx := embedTarget(t, tb)
	read := func() embedFrame {
		f, err := chromedp.Run(frameCtx, chromedp.Evaluate[embedFrame](`({Ready: document.documentElement.dataset.ready ?? "",
			Origin: self.origin, Height: Math.ceil(document.documentElement.getBoundingClientRect().height)})`))
		if err != nil {
			t.Fatalf("reading the embed's document: %v", err)
		}
		return f
	}
	// A resize is sent at most 100 ms after it happens.
	var frame embedFrame
	var last map[string]heightMessage
	for deadline := time.Now().Add(10 * time.Second); ; {
		frame = read()
		last = map[string]heightMessage{}
		for _, m := range eval[[]heightMessage](t, tb, `window.got.messages.slice(window.got.readyAt)`) {
			last[m.Format] = m
		}
		settled := len(last) == 4
		for _, m := range last {
			settled = settled && m.Height == frame.Height
		}
		if settled || time.Now().After(deadline) {
			break
		}
		tb.do(t, chromedp.Sleep(200*time.Millisecond))
	}
	if frame.Ready != "true" {
		t.Errorf("the embed said it is ready, but its data-ready is %q", frame.Ready)
	}
	if frame.Height < 300 {
		t.Errorf("the embed's document is only %.0f px tall", frame.Height)
	}
	for _, format := range []string{"pym", "datawrapper", "amp", "embedly"} {
		m, ok := last[format]
		switch {
		case !ok:
			t.Errorf("after it was ready the embed sent no %s height; it sent %v", format, last)
		case m.Height != frame.Height:
			t.Errorf("the embed's last %s height is %.0f px; its document is %.0f px", format, m.Height, frame.Height)
		}
	}
	if m := last["pym"]; m.ID != id+" height" {
		t.Errorf("the Pym message is for %q, want %q", m.ID, id+" height")
	}
	if m := last["datawrapper"]; m.ID != id {
		t.Errorf("the Datawrapper message is keyed %q, want %q", m.ID, id)
	}
	return frame
}

// embedTarget attaches to the explainer's iframe in the tab: a cross-site
// iframe is a target of its own.
func embedTarget(t *testing.T, tb *tab) context.Context {
	t.Helper()
	targets, err := chromedp.Targets(tb.ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, ti := range targets {
		if ti.Type == "iframe" && strings.HasPrefix(ti.URL, baseURL+"/embed") &&
			ti.BrowserContextID == chromedp.FromContext(tb.ctx).BrowserContextID {
			ctx, cancel := chromedp.NewContext(tb.ctx, chromedp.WithTargetID(ti.TargetID))
			t.Cleanup(cancel)
			return ctx
		}
	}
	t.Fatalf("no iframe target of the explainer among %d targets", len(targets))
	return nil
}

// Where third-party storage is blocked, the embed still starts: Chrome's
// third-party cookie restriction is on, and the embed is on another site.
func TestEmbedWorksWithThirdPartyStorageBlocked(t *testing.T) {
	host := newReadyHost(t, "blocked", "")
	tb := newTab(t, 90*time.Second)
	if _, err := chromedp.Call(tb.ctx, network.SetCookieControls, network.SetCookieControlsParams{EnableThirdPartyCookieRestriction: true}); err != nil {
		t.Fatal(err)
	}
	tb.open(t, host+"/")
	checkReadyEmbed(t, tb, "blocked")
	tb.noErrors(t)
}

// Some news sites sandbox their iframes without allow-same-origin. The
// embed then has an opaque origin: no storage, no service worker, and its
// own site's files are cross-origin. It must work all the same.
func TestEmbedWorksInASandboxedIframe(t *testing.T) {
	t.Run("iframe", func(t *testing.T) {
		host := newReadyHost(t, "sandboxed", `sandbox="allow-scripts allow-popups"`)
		tb := newTab(t, 90*time.Second)
		tb.open(t, host+"/")
		if f := checkReadyEmbed(t, tb, "sandboxed"); f.Origin != "null" {
			t.Errorf("the embed's origin is %q: the sandbox did not apply", f.Origin)
		}
		tb.noErrors(t)
	})
	// The same sandbox on the page itself, so the test sees its console.
	t.Run("page", func(t *testing.T) {
		site := sandboxedEmbedSite(t)
		tb := newTab(t, 90*time.Second)
		tb.open(t, site+"/embed?view=map")
		tb.waitReady(t)
		if o := eval[string](t, tb, `self.origin`); o != "null" {
			t.Fatalf("the page's origin is %q: it is not sandboxed", o)
		}
		tb.do(t, chromedp.Click(chromedp.CSS("#map-KAZ")))
		tb.waitTrue(t, `document.getElementById("country-card")?.dataset.iso === "KAZ"`, 10*time.Second)
		tb.noErrors(t)
	})
}

// A change of <html>'s own padding, with no change of its content, still
// reaches the host page: the height sent is the border box, so the embed
// must watch that box, not the content box inside it.
func TestEmbedSendsItsHeightWhenOnlyItsPaddingChanges(t *testing.T) {
	host := newReadyHost(t, "padded", "")
	tb := newTab(t, 90*time.Second)
	tb.open(t, host+"/")
	before := checkReadyEmbed(t, tb, "padded")
	if _, err := chromedp.Run(embedTarget(t, tb), chromedp.Evaluate[bool](
		`(document.documentElement.style.paddingBottom = "37px", true)`)); err != nil {
		t.Fatal(err)
	}
	after := checkReadyEmbed(t, tb, "padded")
	if after.Height != before.Height+37 {
		t.Errorf("the embed is %.0f px tall after 37 px of padding, was %.0f", after.Height, before.Height)
	}
	tb.noErrors(t)
}

// sandboxedEmbedSite serves the explainer with /embed sandboxed without
// allow-same-origin, as a host's iframe sandbox would: an opaque origin,
// with no storage. It returns the site's URL.
func sandboxedEmbedSite(t *testing.T) string {
	t.Helper()
	origin, err := url.Parse(baseURL)
	if err != nil {
		t.Fatal(err)
	}
	proxy := httputil.NewSingleHostReverseProxy(origin)
	proxy.ModifyResponse = func(r *http.Response) error {
		if r.Request.URL.Path == "/embed" {
			r.Header.Add("Content-Security-Policy", "sandbox allow-scripts")
		}
		return nil
	}
	ts := httptest.NewServer(proxy)
	t.Cleanup(ts.Close)
	return ts.URL
}
