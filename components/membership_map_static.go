package components

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/geo"
	"explainer/app/membership"
)

// newInsetLabels names the states in the inset.
func newInsetLabels() []app.UI {
	var labels []app.UI
	for _, l := range geo.InsetLabels() {
		labels = append(labels, mapLabel(l.Text, l.At).DataSet("iso", l.ISO))
	}
	return labels
}

// newMapDecor is what the main map draws over the shapes that never
// changes: the inset's frame and the states' names, placed once per band
// of widths (see geo.LabelBand); CSS shows the band that fits.
func newMapDecor() []app.UI {
	inset := geo.CaucasusInset()
	decor := []app.UI{
		svg("rect").Class("inset-outline").Aria("hidden", "true").
			Attr("x", num(inset.X)).Attr("y", num(inset.Y)).Attr("width", num(inset.W)).Attr("height", num(inset.H)),
	}
	for _, b := range geo.LabelBands() {
		var leaders, names []app.UI
		for _, l := range b.Labels {
			if l.HasLeader() {
				end := l.LeaderEnd(b.Font)
				leaders = append(leaders, svg("line").Class("map-leader").
					Attr("x1", num(l.From.X)).Attr("y1", num(l.From.Y)).Attr("x2", num(end.X)).Attr("y2", num(end.Y)))
			}
			names = append(names, mapLabel(l.Text, l.At).DataSet("iso", l.ISO))
		}
		decor = append(decor, svg("g").Class("labels labels-"+b.Name).Attr("font-size", num(b.Font)).
			Aria("hidden", "true").Body(append(leaders, names...)...))
	}
	return decor
}

// patternOverlay draws the second cue for a status over a shape: hatching
// for frozen, dots for suspended, fine lines for former. Members and
// non-members are told apart by colour and by the legend's words, and
// members also by their labels.
func patternOverlay(path string, s membership.Status) app.UI {
	id := patternOf(s)
	if id == "" {
		return nil
	}
	return svg("path").Class("pattern-overlay").Attr("d", path).Attr("fill", "url(#"+id+")")
}

// newMapPatterns defines the status patterns once for every map on the page.
func newMapPatterns() []app.UI {
	return []app.UI{svg("defs").Body(
		svg("pattern").ID("hatch-frozen").Class("hatch-frozen").
			Attr("width", 6).Attr("height", 6).Attr("patternUnits", "userSpaceOnUse").
			Attr("patternTransform", "rotate(45)").Body(
			svg("line").Attr("x1", 0).Attr("y1", 0).Attr("x2", 0).Attr("y2", 6),
		),
		svg("pattern").ID("hatch-suspended").Class("hatch-suspended").
			Attr("width", 5).Attr("height", 5).Attr("patternUnits", "userSpaceOnUse").Body(
			svg("circle").Attr("cx", 2.5).Attr("cy", 2.5).Attr("r", 1.1),
		),
		svg("pattern").ID("hatch-former").Class("hatch-former").
			Attr("width", 5).Attr("height", 5).Attr("patternUnits", "userSpaceOnUse").
			Attr("patternTransform", "rotate(-45)").Body(
			svg("line").Attr("x1", 0).Attr("y1", 0).Attr("x2", 0).Attr("y2", 5),
		),
	)}
}

func mapLabel(name string, at geo.Point) app.HTMLElem {
	return svg("text").Class("map-label").Attr("x", num(at.X)).Attr("y", num(at.Y)).
		Attr("text-anchor", "middle").Attr("dominant-baseline", "middle").Text(name)
}
