package components

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/geo"
)

// mapShape is one state's shape on the map: a focusable button in the
// map's keyboard order, named with its status for screen readers. It is a
// component of its own so that a map update re-renders only the shapes
// whose inputs changed: go-app compares a child component's fields and
// skips it when they are equal. Rendering and diffing all ~400 shapes,
// each with its long path, on every date the article's paragraphs show
// was most of a follow update's time, and its garbage the rest.
type mapShape struct {
	app.Compo

	Iiso     string
	Istatus  string
	Iclass   string
	Ilabel   string
	Ipressed bool
	Itab     int
}

// Render draws the shape.
func (s *mapShape) Render() app.UI {
	g, _ := geo.Lookup(s.Iiso)
	return svg("path").ID("map-"+s.Iiso).Class(s.Iclass).
		DataSet("iso", s.Iiso).DataSet("status", s.Istatus).
		Attr("d", g.Path).
		Attr("role", "button").
		Aria("label", s.Ilabel).
		Aria("pressed", s.Ipressed).
		TabIndex(s.Itab)
}
