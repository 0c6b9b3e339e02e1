package e2e

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// view reads what the page shows: selected event, map date, highlighted
// paragraph, open country card and URL (path and query).
type shownView struct {
	Event, MapDate, Paragraph, Card, URL, ARM string
}

func readView(t *testing.T, tb *tab) shownView {
	t.Helper()
	return eval[shownView](t, tb, `({
		Event: document.querySelector('[data-event][aria-current="true"]')?.dataset.event ?? "",
		MapDate: document.getElementById("map-date").getAttribute("datetime"),
		Paragraph: document.querySelector(".paragraph.is-highlighted")?.dataset.paragraph ?? "",
		Card: document.getElementById("country-card")?.dataset.iso ?? "",
		URL: location.pathname + location.search,
		ARM: document.getElementById("map-ARM").dataset.status,
	})`)
}

func (tb *tab) waitEvent(t *testing.T, id string) {
	t.Helper()
	tb.waitTrue(t, `document.querySelector('[data-event][aria-current="true"]')?.dataset.event === `+jsString(id), 10*time.Second)
}

func TestSelectingAnEventUpdatesMapArticleAndURL(t *testing.T) {
	tb := newTab(t, 60*time.Second)
	tb.open(t, "/")
	tb.waitReady(t)
	if n := eval[int](t, tb, `document.querySelectorAll('[data-event][aria-current="true"]').length`); n != 0 {
		t.Fatalf("%d events current before any selection", n)
	}
	// The contract: one focusable element per event, each with its date.
	if bad := eval[[]string](t, tb, `(() => {
		const els = [...document.querySelectorAll("[data-event]")];
		const ids = els.map(e => e.dataset.event);
		return els.filter((e, i) => e.tabIndex < 0 || !e.dataset.date || ids.indexOf(ids[i]) !== i).map(e => e.outerHTML.slice(0, 80));
	})()`); len(bad) > 0 {
		t.Errorf("event elements that are duplicated, unfocusable or undated: %v", bad)
	}
	if n := eval[int](t, tb, `document.querySelectorAll("[data-event]").length`); n < 25 {
		t.Errorf("only %d events", n)
	}
	tb.do(t, chromedp.Click(chromedp.CSS(`#timeline [data-event="armenia-freezes"]`)))
	tb.waitEvent(t, "armenia-freezes")
	v := readView(t, tb)
	want := shownView{Event: "armenia-freezes", MapDate: "2024-02-22", Paragraph: "escalation", URL: "/event/armenia-freezes/", ARM: "frozen"}
	if v != want {
		t.Errorf("after selecting armenia-freezes the page shows %+v, want %+v", v, want)
	}
	if !eval[bool](t, tb, `(() => { const r = document.getElementById("p-escalation").getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight })()`) {
		t.Error("the passage was not scrolled into view")
	}
	details := eval[string](t, tb, `document.getElementById("event-details").innerText`)
	if !strings.Contains(details, "Sources") {
		t.Errorf("no sources in the details:\n%s", details)
	}
	if bad := eval[int](t, tb, `[...document.querySelectorAll("#event-details a[href^='http']")].filter(a => a.target !== "_blank" || !a.rel.includes("noopener")).length`); bad != 0 {
		t.Errorf("%d source links do not open safely in a new tab", bad)
	}
	// One day before the freeze, the map shows Armenia as a full member.
	tb.do(t, chromedp.Click(chromedp.CSS(`#timeline [data-event="bishkek-summit"]`)))
	tb.waitEvent(t, "bishkek-summit")
	if v := readView(t, tb); v.MapDate != "2025-11-27" || v.Paragraph != "summit" {
		t.Errorf("after selecting the summit: %+v", v)
	}
	tb.noErrors(t)
}

func TestBackAndForwardWalkTheReadersPath(t *testing.T) {
	tb := newTab(t, 60*time.Second)
	tb.open(t, "/")
	tb.waitReady(t)
	start := readView(t, tb)
	tb.do(t, chromedp.Click(chromedp.CSS(`#timeline [data-event="exercises-refused"]`)))
	tb.waitEvent(t, "exercises-refused")
	first := readView(t, tb)
	tb.do(t, chromedp.ScrollIntoView(chromedp.CSS("#map-KAZ")), chromedp.Click(chromedp.CSS("#map-KAZ")))
	tb.waitTrue(t, `document.getElementById("country-card")?.dataset.iso === "KAZ"`, 10*time.Second)
	second := readView(t, tb)
	if second.Event != "exercises-refused" || second.Card != "KAZ" {
		t.Fatalf("selecting a state dropped the event: %+v", second)
	}
	tb.do(t, chromedp.NavigateBack())
	tb.waitTrue(t, `!document.getElementById("country-card")`, 10*time.Second)
	if v := readView(t, tb); v != first {
		t.Errorf("Back shows %+v, want %+v", v, first)
	}
	tb.do(t, chromedp.NavigateBack())
	tb.waitTrue(t, `!document.querySelector('[data-event][aria-current="true"]')`, 10*time.Second)
	if v := readView(t, tb); v != start {
		t.Errorf("Back again shows %+v, want the start %+v", v, start)
	}
	tb.do(t, chromedp.NavigateForward())
	tb.waitEvent(t, "exercises-refused")
	if v := readView(t, tb); v != first {
		t.Errorf("Forward shows %+v, want %+v", v, first)
	}
	tb.noErrors(t)
}

