package mount

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func TestStagedPanelShowsTheServersCopyUntilItsTurn(t *testing.T) {
	live := func(id string) func() app.UI {
		return func() app.UI { return app.Section().ID(id).Class("live") }
	}
	var s Staged
	s.Capture("map", "timeline") // the server has no document: nothing kept
	if got := app.HTMLString(s.Panel("map", live("map"))); !strings.Contains(got, `class="live"`) {
		t.Fatalf("with nothing captured, the map is %s, want live", got)
	}

	s.Keep("map", `<section id="map" class="copy"></section>`)
	s.Keep("timeline", `<section id="timeline" class="copy"></section>`)
	for _, step := range []struct {
		pending                 int
		mapShows, timelineShows string // the class each panel shows
	}{
		{2, "copy", "copy"},
		{1, "live", "copy"},
		{0, "live", "live"},
	} {
		s.pending = s.pending[len(s.pending)-step.pending:]
		for id, want := range map[string]string{"map": step.mapShows, "timeline": step.timelineShows} {
			got := app.HTMLString(s.Panel(id, live(id)))
			if !strings.Contains(got, `class="`+want+`"`) {
				t.Errorf("with %d pending, %s is %s, want the %s", step.pending, id, got, want)
			}
		}
	}
}
