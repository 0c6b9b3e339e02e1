package e2e

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"explainer/app/content"
	"explainer/app/view"
)

// readTo scrolls the page as a reader reading paragraph id: its first
// lines at the reading line, a third down the window. It returns where
// the page was scrolled to.
func (tb *tab) readTo(t *testing.T, id string) float64 {
	t.Helper()
	return eval[float64](t, tb, fmt.Sprintf(`(() => {
		const p = document.getElementById(%s);
		scrollTo(0, Math.round(p.getBoundingClientRect().top + scrollY - innerHeight * 0.3));
		return scrollY;
	})()`, jsString("p-"+id)))
}

// motion emulates the reader's prefers-reduced-motion: "reduce" (as every
// tab starts) or "no-preference".
func (tb *tab) motion(t *testing.T, value string) {
	t.Helper()
	if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: value}},
	}); err != nil {
		t.Fatal(err)
	}
}

// mapYear is the year of the date the map shows, as an expression.
const mapYear = `parseInt(document.getElementById("map-date").getAttribute("datetime"))`

// followedBy waits until the panels follow paragraph id: the paragraph is
// marked, and the map's year is within [from, to].
func (tb *tab) followedBy(t *testing.T, id string, from, to int) {
	t.Helper()
	tb.waitTrue(t, fmt.Sprintf(`document.getElementById(%s).dataset.reading === "true" && %s >= %d && %s <= %d`,
		jsString("p-"+id), mapYear, from, mapYear, to), 10*time.Second)
}

// reading lists the events marked as the paragraph being read's.
func reading(t *testing.T, tb *tab) []string {
	t.Helper()
	return eval[[]string](t, tb, `[...document.querySelectorAll('#timeline [data-event][data-reading="true"]')].map(e => e.dataset.event)`)
}

// eventsOf lists the events the timeline links to paragraph id.
func eventsOf(id string) []string {
	var ids []string
	for _, e := range content.Default().Timeline.ForParagraph(id) {
		ids = append(ids, e.ID)
	}
	return ids
}

// What done means, on a wide screen with reduced motion: reading
// moves the map and marks the events, back up the same way, and the URL,
// the history and the scroll position are the reader's alone.
func TestPanelsFollowTheArticle(t *testing.T) {
	tb := newTab(t, 90*time.Second)
	tb.open(t, "/")
	tb.waitReady(t)
	type page struct {
		Href    string
		History int
	}
	const readPage = `({Href: location.href, History: history.length})`
	before := eval[page](t, tb, readPage)
	if on := eval[string](t, tb, `(() => { const s = document.getElementById("follow-switch"); return s.offsetParent ? s.getAttribute("aria-pressed") : "hidden" })()`); on != "true" {
		t.Errorf("the follow switch is %s on a wide screen, want shown and on", on)
	}
	if n := eval[int](t, tb, `[...document.querySelectorAll(".moment-strip")].filter(s => s.offsetParent).length`); n != 0 {
		t.Errorf("%d moment strips shown beside the map, want none", n)
	}

	y := tb.readTo(t, "escalation")
	tb.followedBy(t, "escalation", 2021, 2024)
	if got, want := reading(t, tb), eventsOf("escalation"); !slices.Equal(got, want) || len(want) == 0 {
		t.Errorf("reading escalation marks events %v, want %v", got, want)
	}
	if n := eval[int](t, tb, `document.querySelectorAll('[data-event][aria-current="true"]').length`); n != 0 {
		t.Errorf("%d events are the reader's selection after reading alone, want none", n)
	}
	if named := eval[[]string](t, tb, `[...document.querySelectorAll("#map .country.is-named")].map(e => e.dataset.iso).sort()`); !slices.Equal(named, []string{"ARM", "AZE"}) {
		t.Errorf("reading escalation outlines %v, want the states it names, ARM and AZE", named)
	}
	if at := eval[float64](t, tb, `scrollY`); at != y {
		t.Errorf("the page scrolled itself to %v after the reader scrolled to %v", at, y)
	}

	tb.readTo(t, "post-soviet")
	tb.followedBy(t, "post-soviet", 1991, 2002)
	if got, want := reading(t, tb), eventsOf("post-soviet"); !slices.Equal(got, want) {
		t.Errorf("reading post-soviet marks events %v, want %v", got, want)
	}

	tb.readTo(t, "escalation")
	tb.followedBy(t, "escalation", 2021, 2024)

	eval[bool](t, tb, `(scrollTo(0, 0), true)`)
	tb.waitTrue(t, `document.getElementById("map-date").getAttribute("datetime") === "2025-11-27"`, 10*time.Second)

	if after := eval[page](t, tb, readPage); after != before {
		t.Errorf("reading changed the page's address or history: %+v, before %+v", after, before)
	}
	// Reduced motion: no transition on the map's colours, no animation.
	if d := eval[string](t, tb, `getComputedStyle(document.getElementById("map-ARM")).transitionDuration`); d != "0s" {
		t.Errorf("the map's colours transition for %s under reduced motion", d)
	}
	if n := eval[int](t, tb, `document.getAnimations().length`); n != 0 {
		t.Errorf("%d animations or transitions under reduced motion", n)
	}
	tb.noErrors(t)
}