func TestDeepLinkRestoresTheView(t *testing.T) {
	want := shownView{Event: "funding-stopped", MapDate: "2024-05-08", Paragraph: "escalation", Card: "ARM",
		URL: "/event/funding-stopped/?country=ARM", ARM: "frozen"}
	// The server's HTML shows the view before the client runs...
	tb := newTab(t, 60*time.Second)
	tb.open(t, "/event/funding-stopped/?country=ARM")
	if v := readView(t, tb); v != want {
		t.Errorf("prerendered deep link shows %+v, want %+v", v, want)
	}
	// ...and the client app shows the same.
	tb.waitReady(t)
	if v := readView(t, tb); v != want {
		t.Errorf("deep link shows %+v, want %+v", v, want)
	}
	// Invalid values are ignored one by one; never an error page.
	tb.open(t, "/event/no-such-event/?at=2024-13-45&country=%3Cscript%3E")
	tb.waitReady(t)
	if v := readView(t, tb); v.Event != "" || v.MapDate != "2025-11-27" || v.Card != "" {
		t.Errorf("a bad link shows %+v, want the default view", v)
	}
	tb.open(t, "/?event=no-such-event&country=RUS") // the query form, redirected
	tb.waitReady(t)
	if v := readView(t, tb); v.Card != "RUS" || v.Event != "" {
		t.Errorf("a half-bad link shows %+v, want Russia's card only", v)
	}
	tb.noErrors(t)
}

func TestTimelineKeyboard(t *testing.T) {
	tb := newTab(t, 60*time.Second)
	tb.open(t, "/event/armenia-freezes/")
	tb.waitReady(t)
	ids := eval[[]string](t, tb, `[...document.querySelectorAll("#timeline [data-event]")].map(e => e.dataset.event)`)
	i := -1
	for k, id := range ids {
		if id == "armenia-freezes" {
			i = k
		}
	}
	if i < 1 || i+1 >= len(ids) {
		t.Fatalf("armenia-freezes at %d of %d", i, len(ids))
	}
	tb.do(t, chromedp.Focus(chromedp.CSS(`#timeline [data-event="armenia-freezes"]`)), chromedp.KeyEvent(kb.ArrowRight))
	tb.waitEvent(t, ids[i+1])
	if f := eval[string](t, tb, `document.activeElement.dataset.event`); f != ids[i+1] {
		t.Errorf("focus on %q after ArrowRight, want %q", f, ids[i+1])
	}
	tb.do(t, chromedp.KeyEvent(kb.ArrowLeft))
	tb.waitEvent(t, ids[i])
	tb.do(t, chromedp.KeyEvent(kb.End))
	tb.waitEvent(t, ids[len(ids)-1])
	tb.do(t, chromedp.KeyEvent(kb.Home))
	tb.waitEvent(t, ids[0])
	if q := query(t, tb); q.Get("event") != ids[0] {
		t.Errorf("URL %v after Home", q)
	}
	tb.noErrors(t)
}

func TestScrubberMovesTheMap(t *testing.T) {
	tb := newTab(t, 60*time.Second)
	tb.open(t, "/")
	tb.waitReady(t)
	if s := statuses(t, tb); s["ARM"] != "frozen" || s["AZE"] != "former" {
		t.Fatalf("default statuses %v", s)
	}
	// Drag the slider back to June 1996 (index from January 1991) the way a
	// browser reports it: input then change events.
	months := (1996-1991)*12 + 5
	eval[bool](t, tb, `(() => { const r = document.getElementById("date-scrubber"); r.value = "`+itoa(months)+`"; r.dispatchEvent(new Event("input", {bubbles: true})); r.dispatchEvent(new Event("change", {bubbles: true})); return true })()`)
	tb.waitTrue(t, `document.getElementById("map-date").getAttribute("datetime") === "1996-06-30"`, 10*time.Second)
	s := statuses(t, tb)
	for _, iso := range []string{"ARM", "AZE", "GEO", "UZB", "BLR"} {
		if s[iso] != "member" {
			t.Errorf("in June 1996 %s is %q, want member", iso, s[iso])
		}
	}
	if q := query(t, tb); q.Get("at") != "1996-06-30" {
		t.Errorf("URL %v, want at=1996-06-30", q)
	}
	if vt := eval[string](t, tb, `document.getElementById("date-scrubber").getAttribute("aria-valuetext")`); vt != "30 June 1996" {
		t.Errorf("slider aria-valuetext %q", vt)
	}
	// Keyboard on the slider: one step right is one month on.
	tb.do(t, chromedp.Focus(chromedp.CSS("#date-scrubber")), chromedp.KeyEvent(kb.ArrowRight))
	tb.waitTrue(t, `document.getElementById("map-date").getAttribute("datetime") === "1996-07-31"`, 10*time.Second)
	tb.noErrors(t)
}

