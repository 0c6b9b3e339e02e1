package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// focused describes the element that has keyboard focus.
type focused struct {
	Key                              int // the same number for the same element, within one page
	Tag, ID, Class, Event, ISO, Text string
	Body                             bool    // nothing focused (the document itself)
	Visible                          string  // how focus shows: "outline 3px solid", "stroke ...", or "" when it does not
	W, H, Top, Bottom                float64 // its box in the viewport
	InArticle, InMap, InCard         bool
	InPanels, InTimeline, InDetails  bool
}

func (f focused) String() string {
	if f.Body {
		return "(document)"
	}
	s := "<" + f.Tag
	if f.ID != "" {
		s += "#" + f.ID
	}
	if f.Class != "" {
		s += "." + strings.ReplaceAll(f.Class, " ", ".")
	}
	return s + "> " + fmt.Sprintf("%.30q", f.Text)
}

// readFocus reads the focused element and how its focus indicator shows:
// an outline, or for a map shape a focus-coloured stroke at least 2 px wide
// (shapes are otherwise edged 0.6 px in the background colour).
func readFocus(t *testing.T, tb *tab) focused {
	t.Helper()
	return eval[focused](t, tb, `(() => {
		const el = document.activeElement;
		if (!el || el === document.body || el === document.documentElement) return {Body: true};
		const cs = getComputedStyle(el);
		const r = el.getBoundingClientRect();
		let visible = "";
		if (cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) >= 2) {
			visible = "outline " + cs.outlineWidth + " " + cs.outlineStyle + " " + cs.outlineColor;
		} else if (el instanceof SVGElement && cs.stroke !== "none" && parseFloat(cs.strokeWidth) >= 2) {
			const edge = getComputedStyle(document.documentElement).getPropertyValue("--st-edge").trim();
			const probe = document.createElement("i"); probe.style.color = edge; document.body.append(probe);
			const edgeRGB = getComputedStyle(probe).color; probe.remove();
			if (cs.stroke !== edgeRGB) visible = "stroke " + cs.strokeWidth + " " + cs.stroke;
		}
		const keys = window.__focusKeys ??= new WeakMap();
		if (!keys.has(el)) keys.set(el, window.__focusNext = (window.__focusNext || 0) + 1);
		return {
			Key: keys.get(el), Tag: el.tagName.toLowerCase(), ID: el.id, Class: el.getAttribute("class") || "",
			Event: el.dataset?.event || "", ISO: el.dataset?.iso || "",
			Text: (el.getAttribute("aria-label") || el.textContent || "").trim().replace(/\s+/g, " "),
			Visible: visible, W: r.width, H: r.height, Top: r.top, Bottom: r.bottom,
			InArticle: !!el.closest("#article"), InMap: !!el.closest("#map svg.map"),
			InCard: !!el.closest("#country-card"), InPanels: !!el.closest(".panels"),
			InTimeline: !!el.closest("#timeline"), InDetails: !!el.closest("#event-details"),
		};
	})()`)
}

