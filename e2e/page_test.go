package e2e

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/chromedp"
)

var paragraphIDs = []string{"summit", "escalation", "path", "post-soviet", "russia", "external", "manoeuvre", "conclusion"}

const headline = "Armenia Refuses to Attend CSTO Summit in Bishkek"

// checkArticle asserts the whole clean article is in the page.
func checkArticle(t *testing.T, tb *tab) {
	t.Helper()
	if h := eval[string](t, tb, `document.querySelector("h1").textContent`); h != headline {
		t.Errorf("h1 = %q", h)
	}
	ids := eval[[]string](t, tb, `[...document.querySelectorAll("p.paragraph")].map(p => p.id)`)
	if strings.Join(ids, " ") != "p-"+strings.Join(paragraphIDs, " p-") {
		t.Errorf("paragraphs %v", ids)
	}
	text := eval[string](t, tb, `document.body.innerText`)
	for _, want := range []string{"By Times Tengri", "26 November 2025", "Kyrgyzstan, on November 27, 2025",
		"in a dynamic game."} {
		if !strings.Contains(text, want) {
			t.Errorf("page text lacks %q", want)
		}
	}
	lines := map[string]bool{}
	for _, l := range strings.Split(text, "\n") {
		lines[strings.TrimSpace(l)] = true
	}
	for _, junk := range []string{"top of page", "bottom of page", "Comments", "Search", "ree", "Writer: Times Tengri", "Nov 26"} {
		if lines[junk] || strings.Contains(text, "top of page") || strings.Contains(text, "bottom of page") {
			t.Errorf("scrape furniture %q is on the page", junk)
		}
	}
}

func TestArticleReadsWithoutJavaScript(t *testing.T) {
	tb := newTab(t, 60*time.Second)
	if _, err := chromedp.Call(tb.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	tb.open(t, "/")
	checkArticle(t, tb)
	if eval[bool](t, tb, `"ready" in document.documentElement.dataset`) {
		t.Error("data-ready is set with JavaScript off")
	}
	// The map and the timeline are in the HTML too, as links that work.
	if n := eval[int](t, tb, `document.querySelectorAll("#map path[data-iso]").length`); n < 40 {
		t.Errorf("%d states drawn without JavaScript", n)
	}
	if n := eval[int](t, tb, `document.querySelectorAll("[data-event]").length`); n < 25 {
		t.Errorf("%d events listed without JavaScript", n)
	}
}

// The wasm is held back at the network until the checks are done, so this
// sees exactly what a reader sees while it downloads.
func TestArticleVisibleBeforeWasm(t *testing.T) {
	tb := newTab(t, 90*time.Second)
	paused := chromedp.Events(tb.ctx, fetch.RequestPaused)
	if _, err := chromedp.Call(tb.ctx, fetch.Enable, fetch.EnableParams{
		Patterns: []*fetch.RequestPattern{{URLPattern: "*app.wasm*"}},
	}); err != nil {
		t.Fatal(err)
	}
	held := make(chan fetch.RequestID, 1)
	go func() {
		for ev, err := range paused {
			if err != nil {
				return
			}
			held <- ev.RequestID
			return
		}
	}()
	tb.open(t, "/")
	var id fetch.RequestID
	select {
	case id = <-held:
	case <-time.After(20 * time.Second):
		t.Fatal("the page never asked for app.wasm")
	}
	checkArticle(t, tb)
	for _, sel := range []string{"h1", "#p-summit", "#p-escalation"} {
		covered := eval[string](t, tb, `(() => {
			const el = document.querySelector(`+jsString(sel)+`);
			el.scrollIntoView({block: "center"});
			const r = el.getBoundingClientRect();
			const hit = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 20));
			return el.contains(hit) ? "" : (hit ? hit.outerHTML.slice(0, 120) : "nothing");
		})()`)
		if covered != "" {
			t.Errorf("%s is covered before the wasm arrives by %s", sel, covered)
		}
	}
	if h := eval[float64](t, tb, `(() => { const l = document.getElementById("app-wasm-loader"); return l ? l.getBoundingClientRect().height : 0 })()`); h > 6 {
		t.Errorf("the loader is %.0f px tall; it should be a thin bar", h)
	}
	if eval[bool](t, tb, `"ready" in document.documentElement.dataset`) {
		t.Fatal("data-ready is set before the wasm arrived")
	}
	if _, err := chromedp.Call(tb.ctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: id}); err != nil {
		t.Fatal(err)
	}
	tb.waitReady(t)
	checkArticle(t, tb)
}

