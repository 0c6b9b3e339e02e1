package components

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/content"
	"explainer/app/date"
	"explainer/app/view"
)

func TestTimelineListsEveryEventOnce(t *testing.T) {
	html := app.HTMLString(NewTimeline().View(view.Default()))
	for _, e := range content.Default().Timeline.Events() {
		if n := strings.Count(html, `data-event="`+e.ID+`"`); n != 1 {
			t.Errorf("event %s appears %d times", e.ID, n)
		}
		if !strings.Contains(html, `data-date="`+e.Date.String()+`"`) {
			t.Errorf("event %s lacks data-date %s", e.ID, e.Date)
		}
	}
	if strings.Contains(html, `aria-current`) {
		t.Error("an event is current with none selected")
	}
}

func TestTimelineShowsTheSelectedEvent(t *testing.T) {
	c := content.Default()
	v := view.Default().SelectEvent("armenia-freezes", c)
	html := app.HTMLString(NewTimeline().View(v))
	if !strings.Contains(html, `id="event-details"`) || !strings.Contains(html, `rel="noopener noreferrer"`) {
		t.Error("no details with safe source links for the selected event")
	}
	if strings.Count(html, `aria-current`) != 1 {
		t.Error("want exactly one current event")
	}
	article := app.HTMLString(NewArticle(c.Article).View(v))
	if !strings.Contains(article, `class="paragraph is-highlighted"`) {
		t.Error("the selected event's passage is not highlighted")
	}
}

func TestMonthIndexRoundTrip(t *testing.T) {
	for _, s := range []string{"1991-01-31", "2024-02-29", "2025-11-30"} {
		d := dateOf(t, s)
		if got := monthEnd(monthIndex(d)); got != d {
			t.Errorf("monthEnd(monthIndex(%s)) = %s", s, got)
		}
	}
	if got := monthEnd(monthIndex(view.Latest) + 5); got != view.Latest {
		t.Errorf("past the range: %s", got)
	}
}

func dateOf(t *testing.T, s string) date.Date {
	t.Helper()
	d, err := date.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// The events of the paragraph being read are marked apart from the
// reader's selection, which alone is aria-current.
func TestTimelineMarksTheEventsBeingRead(t *testing.T) {
	v := view.Parse("event=treaty-signed", content.Default())
	html := app.HTMLString(NewTimeline().View(v).Reading([]string{"armenia-freezes", "funding-stopped"}))
	for _, id := range []string{"armenia-freezes", "funding-stopped"} {
		if !strings.Contains(html, `data-event="`+id+`" data-reading="true"`) {
			t.Errorf("event %s is not marked as read", id)
		}
	}
	if n := strings.Count(html, `data-reading="true"`); n != 2 {
		t.Errorf("%d events marked as read, want 2", n)
	}
	if n := strings.Count(html, `aria-current="true"`); n != 1 || !strings.Contains(html, `aria-current="true" class="event kind-treaty`) {
		t.Errorf("the selection is not the one aria-current event (%d)", n)
	}
}
