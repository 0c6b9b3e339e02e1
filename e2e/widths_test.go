package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// mapShown is what the map panel says about its date.
type mapShown struct {
	Title, Note, DateTime, URL, Scrubber string
	Members                              []string // states drawn as members, frozen or not
	AZE                                  string
	History                              int
}

func readMapShown(t *testing.T, tb *tab) mapShown {
	t.Helper()
	return eval[mapShown](t, tb, `({
		Title: document.getElementById("map-title").textContent,
		Note: document.getElementById("map-note")?.textContent ?? "",
		DateTime: document.getElementById("map-date").getAttribute("datetime"),
		URL: location.pathname + location.search,
		Scrubber: document.querySelector(".scrubber-label")?.textContent ?? "",
		Members: [...document.querySelectorAll('#map path[data-iso]')].filter(p => ["member", "frozen"].includes(p.dataset.status)).map(p => p.dataset.iso),
		AZE: document.querySelector('#map path[data-iso="AZE"]').dataset.status,
		History: history.length,
	})`)
}

// A month or a year in the URL is understood, said in words, and kept in
// the URL's short form; a real day outside the map's range clamps, and
// the heading says no state was a member; the URL is rewritten to what is
// shown without a new history entry.
func TestAtAcceptsMonthYearAndClamps(t *testing.T) {
	tests := []struct {
		open, url       string
		title, note     string
		dateTime        string
		aze             string
		noMembers       bool
		scrubberPhrase  string
		titleNotContain string
	}{
		{open: "/?at=1999-03", url: "/at/1999-03/", title: "Who was in the CSTO at the end of March 1999", dateTime: "1999-03-31", aze: "member", scrubberPhrase: "end of March 1999"},
		{open: "/?at=1995", url: "/at/1995/", title: "Who was in the CSTO at the end of 1995", dateTime: "1995-12-31", aze: "member", scrubberPhrase: "end of 1995"},
		{open: "/?at=1999-12", url: "/at/1999-12/", title: "end of December 1999", dateTime: "1999-12-31", aze: "former"},
		{open: "/?at=1990-06-01", url: "/at/1991-01-01/", title: "No state was in the CSTO on 1 January 1991", note: "1 June 1990", dateTime: "1991-01-01", aze: "none", noMembers: true},
		{open: "/?country=arm&at=1990", url: "/country/ARM/?at=1991-01-01", title: "No state was in the CSTO", note: "1990", dateTime: "1991-01-01", aze: "none", noMembers: true},
		{open: "/?at=1999-3&country=RUS", url: "/country/RUS/", title: "Who was in the CSTO on 27 November 2025", dateTime: "2025-11-27", aze: "former"},
	}
	for _, tt := range tests {
		t.Run(strings.TrimPrefix(tt.open, "/?"), func(t *testing.T) {
			tb := newTab(t, 60*time.Second)
			tb.open(t, "/")
			before := eval[int](t, tb, `history.length`)
			tb.open(t, tt.open)
			tb.waitReady(t)
			got := readMapShown(t, tb)
			if !strings.Contains(got.Title, tt.title) {
				t.Errorf("map heading %q, want it to contain %q", got.Title, tt.title)
			}
			if got.DateTime != tt.dateTime {
				t.Errorf("map date %s, want %s", got.DateTime, tt.dateTime)
			}
			if got.AZE != tt.aze {
				t.Errorf("Azerbaijan is %q, want %q", got.AZE, tt.aze)
			}
			if tt.noMembers != (len(got.Members) == 0) {
				t.Errorf("members drawn: %v (want none: %v)", got.Members, tt.noMembers)
			}
			if tt.noMembers && !strings.Contains(got.Title, "the treaty was signed on 15 May 1992") {
				t.Errorf("the heading %q does not say when the treaty came", got.Title)
			}
			if !strings.Contains(got.Note, tt.note) || (tt.note == "") != (got.Note == "") {
				t.Errorf("note %q, want one naming %q", got.Note, tt.note)
			}
			if !strings.Contains(got.Scrubber, tt.scrubberPhrase) {
				t.Errorf("date slider label %q, want %q", got.Scrubber, tt.scrubberPhrase)
			}
			if got.URL != tt.url {
				t.Errorf("URL %q, want it normalised to %q", got.URL, tt.url)
			}
			if got.History != before+1 {
				t.Errorf("history has %d entries after one navigation from %d: normalising added one", got.History, before)
			}
			tb.noErrors(t)
		})
	}
}