func TestReadyAndNoConsoleErrors(t *testing.T) {
	tb := newTab(t, 60*time.Second)
	tb.open(t, "/")
	tb.waitReady(t)
	tb.do(t, chromedp.Sleep(time.Second))
	checkArticle(t, tb)
	tb.noErrors(t)
}

func TestNoRequestLeavesOrigin(t *testing.T) {
	tb := newTab(t, 60*time.Second)
	tb.open(t, "/?event=armenia-freezes&country=ARM")
	tb.waitReady(t)
	tb.do(t, chromedp.Sleep(time.Second))
	reqs := tb.rec.Requests()
	if len(reqs) < 3 {
		t.Fatalf("only %d requests recorded: %v", len(reqs), reqs)
	}
	for _, u := range reqs {
		if !strings.HasPrefix(u, baseURL+"/") && !strings.HasPrefix(u, "data:") && !strings.HasPrefix(u, "blob:") {
			t.Errorf("request left the origin: %s", u)
		}
	}
}

// exportSite runs the export command into a fresh folder.
func exportSite(t *testing.T, prefix string) string {
	t.Helper()
	out := t.TempDir()
	cmd := exec.Command(serverBin, "export", "-out", out, "-prefix", prefix)
	cmd.Dir = repoRoot
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("export: %v\n%s", err, b)
	}
	for _, f := range []string{"index.html", "app.js", "wasm_exec.js", "app-worker.js", "manifest.webmanifest", "web/app.wasm", "web/app.wasm.br", "web/app.wasm.gz"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("export lacks %s", f)
		}
	}
	return out
}

func TestExportServedByPlainFileServer(t *testing.T) {
	for _, prefix := range []string{"", "/csto"} {
		t.Run("prefix="+prefix, func(t *testing.T) {
			out := exportSite(t, prefix)
			var h http.Handler = http.FileServer(http.Dir(out))
			if prefix != "" {
				h = http.StripPrefix(prefix, h)
			}
			ts := httptest.NewServer(h)
			defer ts.Close()
			tb := newTab(t, 60*time.Second)
			tb.open(t, ts.URL+prefix+"/")
			checkArticle(t, tb)
			tb.waitReady(t)
			tb.do(t, chromedp.Sleep(500*time.Millisecond))
			tb.noErrors(t)
			for _, u := range tb.rec.Requests() {
				if strings.HasPrefix(u, ts.URL) && !strings.HasPrefix(u, ts.URL+prefix+"/") {
					t.Errorf("request outside the site's prefix: %s", u)
				}
			}
		})
	}
}

func TestServerHeadersAndPrecompressedWasm(t *testing.T) {
	res, err := http.Get(baseURL + "/")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if bytes.Contains(page, []byte("data-ready")) {
		t.Error("the server's HTML carries data-ready")
	}
	if !bytes.Contains(page, []byte(headline)) {
		t.Error("the server's HTML lacks the headline")
	}
	if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self' 'wasm-unsafe-eval'") {
		t.Errorf("CSP %q", csp)
	}
	if res.Header.Get("X-Content-Type-Options") != "nosniff" || res.Header.Get("Referrer-Policy") == "" {
		t.Errorf("headers %v", res.Header)
	}
	for _, tt := range []struct{ accept, encoding, file string }{
		{"br", "br", "app.wasm.br"},
		{"gzip", "gzip", "app.wasm.gz"},
		{"identity", "", "app.wasm"},
	} {
		req, _ := http.NewRequest("GET", baseURL+"/web/app.wasm", nil)
		req.Header.Set("Accept-Encoding", tt.accept)
		res, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		want, _ := os.ReadFile(filepath.Join(repoRoot, "web", tt.file))
		if res.Header.Get("Content-Encoding") != tt.encoding || res.Header.Get("Content-Type") != "application/wasm" || !bytes.Equal(body, want) {
			t.Errorf("Accept-Encoding %s: encoding %q type %q, body matches %s: %v", tt.accept,
				res.Header.Get("Content-Encoding"), res.Header.Get("Content-Type"), tt.file, bytes.Equal(body, want))
		}
	}
	for _, p := range []string{"/web/%2e%2e/go.mod", "/web/../go.mod", "/web/", "/go.mod", "/main.go"} {
		req, _ := http.NewRequest("GET", baseURL+p, nil)
		req.URL.RawPath = p
		res, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", p, res.StatusCode)
		}
	}
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
}
