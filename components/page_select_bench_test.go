package components

import (
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/content"
	"explainer/app/date"
	"explainer/app/view"
)

// pageSelectHost re-renders a page's tree each time its counter changes,
// as the page does when the reader selects something (the page's own
// fields are unexported, so go-app would never update it from a test).
type pageSelectHost struct {
	app.Compo
	Iupdate int
	page    *Page
}

func (h *pageSelectHost) Render() app.UI { return h.page.Render() }

// The Go half of a reader's click on the page: the view changes and go-app
// re-renders and diffs the page for it, as in the update that draws the
// click's frame. Each kind alternates between two views, so every update
// changes what the click changes. The browser's half is make bench-peer.
func BenchmarkPageSelect(b *testing.B) { benchmarkPageSelect(b, false) }

// The update after the click's frame, in which the page's links catch up
// with the view (see Page.links).
func BenchmarkPageSelectLinks(b *testing.B) { benchmarkPageSelect(b, true) }

func benchmarkPageSelect(b *testing.B, links bool) {
	c := content.Default()
	events := c.Timeline.Events()
	base := view.Default()
	for _, bc := range []struct {
		name  string
		views [2]view.View
	}{
		{"event", [2]view.View{base.SelectEvent(events[10].ID, c), base.SelectEvent(events[11].ID, c)}},
		{"state", [2]view.View{base.SelectCountry("KAZ", c), base.SelectCountry("BLR", c)}},
		{"date", [2]view.View{base.ShowDate(date.MustParse("1999-06-30"), c), base.ShowDate(date.MustParse("2012-12-31"), c)}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			page := NewPage()
			e := app.NewTestEngine()
			n := 0
			update := func() {
				n++
				if err := e.Load(&pageSelectHost{Iupdate: n, page: page}); err != nil {
					b.Fatal(err)
				}
			}
			update()
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				v := bc.views[i%2]
				if links { // the click's own update, untimed
					b.StopTimer()
					page.view = v
					update()
					b.StartTimer()
					page.links = v
				} else {
					page.view = v
				}
				update()
			}
		})
	}
}