// Without reduced motion the map's colours fade on a date change.
func TestMapColoursFade(t *testing.T) {
	tb := newTab(t, 60*time.Second)
	tb.motion(t, "no-preference")
	tb.open(t, "/")
	tb.waitReady(t)
	got := eval[string](t, tb, `(s => s.transitionProperty + " " + s.transitionDuration)(getComputedStyle(document.getElementById("map-ARM")))`)
	if got != "fill 0.2s" {
		t.Errorf("the map's shapes transition %q, want fill over 0.2s", got)
	}
}

// A click wins: the app's scroll to the chosen event's passage is not
// reading, and the choice stands until the reader reads into another
// paragraph. With reduced motion the app's scroll is a jump; without, it
// glides through the paragraphs between.
func TestAReadersChoiceWinsUntilTheyReadOn(t *testing.T) {
	for _, motion := range []string{"reduce", "no-preference"} {
		t.Run(motion, func(t *testing.T) { choiceWins(t, motion) })
	}
}

func choiceWins(t *testing.T, motion string) {
	tb := newTab(t, 90*time.Second)
	tb.motion(t, motion)
	tb.open(t, "/")
	tb.waitReady(t)
	tb.readTo(t, "escalation")
	tb.followedBy(t, "escalation", 2021, 2024)

	tb.do(t, chromedp.Click(chromedp.CSS(`#timeline [data-event="treaty-signed"]`)))
	tb.waitEvent(t, "treaty-signed")
	// The app scrolls the passage into view; give the scroll time to end
	// and the reading line time to report where it landed.
	tb.waitTrue(t, `new Promise(r => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => r(true), 300))), 1000))`, 5*time.Second)
	v := readView(t, tb)
	if v.MapDate != "1992-05-15" || v.Paragraph != "post-soviet" || v.URL != "/event/treaty-signed/" {
		t.Errorf("after choosing the treaty's signature the page shows %+v, want the event's own day and passage", v)
	}
	if got := reading(t, tb); len(got) != 0 {
		t.Errorf("after a choice, events %v are still marked as read", got)
	}
	if n := eval[int](t, tb, `document.querySelectorAll(".paragraph[data-reading]").length`); n != 0 {
		t.Errorf("after a choice, %d paragraphs are marked as followed", n)
	}

	tb.readTo(t, "russia")
	tb.followedBy(t, "russia", 2022, 2022)
	if v := readView(t, tb); v.Event != "treaty-signed" || v.URL != "/event/treaty-signed/" {
		t.Errorf("reading on dropped the reader's selection: %+v", v)
	}
	tb.noErrors(t)
}

