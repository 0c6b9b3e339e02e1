package e2e

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// axe-core, the accessibility engine, from npm. The script's SHA-256 is
// pinned: new rules are a deliberate upgrade, not a surprise.
const (
	axeVersion = "4.10.3"
	axeSHA256  = "880970c081707360e64f34cea25ff91892f5bc95675b0776925b9709dd8a68bb"
)

// axeTags are the rule sets run: WCAG 2.0, 2.1 and 2.2 at levels A and AA.
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"}

// axeSource returns axe.min.js, fetched once with npm into .cache/ (see
// npmFile: without npm the test skips, or fails when CI=true).
func axeSource(t *testing.T) string {
	t.Helper()
	src := npmFile(t, "axe-core", axeVersion, "axe.min.js")
	if sum := sha256.Sum256(src); hex.EncodeToString(sum[:]) != axeSHA256 {
		t.Fatalf("axe-core %s: axe.min.js has sha256 %x, want %s; delete .cache/axe-core-%s.tgz to fetch it again",
			axeVersion, sum, axeSHA256, axeVersion)
	}
	return string(src)
}

// axeViolation is one failed rule, with the elements that fail it.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target  string `json:"target"`
		HTML    string `json:"html"`
		Summary string `json:"summary"`
	} `json:"nodes"`
}

func (v axeViolation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): %s", v.ID, v.Impact, v.Help)
	for i, n := range v.Nodes {
		if i == 8 {
			fmt.Fprintf(&b, "\n    ... and %d more", len(v.Nodes)-i)
			break
		}
		fmt.Fprintf(&b, "\n    %s  %s\n      %s", n.Target, n.HTML, strings.ReplaceAll(n.Summary, "\n", " "))
	}
	return b.String()
}

// runAxe injects axe-core into the page through DevTools (the page's CSP
// does not apply there) and runs the WCAG 2.2 AA rules on the document.
func runAxe(t *testing.T, tb *tab) []axeViolation {
	t.Helper()
	src := axeSource(t)
	if !eval[bool](t, tb, `typeof window.axe === "object"`) {
		r, err := chromedp.Call(tb.ctx, runtime.Evaluate, runtime.EvaluateParams{Expression: src})
		if err != nil {
			t.Fatalf("injecting axe-core: %v", err)
		}
		if r.ExceptionDetails != nil {
			t.Fatalf("injecting axe-core: %s", r.ExceptionDetails.Text)
		}
	}
	tags, _ := json.Marshal(axeTags)
	return eval[[]axeViolation](t, tb, `(async () => {
		const r = await axe.run(document, {runOnly: {type: "tag", values: `+string(tags)+`}, resultTypes: ["violations"]});
		return r.violations.map(v => ({id: v.id, impact: v.impact || "", help: v.help,
			nodes: v.nodes.map(n => ({target: JSON.stringify(n.target), html: n.html.slice(0, 160), summary: n.failureSummary || ""}))}));
	})()`)
}

// emulate sets the viewport and the reader's preferences: colour scheme,
// and reduced motion as every test tab has it.
func emulate(t *testing.T, tb *tab, width, height int64, scheme string) {
	t.Helper()
	var opts []chromedp.EmulateViewportOption
	if width < 600 {
		opts = append(opts, chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulatePortrait)
	}
	tb.do(t, chromedp.EmulateViewport(width, height, opts...))
	if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{
			{Name: "prefers-reduced-motion", Value: "reduce"},
			{Name: "prefers-color-scheme", Value: scheme},
		},
	}); err != nil {
		t.Fatalf("emulating %s: %v", scheme, err)
	}
}

// axeRoutes are the pages checked: the opening view; a deep link with the
// country card and the event details open, and then the embed code dialog
// too; and the embed's views, each theme forced on a system of the other.
var axeRoutes = []struct{ path, click, opens string }{
	{path: "/"},
	{path: "/event/armenia-freezes/?country=ARM"},
	{path: "/event/armenia-freezes/?country=ARM", click: "#embed-open", opens: "embed-dialog"},
	{path: "/embed?view=all&event=armenia-freezes&country=ARM"},
	{path: "/embed?view=map&theme=dark&country=ARM"},
	{path: "/embed?view=timeline&theme=light&event=armenia-freezes"},
	{path: "/embed?view=article&theme=dark"},
}

// The explainer has no WCAG 2.2 A or AA violation that axe-core can find,
// on a wide screen in the light theme and on a phone in the dark theme,
// with the membership table unfolded so its cells are checked too.
func TestAccessibilityAxe(t *testing.T) {
	axeSource(t) // skip or fail before starting the browser
	for _, theme := range []struct {
		name          string
		width, height int64
		scheme        string
	}{
		{"1280x800-light", 1280, 800, "light"},
		{"390x844-dark", 390, 844, "dark"},
	} {
		t.Run(theme.name, func(t *testing.T) {
			tb := newTab(t, 90*time.Second)
			emulate(t, tb, theme.width, theme.height, theme.scheme)
			for _, r := range axeRoutes {
				route := r.path
				tb.open(t, route)
				tb.startApp(t)
				if r.click != "" {
					route += " with " + r.click + " clicked"
					tb.do(t, chromedp.Click(chromedp.CSS(r.click)))
					tb.waitTrue(t, `!!document.getElementById(`+jsString(r.opens)+`)`, 10*time.Second)
				}
				if got := eval[string](t, tb, `matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light"`); got != theme.scheme {
					t.Fatalf("the page sees a %s scheme, want %s", got, theme.scheme)
				}
				eval[bool](t, tb, `(() => { document.querySelectorAll("details").forEach(d => d.open = true); return true })()`)
				violations := runAxe(t, tb)
				for _, v := range violations {
					t.Errorf("%s %s: %s", theme.name, route, v)
				}
				t.Logf("%s %s: %d violations", theme.name, route, len(violations))
			}
			tb.noErrors(t)
		})
	}
}

// The check above is only worth something if axe reports what it finds:
// a planted unlabelled button and low-contrast text must be caught.
func TestAxeFindsPlantedViolations(t *testing.T) {
	axeSource(t)
	tb := newTab(t, 60*time.Second)
	tb.open(t, "/")
	tb.waitReady(t)
	eval[bool](t, tb, `(() => {
		const b = document.createElement("button"); b.id = "planted-button";
		const p = document.createElement("p"); p.id = "planted-text"; p.textContent = "faint";
		document.getElementById("article").append(b, p);
		// The CSP forbids inline styles in markup, not styles set from script.
		p.style.color = "#eeeeee"; p.style.background = "#ffffff";
		return true })()`)
	found := map[string]bool{}
	for _, v := range runAxe(t, tb) {
		found[v.ID] = true
	}
	for _, want := range []string{"button-name", "color-contrast"} {
		if !found[want] {
			t.Errorf("axe missed the planted %s violation; it found %v", want, found)
		}
	}
}
