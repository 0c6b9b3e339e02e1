package e2e

import (
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// statuses reads every drawn state's data-status.
func statuses(t *testing.T, tb *tab) map[string]string {
	t.Helper()
	return eval[map[string]string](t, tb, `Object.fromEntries([...document.querySelectorAll("#map path[data-iso]")].map(p => [p.dataset.iso, p.dataset.status]))`)
}

// query returns the view's parameters in the page's current URL: its
// query, and the subject its path carries (/event/ID/ as event=ID, and so
// on), so a test can ask for the view whatever its canonical form.
func query(t *testing.T, tb *tab) url.Values {
	t.Helper()
	loc, err := chromedp.Run(tb.ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(loc)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	if m := viewPath.FindStringSubmatch(u.Path); m != nil {
		q.Set(m[1], m[2])
	}
	return q
}

// viewPath is a view's path: its subject's kind and value.
var viewPath = regexp.MustCompile(`/(event|country|at)/([^/]+)/$`)

// The map's statuses at dates across the CSTO's history, in the client app
// after a deep link (the core's own tests check every transition).
func TestMapStatusesAtDates(t *testing.T) {
	members92 := []string{"ARM", "KAZ", "KGZ", "RUS", "TJK", "UZB"}
	tests := []struct {
		at   string
		want map[string][]string // status -> states
	}{
		{"1991-12-30", map[string][]string{"none": {"ARM", "AZE", "BLR", "GEO", "KAZ", "KGZ", "RUS", "TJK", "UZB", "TUR"}}},
		{"1996-06-01", map[string][]string{"member": append([]string{"AZE", "BLR", "GEO"}, members92...), "none": {"TUR", "IRN", "UKR"}}},
		{"2001-01-01", map[string][]string{"member": {"ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"}, "former": {"AZE", "GEO", "UZB"}}},
		{"2009-03-01", map[string][]string{"member": {"ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK", "UZB"}, "former": {"AZE", "GEO"}}},
		{"2015-01-01", map[string][]string{"member": {"ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"}, "suspended": {"UZB"}, "former": {"AZE", "GEO"}}},
		{"2025-11-27", map[string][]string{"member": {"BLR", "KAZ", "KGZ", "RUS", "TJK"}, "frozen": {"ARM"}, "suspended": {"UZB"}, "former": {"AZE", "GEO"}, "none": {"TUR", "IRN", "UKR", "CHN"}}},
	}
	tb := newTab(t, 90*time.Second)
	for _, tt := range tests {
		tb.open(t, "/at/"+tt.at+"/")
		tb.waitReady(t)
		got := statuses(t, tb)
		if len(got) < 40 {
			t.Fatalf("at %s only %d states drawn", tt.at, len(got))
		}
		for status, isos := range tt.want {
			for _, iso := range isos {
				if got[iso] != status {
					t.Errorf("at %s: %s is %q, want %q", tt.at, iso, got[iso], status)
				}
			}
		}
		// Only the treaty's parties ever have a status other than none.
		parties := map[string]bool{"ARM": true, "AZE": true, "BLR": true, "GEO": true, "KAZ": true, "KGZ": true, "RUS": true, "TJK": true, "UZB": true}
		for iso, status := range got {
			if !parties[iso] && status != "none" {
				t.Errorf("at %s: %s is %q, want none", tt.at, iso, status)
			}
		}
		if d := eval[string](t, tb, `document.getElementById("map-date").getAttribute("datetime")`); d != tt.at {
			t.Errorf("map title shows %s, want %s", d, tt.at)
		}
	}
}

func TestMapPointerSelectionOpensCard(t *testing.T) {
	tb := newTab(t, 60*time.Second)
	tb.open(t, "/")
	tb.waitReady(t)
	tb.do(t, chromedp.ScrollIntoView(chromedp.CSS("#map-KAZ")), chromedp.Click(chromedp.CSS("#map-KAZ")))
	tb.waitTrue(t, `document.querySelector("#country-card")?.dataset.iso === "KAZ"`, 10*time.Second)
	if q := query(t, tb); q.Get("country") != "KAZ" {
		t.Errorf("URL query %v, want country=KAZ", q)
	}
	card := eval[string](t, tb, `document.getElementById("country-card").innerText`)
	for _, want := range []string{"Kazakhstan", "member since 15 May 1992", "Membership history", "Bishkek summit"} {
		if !strings.Contains(card, want) {
			t.Errorf("card lacks %q:\n%s", want, card)
		}
	}
	if !eval[bool](t, tb, `document.getElementById("map-KAZ").classList.contains("is-selected")`) {
		t.Error("the selected state is not marked on the map")
	}
	// Escape closes the card and drops the state from the URL.
	tb.do(t, chromedp.Focus(chromedp.CSS("#country-card-close")), chromedp.KeyEvent(kb.Escape))
	tb.waitTrue(t, `!document.getElementById("country-card")`, 10*time.Second)
	if q := query(t, tb); q.Has("country") {
		t.Errorf("URL still has country after Escape: %v", q)
	}
	tb.noErrors(t)
}

func TestMapHoverShowsTooltip(t *testing.T) {
	tb := newTab(t, 60*time.Second)
	tb.open(t, "/")
	tb.waitReady(t)
	tb.do(t, chromedp.ScrollIntoView(chromedp.CSS("#map-RUS")))
	x, y := centre(t, tb, "#map-KAZ")
	tb.do(t, chromedp.MouseEvent("mouseMoved", x, y))
	tb.waitTrue(t, `document.querySelector(".map-tooltip")?.textContent.startsWith("Kazakhstan: member")`, 10*time.Second)
	if !eval[bool](t, tb, `document.getElementById("map-KAZ").classList.contains("is-hover")`) {
		t.Error("the hovered state is not highlighted")
	}
	// Moving on to another state moves the tooltip; leaving the map drops it.
	x, y = centre(t, tb, "#map-UZB")
	tb.do(t, chromedp.MouseEvent("mouseMoved", x, y))
	tb.waitTrue(t, `document.querySelector(".map-tooltip")?.textContent.startsWith("Uzbekistan:") && !document.querySelector("#map-KAZ.is-hover")`, 10*time.Second)
	tb.do(t, chromedp.MouseEvent("mouseMoved", 2, 2))
	tb.waitTrue(t, `!document.querySelector(".map-tooltip") && !document.querySelector(".map .is-hover")`, 10*time.Second)
	tb.noErrors(t)
}

// centre is the viewport point at the middle of the element sel matches.
func centre(t *testing.T, tb *tab, sel string) (x, y float64) {
	t.Helper()
	xy := eval[[]float64](t, tb, `(() => { const r = document.querySelector(`+jsString(sel)+`).getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2] })()`)
	return xy[0], xy[1]
}

func TestMapKeyboard(t *testing.T) {
	tb := newTab(t, 60*time.Second)
	tb.open(t, "/")
	tb.waitReady(t)
	if n := eval[int](t, tb, `document.querySelectorAll('#map path[tabindex="0"]').length`); n != 1 {
		t.Fatalf("%d tab stops in the map, want one", n)
	}
	// Tab into the map from the element before it: focus lands on the tab stop (Armenia).
	tb.do(t, chromedp.Focus(chromedp.CSS("#map-ARM")))
	if iso := eval[string](t, tb, `document.activeElement.dataset.iso`); iso != "ARM" {
		t.Fatalf("focus on %q", iso)
	}
	tb.waitTrue(t, `document.querySelector(".map-tooltip")?.textContent === "Armenia: member, participation frozen since 22 February 2024"`, 5*time.Second)
	// Alphabetical: Armenia, then Austria or Azerbaijan, whichever the map
	// draws.
	tb.do(t, chromedp.KeyEvent(kb.ArrowRight))
	tb.waitTrue(t, `document.activeElement.dataset.iso && document.activeElement.dataset.iso !== "ARM"`, 5*time.Second)
	if next := eval[string](t, tb, `document.activeElement.dataset.iso`); next != "AUT" && next != "AZE" {
		t.Errorf("ArrowRight from Armenia moved focus to %q, want the next state in alphabetical order (AUT or AZE)", next)
	}
	tb.do(t, chromedp.KeyEvent(kb.ArrowLeft))
	tb.waitTrue(t, `document.activeElement.dataset.iso === "ARM"`, 5*time.Second)
	if eval[string](t, tb, `document.activeElement.getAttribute("tabindex")`) != "0" {
		t.Error("the roving tab stop did not follow the focus")
	}
	tb.do(t, chromedp.KeyEvent(kb.Enter))
	tb.waitTrue(t, `document.querySelector("#country-card")?.dataset.iso === "ARM"`, 10*time.Second)
	if q := query(t, tb); q.Get("country") != "ARM" {
		t.Errorf("URL %v, want country=ARM", q)
	}
	card := eval[string](t, tb, `document.getElementById("country-card").innerText`)
	for _, want := range []string{"absent", "frozen", "In the article"} {
		if !strings.Contains(card, want) {
			t.Errorf("Armenia's card lacks %q", want)
		}
	}
	// Escape from the map closes the card and gives focus back to the state.
	tb.do(t, chromedp.Focus(chromedp.CSS("#map-ARM")), chromedp.KeyEvent(kb.Escape))
	tb.waitTrue(t, `!document.getElementById("country-card") && document.activeElement.id === "map-ARM"`, 10*time.Second)
	// Space selects too.
	tb.do(t, chromedp.KeyEvent(" "))
	tb.waitTrue(t, `document.querySelector("#country-card")?.dataset.iso === "ARM"`, 10*time.Second)
	// The focused state is edged in the focus colour, 3 px: not as it is
	// once focus has gone on, when it is only selected.
	focused := armStroke(t, tb)
	if !focused.Focused || focused.Stroke != focused.Focus || focused.Width != "3px" {
		t.Errorf("the focused state is edged %s %s; want 3px in the focus colour %s", focused.Width, focused.Stroke, focused.Focus)
	}
	tb.do(t, chromedp.Focus(chromedp.CSS("#country-card-close")))
	if unfocused := armStroke(t, tb); unfocused.Focused || unfocused.Stroke == focused.Stroke && unfocused.Width == focused.Width {
		t.Errorf("Armenia is edged %s %s with focus and %s %s without: the focus does not show", focused.Width, focused.Stroke, unfocused.Width, unfocused.Stroke)
	}
	tb.noErrors(t)
}

// mapStroke is how a state on the map is edged.
type mapStroke struct {
	Focused              bool
	Stroke, Width, Focus string // Focus: the focus colour, as computed styles give colours
}

// armStroke reads how Armenia is edged on the map, and whether it has focus.
func armStroke(t *testing.T, tb *tab) mapStroke {
	t.Helper()
	return eval[mapStroke](t, tb, `(() => {
		const el = document.getElementById("map-ARM"), cs = getComputedStyle(el);
		const probe = document.createElement("i");
		probe.style.color = cs.getPropertyValue("--focus").trim();
		document.body.append(probe);
		const focus = getComputedStyle(probe).color;
		probe.remove();
		return {Focused: document.activeElement === el, Stroke: cs.stroke, Width: cs.strokeWidth, Focus: focus};
	})()`)
}

// On a phone, Armenia is a speck on the main map; the inset makes it a
// target a finger can hit.
func TestInsetOnPhone(t *testing.T) {
	tb := newTab(t, 60*time.Second)
	tb.asPhone(t)
	tb.open(t, "/")
	// On a phone the map comes after the article; a link at the top leads
	// to it, and the app starts as the reader comes near it.
	tb.do(t, chromedp.Click(chromedp.CSS(`.jump-links a[href="#map"]`)))
	tb.waitReady(t)
	tb.waitTrue(t, `(() => { const r = document.getElementById("map").getBoundingClientRect(); return r.top >= -2 && r.top < innerHeight / 2 })()`, 10*time.Second)
	tb.do(t, chromedp.ScrollIntoView(chromedp.CSS(`.map-inset path[data-inset="ARM"]`)))
	size := eval[[]float64](t, tb, `(() => { const r = document.querySelector('.map-inset path[data-inset="ARM"]').getBoundingClientRect(); return [r.width, r.height] })()`)
	if size[0] < 24 || size[1] < 24 {
		t.Errorf("Armenia in the inset is %.0fx%.0f px; want at least 24x24", size[0], size[1])
	}
	main := eval[[]float64](t, tb, `(() => { const r = document.getElementById("map-ARM").getBoundingClientRect(); return [r.width, r.height] })()`)
	if main[0] >= size[0] {
		t.Errorf("the inset (%.0f px) does not enlarge Armenia (%.0f px on the main map)", size[0], main[0])
	}
	tb.do(t, chromedp.Tap(chromedp.CSS(`.map-inset path[data-inset="ARM"]`)))
	tb.waitTrue(t, `document.querySelector("#country-card")?.dataset.iso === "ARM"`, 10*time.Second)
	if q := query(t, tb); q.Get("country") != "ARM" {
		t.Errorf("URL %v, want country=ARM", q)
	}
	if w := eval[float64](t, tb, `document.documentElement.scrollWidth`); w > 391 {
		t.Errorf("the page is %.0f px wide on a 390 px phone: it scrolls sideways", w)
	}
	tb.noErrors(t)
}
