package e2e

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"explainer/app/embed"
)

// otherOriginHost serves pages at "/" (and a would-be impostor at
// "/impostor") from 127.0.0.2, another origin than the explainer's
// 127.0.0.1, as a news site's page would be. Where 127.0.0.2 cannot be
// bound it falls back to "localhost" on 127.0.0.1, which is still another
// origin.
func otherOriginHost(t *testing.T, pages map[string]string) string {
	t.Helper()
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/favicon.ico" {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		page, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	})
	if l, err := net.Listen("tcp", "127.0.0.2:0"); err == nil {
		ts := httptest.NewUnstartedServer(h)
		ts.Listener.Close()
		ts.Listener = l
		ts.Start()
		t.Cleanup(ts.Close)
		return ts.URL
	}
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return strings.Replace(ts.URL, "127.0.0.1", "localhost", 1)
}

// The ways news sites frame an embed: plain, and sandboxed with and
// without the flags that give it back its origin.
var hostSandboxes = []string{"", "allow-scripts", "allow-scripts allow-popups", "allow-scripts allow-same-origin"}

// embedHostPage frames the map embed once per sandbox, each iframe at a
// deliberately wrong 300 px, plus an impostor: an iframe on the host's own
// origin that posts a height in the explainer's format. It records, per
// iframe, the heights each posted and whether it said it was ready.
func embedHostPage(withScript bool) string {
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A news page</title>
<style>body{margin:0;font:16px sans-serif} iframe{display:block}</style></head><body><h1>A news page</h1>
<script>
window.sent = [];
window.addEventListener("message", function (e) {
  var frames = document.getElementsByTagName("iframe");
  for (var i = 0; i < frames.length; i++) {
    if (frames[i].contentWindow !== e.source) continue;
    var s = window.sent[i] || (window.sent[i] = {heights: [], ready: false, afterReady: false});
    if (e.data && e.data.type === "explainer:ready") { s.ready = true; }
    if (e.data && e.data.sentinel === "amp") { s.heights.push(e.data.height); if (s.ready) { s.afterReady = true; } }
  }
});
</script>
`)
	for i, sb := range hostSandboxes {
		frame := embed.IFrame(baseURL+"/embed?view=map&embedId=f"+fmt.Sprint(i), "Armenia and the CSTO, explained", 300)
		if sb != "" {
			frame = strings.Replace(frame, "<iframe ", `<iframe sandbox="`+sb+`" `, 1)
		}
		b.WriteString(frame + "\n")
	}
	b.WriteString(`<iframe src="/impostor" title="Not the explainer" width="100%" height="300" style="border:0;width:100%"></iframe>` + "\n")
	if withScript {
		fmt.Fprintf(&b, `<script async src="%s/web/embed.js"></script>`+"\n", baseURL)
	}
	b.WriteString(`</body></html>`)
	return b.String()
}

// impostorPage claims a height in the explainer's format from the host's
// own origin, which the host script must not take for the explainer.
const impostorPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Impostor</title></head><body>
<script>
function claim() { parent.postMessage({sentinel: "amp", type: "embed-size", height: 1234}, "*"); }
claim(); setInterval(claim, 200);
</script></body></html>`

// frameState is what the host page sees of its iframes.
type frameState struct {
	Sandbox    string
	Height     float64 // the iframe's rendered height
	Last       float64 // the last height it posted, 0 if none
	Ready      bool    // it said it was ready and posted a height since
	Impostor   bool
	OwnOrigin  bool // the host can read its document: not cross-origin
	HeightAttr string
}

func readFrames(t *testing.T, tb *tab) []frameState {
	t.Helper()
	return eval[[]frameState](t, tb, `[...document.getElementsByTagName("iframe")].map((f, i) => {
		const s = window.sent[i] || {heights: [], afterReady: false};
		return {
			Sandbox: f.getAttribute("sandbox") || "",
			Height: f.getBoundingClientRect().height,
			Last: s.heights.length ? s.heights[s.heights.length - 1] : 0,
			Ready: s.afterReady,
			Impostor: f.getAttribute("src") === "/impostor",
			OwnOrigin: (() => { try { return !!f.contentDocument } catch (e) { return false } })(),
			HeightAttr: f.getAttribute("height") || "",
		};
	})`)
}

// Sandboxed or not, every explainer iframe on another site's page grows
// to the height its embed reports, under web/embed.js; an iframe of the
// host's own origin that posts the same kind of message is not resized.
func TestEmbedHostSizesEveryFrame(t *testing.T) {
	for _, phone := range []bool{true, false} {
		t.Run(map[bool]string{true: "390px", false: "1280px"}[phone], func(t *testing.T) { testEmbedHostSizes(t, phone) })
	}
}

func testEmbedHostSizes(t *testing.T, phone bool) {
	host := otherOriginHost(t, map[string]string{"/": embedHostPage(true), "/impostor": impostorPage})
	if strings.HasPrefix(host, strings.TrimSuffix(baseURL, "/")) {
		t.Fatalf("the host %s is on the explainer's origin", host)
	}
	tb := newTab(t, 150*time.Second)
	if phone {
		tb.asPhone(t)
	}
	tb.open(t, host+"/")
	// Each embed's last report, after it was ready, is its final height;
	// wait until every iframe has taken the height it last reported.
	tb.waitTrue(t, `window.sent.filter(s => s && s.afterReady).length === `+fmt.Sprint(len(hostSandboxes))+` &&
		[...document.getElementsByTagName("iframe")].every((f, i) => f.getAttribute("src") === "/impostor" ||
			Math.abs(f.getBoundingClientRect().height - window.sent[i].heights[window.sent[i].heights.length - 1]) < 1)`, 120*time.Second)
	frames := readFrames(t, tb)
	if len(frames) != len(hostSandboxes)+1 {
		t.Fatalf("the host page has %d iframes, want %d", len(frames), len(hostSandboxes)+1)
	}
	for _, f := range frames {
		switch {
		case f.Impostor:
			if f.Height != 300 || f.HeightAttr != "300" {
				t.Errorf("the host's own iframe, posting a height of 1234, was resized to %.0f px (height=%q)", f.Height, f.HeightAttr)
			}
		case f.OwnOrigin:
			t.Errorf("the explainer's iframe (sandbox %q) is readable by the host: it is not cross-origin", f.Sandbox)
		case f.Last < 600:
			t.Errorf("the map embed (sandbox %q) reported only %.0f px", f.Sandbox, f.Last)
		case f.Height != f.Last || f.HeightAttr != fmt.Sprint(f.Last):
			t.Errorf("the iframe with sandbox %q is %.0f px (height=%q); its embed reported %.0f px", f.Sandbox, f.Height, f.HeightAttr, f.Last)
		}
	}
	tb.noErrors(t)
}

// Without web/embed.js nothing sizes the iframes: the check above would
// see their initial 300 px if the script did not do the sizing.
func TestEmbedHostWithoutScriptLeavesFrames(t *testing.T) {
	host := otherOriginHost(t, map[string]string{"/": embedHostPage(false), "/impostor": impostorPage})
	tb := newTab(t, 150*time.Second)
	tb.asPhone(t)
	tb.open(t, host+"/")
	tb.waitTrue(t, `window.sent.filter(s => s && s.afterReady).length === `+fmt.Sprint(len(hostSandboxes)), 120*time.Second)
	for _, f := range readFrames(t, tb) {
		if f.Height != 300 {
			t.Errorf("without the host script the iframe with sandbox %q is %.0f px, want its initial 300", f.Sandbox, f.Height)
		}
		if !f.Impostor && f.Last <= 300 {
			t.Errorf("the embed with sandbox %q reported %.0f px: the test would not tell a sized iframe from one left alone", f.Sandbox, f.Last)
		}
	}
	tb.noErrors(t)
}