// A keyboard-only reader gets through the whole explainer with Tab: the
// skip link first; then the masthead's controls, the article's links, the
// map as one tab stop, the country card's controls, the date slider, the
// play button, every event and the event's sources, each showing where
// focus is; Tab never gets stuck, but leaves the panels at their end and
// comes round to the skip link, which takes focus to the article. (Operating
// the map and the timeline with the arrow keys is tested with them.)
func TestKeyboardWalkThrough(t *testing.T) {
	tb := newTab(t, 90*time.Second)
	tb.open(t, "/event/armenia-freezes/?country=ARM")
	tb.waitReady(t)
	tb.do(t, chromedp.KeyEvent(kb.Tab))
	skip := readFocus(t, tb)
	if !strings.Contains(skip.Class, "skip-link") {
		t.Fatalf("the first Tab focuses %s, want the skip link", skip)
	}
	if skip.Visible == "" || skip.Top < 0 || skip.Bottom > 800 || skip.W < 24 || skip.H < 24 {
		t.Errorf("the focused skip link is not visible on screen: %+v", skip)
	}
	// Walk on from the skip link until focus wraps round to it or leaves the page.
	tb.do(t, chromedp.KeyEvent(kb.Tab))
	var walk []focused
	seen := map[int]int{}
	for i := 0; i < 400; i++ {
		f := readFocus(t, tb)
		if f.Body || strings.Contains(f.Class, "skip-link") {
			break
		}
		if j, again := seen[f.Key]; again {
			t.Fatalf("focus is trapped: Tab came back to %s (step %d) at step %d", f, j, len(walk))
		}
		seen[f.Key] = len(walk)
		walk = append(walk, f)
		if f.Visible == "" {
			t.Errorf("no visible focus on %s", f)
		}
		if f.W < 1 || f.H < 1 {
			t.Errorf("focus on an invisible element %s (%.0fx%.0f)", f, f.W, f.H)
		}
		tb.do(t, chromedp.KeyEvent(kb.Tab))
	}
	if len(walk) == 0 || len(walk) >= 400 {
		t.Fatalf("the walk took %d steps", len(walk))
	}

	index := func(match func(focused) bool) int {
		for i, f := range walk {
			if match(f) {
				return i
			}
		}
		return -1
	}
	steps := []struct {
		name  string
		match func(focused) bool
	}{
		{"the masthead's controls", func(f focused) bool { return f.ID == "embed-open" }},
		{"a link in the article", func(f focused) bool { return f.InArticle && f.Tag == "a" }},
		{"the map", func(f focused) bool { return f.InMap }},
		{"the country card's close button", func(f focused) bool { return f.ID == "country-card-close" }},
		{"a link in the country card", func(f focused) bool { return f.InCard && f.Tag == "a" }},
		{"the date slider", func(f focused) bool { return f.ID == "date-scrubber" }},
		{"the play button", func(f focused) bool { return f.ID == "play-path" }},
		{"the first event", func(f focused) bool { return f.Event != "" }},
		{"a source in the event's details", func(f focused) bool { return f.InDetails && f.Tag == "a" }},
	}
	last := -1
	for _, s := range steps {
		i := index(s.match)
		switch {
		case i < 0:
			t.Errorf("Tab never reaches %s", s.name)
		case i < last:
			t.Errorf("Tab reaches %s (step %d) before the step before it (%d)", s.name, i, last)
		default:
			last = i
		}
	}

	// The map is one tab stop, on the selected state; every event is one.
	var mapStops, events []string
	for _, f := range walk {
		if f.InMap {
			mapStops = append(mapStops, f.ISO)
		}
		if f.Event != "" {
			events = append(events, f.Event)
		}
	}
	if len(mapStops) != 1 || mapStops[0] != "ARM" {
		t.Errorf("the map's tab stops: %v, want one, on ARM", mapStops)
	}
	if n := eval[int](t, tb, `document.querySelectorAll("#timeline [data-event]").length`); len(events) != n {
		t.Errorf("Tab visits %d events of %d", len(events), n)
	}

	// No trap: Tab went on past the panels' last control and out of them,
	// and on round to the skip link, which takes focus to the article.
	if end := lastIndex(walk, func(f focused) bool { return f.InPanels }); end < len(walk)-1 {
		t.Logf("after the panels Tab goes on to %s", walk[end+1])
	}
	for i := 0; i < 3 && !strings.Contains(readFocus(t, tb).Class, "skip-link"); i++ {
		tb.do(t, chromedp.KeyEvent(kb.Tab))
	}
	if f := readFocus(t, tb); !strings.Contains(f.Class, "skip-link") {
		t.Fatalf("Tab from the page's end goes to %s, not round to the skip link", f)
	}
	tb.do(t, chromedp.KeyEvent(kb.Enter))
	tb.waitTrue(t, `document.activeElement.id === "article"`, 10*time.Second)
	tb.do(t, chromedp.KeyEvent(kb.Tab))
	if f := readFocus(t, tb); !f.InArticle || f.Tag != "a" {
		t.Errorf("Tab after the skip link focuses %s, want the article's first link", f)
	}

	// Shift+Tab walks back the same way.
	tb.do(t, chromedp.Focus(chromedp.CSS("#play-path")), chromedp.KeyEvent(kb.Tab, chromedp.KeyModifiers(chromedp.ModifierShift)))
	if f := readFocus(t, tb); f.ID != "date-scrubber" {
		t.Errorf("Shift+Tab from the play button focuses %s, want the date slider", f)
	}
	t.Logf("%d tab stops after the skip link", len(walk))
	tb.noErrors(t)
}

func lastIndex(fs []focused, match func(focused) bool) int {
	for i := len(fs) - 1; i >= 0; i-- {
		if match(fs[i]) {
			return i
		}
	}
	return -1
}

// Every in-page link to a part of the article moves focus there, so the
// next Tab goes on from the passage the reader jumped to.
func TestInPageLinksMoveFocus(t *testing.T) {
	tb := newTab(t, 60*time.Second)
	tb.open(t, "/event/armenia-freezes/?country=ARM")
	tb.waitReady(t)
	tb.do(t, chromedp.Focus(chromedp.CSS("#event-details a.event-passage")), chromedp.KeyEvent(kb.Enter))
	tb.waitTrue(t, `document.activeElement.id === "p-escalation"`, 10*time.Second)
	tb.do(t, chromedp.KeyEvent(kb.Tab))
	if f := readFocus(t, tb); !f.InArticle || f.Tag != "a" {
		t.Errorf("Tab after the passage link focuses %s, want a link in the passage", f)
	}
	// Links to the panels (the phone layout's jump links) do the same.
	for _, id := range []string{"map", "timeline"} {
		eval[bool](t, tb, `(() => { const a = document.createElement("a"); a.href = "#`+id+`"; a.id = "jump-probe-`+id+`";
			document.getElementById("article").append(a); a.click(); return true })()`)
		tb.waitTrue(t, `document.activeElement.id === "`+id+`"`, 10*time.Second)
	}
	tb.noErrors(t)
}
