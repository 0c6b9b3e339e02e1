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