// The switch turns following off, and the device remembers it.
func TestFollowSwitchIsRemembered(t *testing.T) {
	tb := newTab(t, 90*time.Second)
	tb.open(t, "/")
	tb.waitReady(t)
	tb.do(t, chromedp.Click(chromedp.CSS(`#follow-switch`)))
	tb.waitTrue(t, `document.getElementById("follow-switch").getAttribute("aria-pressed") === "false"`, 5*time.Second)
	tb.readTo(t, "post-soviet")
	tb.do(t, chromedp.Sleep(500*time.Millisecond))
	if d := eval[string](t, tb, `document.getElementById("map-date").getAttribute("datetime")`); d != "2025-11-27" {
		t.Errorf("switched off, reading moved the map to %s", d)
	}

	tb.do(t, chromedp.Reload())
	tb.waitReady(t)
	if on := eval[string](t, tb, `document.getElementById("follow-switch").getAttribute("aria-pressed")`); on != "false" {
		t.Fatalf("after a reload the switch is pressed=%s, want it remembered off", on)
	}
	// Switched on, the panels follow the paragraph being read at once.
	tb.readTo(t, "escalation")
	tb.do(t, chromedp.Sleep(300*time.Millisecond))
	tb.do(t, chromedp.Click(chromedp.CSS(`#follow-switch`)))
	tb.followedBy(t, "escalation", 2021, 2024)
	tb.noErrors(t)
}

// Screen readers are not told what reading changes; a choice is still
// announced. Keyboard focus moving into a paragraph follows it too.
func TestReadingIsQuietAndFollowsFocus(t *testing.T) {
	tb := newTab(t, 90*time.Second)
	tb.open(t, "/?country=ARM")
	tb.waitReady(t)
	live := `document.getElementById("country-card").getAttribute("aria-live")`
	if got := eval[string](t, tb, live); got != "polite" {
		t.Fatalf("the country card's live region is %q, want polite", got)
	}
	// Focus alone, without scrolling: a keyboard reader's place.
	eval[bool](t, tb, `(document.querySelector("#p-escalation a.mention").focus({preventScroll: true}), true)`)
	tb.followedBy(t, "escalation", 2021, 2024)
	if got := eval[string](t, tb, live); got != "off" {
		t.Errorf("while reading moves the date, the card's live region is %q, want off", got)
	}
	if status := eval[string](t, tb, `document.querySelector("#country-card .card-status").textContent`); status != "Armenia: member, participation frozen since 22 February 2024" {
		t.Errorf("the card says %q at the end of February 2024", status)
	}
	tb.do(t, chromedp.Click(chromedp.CSS(`#map-RUS`)))
	tb.waitTrue(t, `document.getElementById("country-card")?.dataset.iso === "RUS"`, 10*time.Second)
	if got := eval[string](t, tb, live); got != "polite" {
		t.Errorf("after the reader's choice the card's live region is %q, want polite", got)
	}
	tb.noErrors(t)
}

// An embed of all three follows its own scrolling; the others have no
// switch.
func TestEmbedOfAllFollowsItsScrolling(t *testing.T) {
	tb := newTab(t, 90*time.Second)
	tb.open(t, "/embed?view=all")
	tb.waitReady(t)
	href := eval[string](t, tb, `location.href`)
	tb.readTo(t, "post-soviet")
	tb.followedBy(t, "post-soviet", 1991, 2002)
	if got := eval[string](t, tb, `location.href`); got != href {
		t.Errorf("reading the embed changed its address to %s", got)
	}
	tb.open(t, "/embed?view=map")
	tb.waitReady(t)
	if eval[bool](t, tb, `!!document.getElementById("follow-switch")`) {
		t.Error("an embed of the map alone has a follow switch")
	}
	tb.noErrors(t)
}