// The timeline embed without the map has no controls that only move the
// map; the embed with both keeps them.
func TestTimelineEmbedHasNoMapControls(t *testing.T) {
	for _, w := range []int64{360, 1280} {
		for view, want := range map[string]bool{"timeline": false, "all": true} {
			tb := newTab(t, 60*time.Second)
			tb.do(t, emulateWidth(w))
			tb.open(t, "/embed?view="+view)
			tb.waitReady(t)
			got := eval[struct {
				Slider, Play, Text, Cursor bool
			}](t, tb, `({
				Slider: !!document.getElementById("date-scrubber"),
				Play: !!document.getElementById("play-path"),
				Text: document.body.innerText.includes("Map date") || document.body.innerText.includes("Play Armenia"),
				Cursor: [...document.querySelectorAll(".map-date-cursor")].some(e => e.getClientRects().length > 0 && getComputedStyle(e).display !== "none"),
			})`)
			if got.Slider != want || got.Play != want || got.Text != want {
				t.Errorf("%d px, view=%s: slider %v, play button %v, their words %v; want %v", w, view, got.Slider, got.Play, got.Text, want)
			}
			if got.Cursor != want {
				t.Errorf("%d px, view=%s: the chart's map-date cursor shown: %v, want %v", w, view, got.Cursor, want)
			}
			tb.noErrors(t)
		}
	}
}

// emulateWidth makes the tab a window w CSS px wide (and 900 tall), a
// phone's touch and scale when w is a phone's width.
func emulateWidth(w int64) chromedp.Action[chromedp.Void] {
	if w <= 480 {
		return chromedp.EmulateViewport(w, 900, chromedp.EmulateMobile, chromedp.EmulateTouch)
	}
	return chromedp.EmulateViewport(w, 900)
}

// chartText is one visible text of the timeline charts as rendered.
type chartText struct {
	Text, Class              string
	FontPx, Height           float64 // font size on screen, and the height of its box
	Left, Top, Right, Bottom float64
	Chart                    int // which <svg> it is in
}

// readChartTexts returns every text of the timeline charts the reader can
// see: its size on screen (font size times the drawing's scale) and box.
func readChartTexts(t *testing.T, tb *tab) []chartText {
	t.Helper()
	return eval[[]chartText](t, tb, `(() => {
		const svgs = [...document.querySelectorAll("#timeline-charts svg.era-chart, #timeline-charts svg.stairs-chart")];
		return [...document.querySelectorAll("#timeline-charts text")].filter(e => e.getClientRects().length > 0).map(e => {
			const r = e.getBoundingClientRect();
			const m = e.getScreenCTM();
			return {
				Text: e.textContent, Class: e.getAttribute("class") || "",
				FontPx: parseFloat(getComputedStyle(e).fontSize) * Math.hypot(m.a, m.b),
				Height: r.height, Left: r.left, Top: r.top, Right: r.right, Bottom: r.bottom,
				Chart: svgs.indexOf(e.closest("svg.era-chart, svg.stairs-chart")),
			};
		});
	})()`)
}

var checkedWidths = []int64{320, 360, 390, 400, 768, 1024, 1280, 1600}

