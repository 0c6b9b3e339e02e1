package components

import (
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/content"
)

// pageFollowHost re-renders a page's tree each time its paragraph field
// changes, as the page does when the reader reads into a paragraph with
// a moment (the page's own fields are unexported, so go-app would never
// update it from a test).
type pageFollowHost struct {
	app.Compo
	Iparagraph string
	page       *Page
}

func (h *pageFollowHost) Render() app.UI { return h.page.Render() }

// The Go half of what the reader's scrolling costs the page: each
// paragraph with a moment reaching the reading line in turn, and go-app
// re-rendering and diffing the page for it (article marker, map, timeline).
// The browser's half is e2e's TestBudget scroll.
func BenchmarkPageFollowUpdate(b *testing.B) {
	c := content.Default()
	var moments []string
	for _, p := range c.Article.Paragraphs {
		if !p.Moment.IsZero() {
			moments = append(moments, p.ID)
		}
	}
	if len(moments) < 2 {
		b.Fatal("the article has fewer than two paragraphs with a moment")
	}
	page := NewPage()
	page.follow.live, page.follow.anyWidth = true, true
	page.follow.f.Read("", false) // the line on arrival is noted, not followed
	e := app.NewTestEngine()
	if err := e.Load(&pageFollowHost{page: page}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		id := moments[i%len(moments)]
		i++
		if !page.follow.f.Read(id, false) {
			b.Fatalf("reading %s changed nothing", id)
		}
		if err := e.Load(&pageFollowHost{Iparagraph: id, page: page}); err != nil {
			b.Fatal(err)
		}
	}
}
