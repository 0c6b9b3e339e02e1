package components

import (
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/content"
	"explainer/app/date"
	"explainer/app/view"
)

// Rendering the map for a date: every state's shape, status, pattern and
// accessible name, the inset, the legend and the status table. This is
// server-side HTML, the same component tree the client builds on a date
// change (the browser half is e2e's TestBudget).
func BenchmarkMapRender(b *testing.B) {
	v := view.View{At: date.MustParse("2024-02-22")}
	content.Default()
	b.ReportAllocs()
	for b.Loop() {
		if len(app.HTMLString(NewMembershipMap().View(v))) == 0 {
			b.Fatal("empty map")
		}
	}
}

// The map with a state's card open, as after a click on the map.
func BenchmarkMapRenderWithCard(b *testing.B) {
	v := view.View{At: date.MustParse("2024-02-22"), Country: "ARM"}
	content.Default()
	b.ReportAllocs()
	for b.Loop() {
		app.HTMLString(NewMembershipMap().View(v))
	}
}

// The whole page, as the server prerenders it for a deep link.
func BenchmarkPageRender(b *testing.B) {
	content.Default()
	b.ReportAllocs()
	for b.Loop() {
		app.HTMLString(NewPage())
	}
}

// A paragraph's moment reaching the map as the reader reads on: the map
// already on the page takes the next paragraph's date and named states,
// and go-app diffs the new tree against the mounted one. This is the Go
// half of a follow update (the browser's half is e2e's TestBudget scroll).
func BenchmarkMapFollowUpdate(b *testing.B) {
	moments := []struct {
		at    string
		named []string
	}{
		{"2024-02-22", []string{"ARM", "AZE"}},
		{"1992-05-15", []string{"ARM", "RUS", "KAZ"}},
		{"1999-04-02", []string{"AZE", "GEO", "UZB"}},
	}
	content.Default()
	e := app.NewTestEngine()
	if err := e.Load(NewMembershipMap().View(view.View{At: date.MustParse(moments[0].at)})); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		m := moments[i%len(moments)]
		if err := e.Load(NewMembershipMap().View(view.View{At: date.MustParse(m.at)}).Reading(m.named, true)); err != nil {
			b.Fatal(err)
		}
	}
}