// Where the embed has no storage at all (a sandbox without
// allow-same-origin: an opaque origin), the switch still works, for the
// visit, without an error.
func TestFollowSwitchWithoutStorage(t *testing.T) {
	site := sandboxedEmbedSite(t)
	tb := newTab(t, 90*time.Second)
	tb.open(t, site+"/embed?view=all")
	tb.waitReady(t)
	if eval[bool](t, tb, `(() => { try { localStorage.length; return true } catch (e) { return false } })()`) {
		t.Fatal("the sandboxed embed can use localStorage: the test does not test storage blocked")
	}
	tb.do(t, chromedp.Click(chromedp.CSS(`#follow-switch`)))
	tb.waitTrue(t, `document.getElementById("follow-switch").getAttribute("aria-pressed") === "false"`, 5*time.Second)
	tb.readTo(t, "post-soviet")
	tb.do(t, chromedp.Sleep(500*time.Millisecond))
	if d := eval[string](t, tb, `document.getElementById("map-date").getAttribute("datetime")`); d != "2025-11-27" {
		t.Errorf("switched off, reading moved the map to %s", d)
	}
	// Clicked where the reader is: chromedp's click would first scroll the
	// switch, at the embed's top, into view, and the article out of it.
	eval[bool](t, tb, `(document.getElementById("follow-switch").click(), true)`)
	tb.followedBy(t, "post-soviet", 1991, 2002)
	tb.noErrors(t)
}

// On a phone the panels come after the article: each paragraph with a
// moment carries its strip, with the statuses at its date, within the
// width, and a tap shows that view.
func TestMomentStripsOnPhones(t *testing.T) {
	c := content.Default()
	want := map[string]map[string]string{}
	for _, p := range c.Article.Paragraphs {
		if p.Moment.IsZero() || len(p.Mentions()) == 0 {
			continue
		}
		at := view.Default().Reading(p.Moment).At
		want[p.ID] = map[string]string{}
		for _, iso := range p.Mentions() {
			want[p.ID][iso] = c.History.StatusAt(iso, at).String()
		}
	}
	for _, w := range []int64{320, 390} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			tb := newTab(t, 90*time.Second)
			tb.do(t, emulateWidth(w))
			tb.open(t, "/")
			type strip struct {
				Statuses      map[string]string
				Shown         bool
				Left, Right   float64
				Height, Width float64
			}
			got := eval[map[string]strip](t, tb, `Object.fromEntries([...document.querySelectorAll(".moment-strip")].map(s => {
				const r = s.getBoundingClientRect();
				return [s.dataset.moment, {
					Statuses: Object.fromEntries([...s.querySelectorAll("[data-strip-iso]")].map(e => [e.dataset.stripIso, e.dataset.momentStatus])),
					Shown: !!s.offsetParent, Left: r.left, Right: r.right, Height: r.height, Width: innerWidth,
				}];
			}))`)
			if len(got) != len(want) {
				t.Errorf("%d strips, want one for each of the %d paragraphs with a moment and a state", len(got), len(want))
			}
			for id, statuses := range want {
				s := got[id]
				if !s.Shown || s.Left < 0 || s.Right > s.Width {
					t.Errorf("strip of %s: shown %v, from %.0f to %.0f px in %.0f", id, s.Shown, s.Left, s.Right, s.Width)
				}
				for iso, st := range statuses {
					if s.Statuses[iso] != st {
						t.Errorf("strip of %s says %s is %q, want %q", id, iso, s.Statuses[iso], st)
					}
				}
			}
			if over := eval[float64](t, tb, `document.documentElement.scrollWidth - innerWidth`); over > 0 {
				t.Errorf("the page overflows sideways by %.0f px", over)
			}
			if eval[bool](t, tb, `!!document.getElementById("follow-switch").offsetParent`) {
				t.Error("the follow switch is shown where the panels come after the article")
			}

			tb.startApp(t)
			eval[bool](t, tb, `(document.querySelector('.moment-strip[data-moment="escalation"]').scrollIntoView({block: "center"}), true)`)
			tb.do(t, chromedp.Click(chromedp.CSS(`.moment-strip[data-moment="escalation"]`)))
			tb.waitTrue(t, `location.pathname + location.search === "/at/2024-02/" && document.getElementById("map-date").getAttribute("datetime") === "2024-02-29"`, 10*time.Second)
			tb.noErrors(t)
		})
	}
}