// On every width, in the page and in the timeline embed, the charts' text
// is at least 12 CSS px, no two texts overlap, and the staircase names
// each year once.
func TestChartsLegibleAtEveryWidth(t *testing.T) {
	for _, path := range []string{"/", "/embed?view=timeline"} {
		for _, w := range checkedWidths {
			t.Run(fmt.Sprintf("%s@%d", path, w), func(t *testing.T) {
				tb := newTab(t, 60*time.Second)
				tb.do(t, emulateWidth(w))
				tb.open(t, path)
				tb.startApp(t)
				texts := readChartTexts(t, tb)
				if len(texts) < 10 {
					t.Fatalf("only %d chart texts visible", len(texts))
				}
				years := map[string]int{}
				for i, a := range texts {
					if a.FontPx < 12 || a.Height < 12 {
						t.Errorf("%q is %.1f px (box %.1f px tall), under 12", a.Text, a.FontPx, a.Height)
					}
					if a.Class == "stairs-year" {
						years[a.Text]++
					}
					for _, b := range texts[i+1:] {
						if a.Chart == b.Chart && a.Left < b.Right && b.Left < a.Right && a.Top < b.Bottom && b.Top < a.Bottom {
							t.Errorf("%q and %q overlap", a.Text, b.Text)
						}
					}
				}
				if len(years) == 0 {
					t.Error("no year under the staircase")
				}
				for y, n := range years {
					if n != 1 {
						t.Errorf("the staircase names %s %d times", y, n)
					}
				}
				tb.noErrors(t)
			})
		}
	}
}

// box is an element's rectangle on screen.
type box struct {
	Text                     string
	FontPx                   float64
	Left, Top, Right, Bottom float64
}

func (a box) overlaps(b box) bool {
	return a.Left < b.Right && b.Left < a.Right && a.Top < b.Bottom && b.Top < a.Bottom
}

func (a box) within(b box) bool {
	return a.Left >= b.Left && a.Right <= b.Right && a.Top >= b.Top && a.Bottom <= b.Bottom
}

// mapLabels is what the reader sees of the map's names and the inset.
type mapLabels struct {
	Main, Inset       []box
	InsetBox, Outline box
	MapBox            box
	Covered           []string // names of states whose text lies under the inset's box
}

const readMapLabels = `(() => {
	const b = (e) => {
		const r = e.getBoundingClientRect();
		const m = e.getScreenCTM ? e.getScreenCTM() : null;
		return {Text: e.textContent || "", FontPx: m ? parseFloat(getComputedStyle(e).fontSize) * Math.hypot(m.a, m.b) : 0,
			Left: r.left, Top: r.top, Right: r.right, Bottom: r.bottom};
	};
	const shown = (e) => e.getClientRects().length > 0;
	return {
		Main: [...document.querySelectorAll("#map svg.map .labels text")].filter(shown).map(b),
		Inset: [...document.querySelectorAll("#map svg.map-inset text")].filter(shown).map(b),
		InsetBox: b(document.querySelector("#map .map-inset-box")),
		Outline: b(document.querySelector("#map .inset-outline")),
		MapBox: b(document.querySelector("#map svg.map")),
	};
})()`

