package components

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/timeline"
)

// chartMarker is an event's dot on a timeline chart. It is a component so
// that a new date or selection re-renders only the dots that changed:
// redrawing and diffing every dot of both charts was a quarter of what a
// paragraph reaching the reading line cost.
type chartMarker struct {
	app.Compo

	Itimeline *timeline.Timeline
	Iid       string
	Ix, Iy    float64
	Ifont     float64 // the chart's text size, which sizes the dot
	Icurrent  bool
}

// Render draws the dot.
func (m *chartMarker) Render() app.UI {
	e, _ := m.Itimeline.Lookup(m.Iid)
	class := "marker kind-" + string(e.Kind)
	r := m.Ifont * 0.375
	if m.Icurrent {
		class += " is-current"
		r *= 1.5
	}
	c := svg("circle").Class(class).DataSet("marker", e.ID).
		Attr("cx", num(m.Ix)).Attr("cy", num(m.Iy)).Attr("r", num(r))
	if e.Accent != "" {
		// A presentation attribute, not a style: the CSP allows no inline
		// style, and the stylesheet leaves an accented marker's fill alone.
		c = c.Class("has-accent").Attr("fill", e.Accent)
	}
	return c.Body(svg("title").Text(e.Display() + ": " + e.Headline))
}
