package components

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/timeline"
	"explainer/app/view"
)

// sheetTimeline parses a plain TimelineJS sheet for a test.
func sheetTimeline(t *testing.T, csv string) *timeline.Timeline {
	t.Helper()
	tl, err := timeline.Parse("events.csv", strings.NewReader(csv), timeline.Known{})
	if err != nil {
		t.Fatal(err)
	}
	return tl
}

func TestEventMediaLocalImageShowsAtOnce(t *testing.T) {
	tl := sheetTimeline(t, "Year,Headline,Media,Alt Text,Media Caption,Media Credit\n"+
		"2023,A,media/a.png,Six leaders at a table,The <b>signing</b>,Archive\n"+
		"2024,B,/web/media/b.png,,Decorative,\n")
	ev := tl.Events()
	html := app.HTMLString(newEventMedia("event-media", ev[0].Media, ev[0].Headline))
	for _, want := range []string{`src="/web/media/a.png"`, `alt="Six leaders at a table"`,
		`class="media-caption-text">The <b>signing</b>`, `class="media-credit">Archive`, `class="media-frame"`} {
		if !strings.Contains(html, want) {
			t.Errorf("local image lacks %s:\n%s", want, html)
		}
	}
	html = app.HTMLString(newEventMedia("event-media", ev[1].Media, ev[1].Headline))
	if !strings.Contains(html, `role="presentation"`) || strings.Contains(html, "alt=") {
		t.Errorf("an image without Alt Text is not marked decorative:\n%s", html)
	}
}

// Before the reader's choice, nothing on the page points a request at the
// provider: no src, only a link to follow.
func TestEventMediaRemoteIsACard(t *testing.T) {
	tl := sheetTimeline(t, "Year,Headline,Media,Media Caption\n"+
		"2023,A,https://www.youtube.com/watch?v=dQw4w9WgXcQ,The summit\n"+
		"2024,B,https://upload.wikimedia.org/wikipedia/commons/a/a9/Example.jpg,\n"+
		"2025,C,https://example.org/report,\n")
	ev := tl.Events()
	for i, want := range []struct{ class, card, link string }{
		{"media-remote", "Video on YouTube", "Watch on YouTube"},
		{"media-remote", "Image on Wikimedia Commons", "View on Wikimedia Commons"},
		{"media-link", "", "Open on example.org"},
	} {
		html := app.HTMLString(newEventMedia("event-media", ev[i].Media, ev[i].Headline))
		if !strings.Contains(html, want.class) || !strings.Contains(html, want.card) || !strings.Contains(html, want.link) {
			t.Errorf("%s: want %+v in\n%s", ev[i].Media.URL, want, html)
		}
		if strings.Contains(html, "src=") || strings.Contains(html, "<iframe") || strings.Contains(html, "<img") {
			t.Errorf("%s: loads before the reader asks:\n%s", ev[i].Media.URL, html)
		}
		if !strings.Contains(html, `href="`+ev[i].Media.URL+`"`) || !strings.Contains(html, `rel="noopener noreferrer"`) {
			t.Errorf("%s: no safe link to the media:\n%s", ev[i].Media.URL, html)
		}
	}
	// Loaded: the privacy-enhanced player, sandboxed.
	m := newEventMedia("event-media", ev[0].Media, ev[0].Headline)
	m.loaded = ev[0].Media.Src
	html := app.HTMLString(m)
	for _, want := range []string{`<iframe`, `src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"`,
		`sandbox="allow-scripts allow-same-origin allow-presentation"`, `title="YouTube video: A"`} {
		if !strings.Contains(html, want) {
			t.Errorf("loaded video lacks %s:\n%s", want, html)
		}
	}
}

func TestChartLanesByGroup(t *testing.T) {
	tl := sheetTimeline(t, "Year,Headline,Group,Background\n"+
		"2020,A,Diplomacy,#1a73e8\n2010,B,War,#ffd700\n2015,C,,\n2000,D,Diplomacy,\n")
	html := app.HTMLString(newTimelineChart(tl, view.Default(), nil))
	for _, l := range []chartLayout{wideChart, narrowChart} {
		eras := len(tl.Eras())
		for i, id := range map[int]string{0: "a", 1: "b", 2: "c"} {
			want := `data-marker="` + id + `"`
			y := num(l.laneY(eras, i))
			if !strings.Contains(html, want) {
				t.Fatalf("no marker %s", id)
			}
			if !strings.Contains(html, `cy="`+y+`"`) {
				t.Errorf("%s: no marker on lane %d (y %s)", l.name, i, y)
			}
		}
	}
	for _, g := range []string{">Diplomacy</text>", ">War</text>", ">Other events</text>"} {
		if strings.Count(html, g) != 2 { // one a layout
			t.Errorf("lane label %s drawn %d times, want 2", g, strings.Count(html, g))
		}
	}
	if i, j := strings.Index(html, ">Diplomacy<"), strings.Index(html, ">War<"); i > j {
		t.Error("lanes not in the order the sheet names the groups")
	}
	if !strings.Contains(html, `fill="#1a73e8"`) || strings.Contains(html, `fill="#ffd700"`) {
		t.Error("the accent is drawn where it fails the contrast check, or not where it passes")
	}

	plain := sheetTimeline(t, "Year,Headline\n2020,A\n2010,B\n")
	if html := app.HTMLString(newTimelineChart(plain, view.Default(), nil)); strings.Contains(html, `class="lane`) {
		t.Error("lanes without groups")
	}
}