// At every width from 320 to 1600 px, in the page and in the map embed,
// no name on the map overlaps another, the inset or the inset's outline,
// every name is at least 12 px, the inset's names stay apart and inside it,
// and its caption is whole.
func TestMapLabelsClearAtEveryWidth(t *testing.T) {
	for _, path := range []string{"/", "/embed?view=map"} {
		t.Run(path, func(t *testing.T) {
			tb := newTab(t, 120*time.Second)
			tb.do(t, emulateWidth(390))
			tb.open(t, path)
			tb.startApp(t)
			failures := 0
			for w := int64(320); w <= 1600 && failures < 10; w += 10 {
				tb.do(t, emulateWidth(w))
				got := eval[mapLabels](t, tb, readMapLabels)
				var problems []string
				if len(got.Main) < 6 {
					problems = append(problems, fmt.Sprintf("only %d names shown", len(got.Main)))
				}
				for i, a := range got.Main {
					if a.FontPx < 12 {
						problems = append(problems, fmt.Sprintf("%q is %.1f px", a.Text, a.FontPx))
					}
					if !a.within(got.MapBox) {
						problems = append(problems, fmt.Sprintf("%q runs off the map", a.Text))
					}
					for _, b := range got.Main[i+1:] {
						if a.overlaps(b) {
							problems = append(problems, fmt.Sprintf("%q and %q overlap", a.Text, b.Text))
						}
					}
					if a.overlaps(got.InsetBox) {
						problems = append(problems, fmt.Sprintf("the inset covers %q", a.Text))
					}
					if a.overlaps(got.Outline) {
						problems = append(problems, fmt.Sprintf("%q crosses the inset's outline", a.Text))
					}
				}
				if len(got.Inset) != 3 {
					problems = append(problems, fmt.Sprintf("%d names in the inset, want 3", len(got.Inset)))
				}
				for i, a := range got.Inset {
					if a.FontPx < 12 {
						problems = append(problems, fmt.Sprintf("inset: %q is %.1f px", a.Text, a.FontPx))
					}
					if !a.within(got.InsetBox) {
						problems = append(problems, fmt.Sprintf("inset: %q runs out of the inset", a.Text))
					}
					for _, b := range got.Inset[i+1:] {
						if a.overlaps(b) {
							problems = append(problems, fmt.Sprintf("inset: %q and %q overlap", a.Text, b.Text))
						}
					}
				}
				if cut := eval[bool](t, tb, `(() => { const c = document.querySelector("#map .map-inset-box figcaption"); return c.scrollWidth > c.clientWidth + 1 || c.scrollHeight > c.clientHeight + 1 })()`); cut {
					problems = append(problems, "the inset's caption is cut")
				}
				if len(problems) > 0 {
					failures++
					t.Errorf("%d px: %s", w, strings.Join(problems, "; "))
				}
			}
			tb.noErrors(t)
		})
	}
}

// On a phone the date slider keeps room to be dragged: the play button
// goes below it rather than squeezing it.
func TestScrubberUsableOnPhones(t *testing.T) {
	for _, w := range []int64{320, 360, 390} {
		tb := newTab(t, 60*time.Second)
		tb.do(t, emulateWidth(w))
		tb.open(t, "/embed?view=all")
		tb.waitReady(t)
		got := eval[struct{ Range, Panel, PlayRight float64 }](t, tb, `({
			Range: document.getElementById("date-scrubber").getBoundingClientRect().width,
			Panel: document.getElementById("timeline").getBoundingClientRect().right,
			PlayRight: document.getElementById("play-path").getBoundingClientRect().right,
		})`)
		if got.Range < 180 {
			t.Errorf("%d px: the date slider is %.0f px wide", w, got.Range)
		}
		if got.PlayRight > got.Panel {
			t.Errorf("%d px: the play button sticks out of the panel", w)
		}
		tb.noErrors(t)
	}
}

// An embed with a forced theme paints the whole document in it, so an
// iframe taller than the embed shows no band of the other theme.
func TestEmbedThemeFillsTheFrame(t *testing.T) {
	for theme, want := range map[string]string{"dark": "rgb(21, 20, 18)", "light": "rgb(251, 250, 247)"} {
		tb := newTab(t, 60*time.Second)
		tb.do(t, chromedp.EmulateViewport(800, 3000))
		tb.open(t, "/embed?view=map&theme="+theme)
		tb.waitReady(t)
		got := eval[struct {
			Background string
			Filled     bool
		}](t, tb, `({
			Background: getComputedStyle(document.documentElement).backgroundColor,
			Filled: document.documentElement.getBoundingClientRect().height >= innerHeight,
		})`)
		if got.Background != want && !got.Filled {
			t.Errorf("theme %s: the document behind the embed is %s, want %s", theme, got.Background, want)
		}
		tb.noErrors(t)
	}
}
