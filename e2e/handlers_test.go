package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// go-app keeps an element's old event handler when the new one is the same
// function literal, even if the new closure captured other values: a
// handler that closed over what one render drew acts on that render long
// after the element shows something else. These tests change what a panel
// shows without remounting it, then click, and check the click acts on what
// is shown.

// The country card stays mounted from one state to the next: its links
// to the timeline must open the events of the state it now shows.
func TestCountryCardLinksFollowTheStateShown(t *testing.T) {
	tb := newTab(t, 90*time.Second)
	tb.open(t, "/")
	tb.waitReady(t)
	for _, iso := range []string{"KAZ", "ARM"} {
		tb.do(t, chromedp.ScrollIntoView(chromedp.CSS("#map-"+iso)), chromedp.Click(chromedp.CSS("#map-"+iso)))
		tb.waitTrue(t, `document.querySelector("#country-card")?.dataset.iso === "`+iso+`"`, 10*time.Second)
	}
	text := eval[string](t, tb, `document.querySelector("#country-card .card-events a")?.textContent ?? ""`)
	_, headline, ok := strings.Cut(text, ": ")
	if !ok {
		t.Fatalf("Armenia's card lists no event on the timeline (first link %q)", text)
	}
	tb.do(t, chromedp.ScrollIntoView(chromedp.CSS("#country-card .card-events a")), chromedp.Click(chromedp.CSS("#country-card .card-events a")))
	tb.waitTrue(t, `document.querySelector("#event-details h3")?.textContent.endsWith(`+jsString(": "+headline)+`)`, 10*time.Second)
	tb.noErrors(t)
}

// The event details stay mounted from one event to the next: a state they
// name must open that state's card.
func TestEventDetailsStateLinksFollowTheEventShown(t *testing.T) {
	tb := newTab(t, 90*time.Second)
	tb.open(t, "/")
	tb.waitReady(t)
	// Select events in order until two in a row name different first
	// states; the second one's first state is the one to click.
	first := ""
	for i := 0; ; i++ {
		ids := eval[[]string](t, tb, `[...document.querySelectorAll("#timeline [data-event]")].map(e => e.dataset.event)`)
		if i >= len(ids) {
			t.Fatal("no two events in a row name different first states")
		}
		sel := `#timeline [data-event="` + ids[i] + `"]`
		tb.do(t, chromedp.ScrollIntoView(chromedp.CSS(sel)), chromedp.Click(chromedp.CSS(sel)))
		tb.waitTrue(t, `document.getElementById("event-details")?.dataset.detailsFor === `+jsString(ids[i]), 10*time.Second)
		iso := eval[string](t, tb, `document.querySelector("#event-details .event-states a")?.dataset.iso ?? ""`)
		if first != "" && iso != "" && iso != first {
			break
		}
		if iso != "" {
			first = iso
		}
	}
	iso := eval[string](t, tb, `document.querySelector("#event-details .event-states a").dataset.iso`)
	tb.do(t, chromedp.ScrollIntoView(chromedp.CSS("#event-details .event-states a")), chromedp.Click(chromedp.CSS("#event-details .event-states a")))
	tb.waitTrue(t, `document.querySelector("#country-card")?.dataset.iso === `+jsString(iso), 10*time.Second)
	tb.noErrors(t)
}

// The charts mount with the view the page opened at: a marker clicked
// later must start from the view shown then, here with the card closed.
func TestChartMarkersStartFromTheViewShown(t *testing.T) {
	tb := newTab(t, 90*time.Second)
	tb.open(t, "/?country=KAZ")
	tb.waitReady(t)
	tb.waitTrue(t, `document.querySelector("#country-card")?.dataset.iso === "KAZ"`, 10*time.Second)
	tb.do(t, chromedp.ScrollIntoView(chromedp.CSS("#country-card-close")), chromedp.Click(chromedp.CSS("#country-card-close")))
	tb.waitTrue(t, `!document.getElementById("country-card")`, 10*time.Second)
	// A marker of the chart the desktop shows, one that no other marker
	// covers, clicked where it is drawn.
	id := eval[string](t, tb, `(() => {
		for (const m of document.querySelectorAll("#timeline-charts [data-marker]")) {
			if (m.getBoundingClientRect().width === 0) continue;
			m.scrollIntoView({ block: "center", behavior: "instant" });
			const r = m.getBoundingClientRect();
			if (document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === m) return m.dataset.marker;
		}
		return "";
	})()`)
	if id == "" {
		t.Fatal("no marker of the charts can be clicked")
	}
	tb.do(t, chromedp.Click(chromedp.CSS(`#timeline-charts [data-marker="`+id+`"]`)))
	tb.waitTrue(t, `document.getElementById("event-details")?.dataset.detailsFor === `+jsString(id), 10*time.Second)
	if q := query(t, tb); q.Has("country") {
		t.Errorf("the marker brought back the closed card's state: URL query %v", q)
	}
	if eval[bool](t, tb, `!!document.getElementById("country-card")`) {
		t.Error("the marker reopened the closed country card")
	}
	tb.noErrors(t)
}