func TestPlayWalksThePath(t *testing.T) {
	tb := newTab(t, 60*time.Second)
	tb.open(t, "/")
	tb.waitReady(t)
	path := eval[[]string](t, tb, `[...document.querySelectorAll("#timeline .event.on-path")].map(e => e.dataset.event)`)
	if len(path) < 5 {
		t.Fatalf("only %d events on the path", len(path))
	}
	tb.do(t, chromedp.Click(chromedp.CSS("#play-path")))
	tb.waitEvent(t, path[0])
	tb.waitEvent(t, path[1])
	if eval[string](t, tb, `document.getElementById("play-path").getAttribute("aria-pressed")`) != "true" {
		t.Error("the play button does not say it is pressed")
	}
	tb.do(t, chromedp.Click(chromedp.CSS("#play-path")))
	tb.do(t, chromedp.Sleep(3*time.Second))
	if v := readView(t, tb); v.Event != path[1] {
		t.Errorf("after pause the selection moved on to %q", v.Event)
	}
	tb.noErrors(t)
}

func TestChartMarkerSelectsItsEvent(t *testing.T) {
	tb := newTab(t, 60*time.Second)
	tb.open(t, "/")
	tb.waitReady(t)
	id := eval[string](t, tb, `document.querySelector(".stairs-chart [data-marker]").dataset.marker`)
	tb.do(t, chromedp.ScrollIntoView(chromedp.CSS(".stairs-chart")))
	x, y := centre(t, tb, `.stairs-chart [data-marker="`+id+`"]`)
	tb.do(t, chromedp.MouseClickXY(x, y))
	tb.waitEvent(t, id)
	tb.noErrors(t)
}

func TestArticleLinksIntoMapAndTimeline(t *testing.T) {
	tb := newTab(t, 60*time.Second)
	tb.open(t, "/")
	tb.waitReady(t)
	// Hovering a state's mention highlights it on the map.
	tb.do(t, chromedp.ScrollIntoView(chromedp.CSS(`#p-summit a[data-iso="KGZ"]`)))
	x, y := centre(t, tb, `#p-summit a[data-iso="KGZ"]`)
	tb.do(t, chromedp.MouseEvent("mouseMoved", x, y))
	tb.waitTrue(t, `document.getElementById("map-KGZ").classList.contains("is-linked")`, 10*time.Second)
	// Off the mention, the highlight goes.
	x, y = centre(t, tb, "#headline")
	tb.do(t, chromedp.MouseEvent("mouseMoved", x, y))
	tb.waitTrue(t, `!document.querySelector("#map .is-linked")`, 10*time.Second)
	// Clicking it selects the state.
	tb.do(t, chromedp.Click(chromedp.CSS(`#p-summit a[data-iso="KGZ"]`)))
	tb.waitTrue(t, `document.getElementById("country-card")?.dataset.iso === "KGZ"`, 10*time.Second)
	// A marked-up date selects its event.
	tb.do(t, chromedp.Click(chromedp.CSS(`#p-escalation a.mention-date[data-event-link]`)))
	first := eval[string](t, tb, `document.querySelector('#p-escalation a.mention-date[data-event-link]').dataset.eventLink`)
	tb.waitEvent(t, first)
	if v := readView(t, tb); v.Paragraph != "escalation" || v.Card != "KGZ" {
		t.Errorf("after the date link: %+v", v)
	}
	tb.noErrors(t)
}

// A link's href catches up with the view only after the click's frame,
// when the browser is idle. A second click before that must still start
// from the first click's view: the handler navigates, and the stale href
// must not be followed after it. Idle callbacks are held back here, so
// the hrefs stay stale for the whole test.
func TestQuickClicksKeepTheView(t *testing.T) {
	tb := newTab(t, 60*time.Second)
	tb.open(t, "/")
	tb.waitReady(t)
	eval[bool](t, tb, `(window.requestIdleCallback = () => 0, true)`)
	tb.do(t, chromedp.Click(chromedp.CSS(`#p-summit a[data-iso="KGZ"]`)))
	tb.waitTrue(t, `document.getElementById("country-card")?.dataset.iso === "KGZ"`, 10*time.Second)
	stale := eval[string](t, tb, `document.querySelector('#p-escalation a.mention-date[data-event-link]').getAttribute("href")`)
	if strings.Contains(stale, "KGZ") {
		t.Fatalf("the date link's href %q already carries the state: the test would not see a stale href", stale)
	}
	tb.do(t, chromedp.Click(chromedp.CSS(`#p-escalation a.mention-date[data-event-link]`)))
	first := eval[string](t, tb, `document.querySelector('#p-escalation a.mention-date[data-event-link]').dataset.eventLink`)
	tb.waitEvent(t, first)
	// Long enough for a second navigation, to the stale href, to land.
	tb.do(t, chromedp.Sleep(300*time.Millisecond))
	if v := readView(t, tb); v.Event != first || v.Card != "KGZ" || !strings.Contains(v.URL, "country=KGZ") {
		t.Errorf("after a state and then a date link: %+v, want event %s with the card and country=KGZ", v, first)
	}
	tb.noErrors(t)
}

func itoa(n int) string { return strconv.Itoa(n) }
