package components

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/geo"
	"explainer/app/membership"
)

// insetShape is one state's shape in the map's South Caucasus inset, with
// its status pattern over it. Like mapShape, it is a component so that a
// new map date re-renders only the shapes whose status or class changed.
type insetShape struct {
	app.Compo

	Iiso    string
	Istatus membership.Status
	Iclass  string
}

// Render draws the shape.
func (s *insetShape) Render() app.UI {
	g, _ := geo.Lookup(s.Iiso)
	return svg("g").Body(
		svg("path").Class(s.Iclass).DataSet("inset", s.Iiso).DataSet("status", s.Istatus.String()).
			Attr("d", g.InsetPath),
		patternOverlay(g.InsetPath, s.Istatus),
	)
}
