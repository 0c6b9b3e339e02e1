package components

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/geo"
	"explainer/app/membership"
)

// labelled are the states named on the main map. The South Caucasus states
// are named in the inset, where they have room.
var labelled = map[string]bool{
	"RUS": true, "KAZ": true, "KGZ": true, "TJK": true, "UZB": true, "TKM": true,
	"BLR": true, "UKR": true, "TUR": true, "IRN": true, "AFG": true, "CHN": true, "MNG": true,
}

// majorLabel are the names kept on a phone's small map: the members.
var majorLabel = map[string]bool{"RUS": true, "KAZ": true, "BLR": true, "UZB": true, "KGZ": true, "TJK": true}

var insetLabelled = map[string]bool{"ARM": true, "AZE": true, "GEO": true}

// newInsetLabels names the states in the inset.
func newInsetLabels() []app.UI {
	var labels []app.UI
	for _, g := range geo.Countries() {
		if g.InsetPath != "" && insetLabelled[g.ISO] {
			labels = append(labels, mapLabel(g.Name, g.InsetLabel))
		}
	}
	return labels
}

// newMapDecor is what the main map draws over the shapes that never
// changes: the inset's frame and the states' names.
func newMapDecor() []app.UI {
	inset := geo.CaucasusInset()
	decor := []app.UI{
		svg("rect").Class("inset-outline").Aria("hidden", "true").
			Attr("x", num(inset.X)).Attr("y", num(inset.Y)).Attr("width", num(inset.W)).Attr("height", num(inset.H)),
	}
	var labels []app.UI
	for _, g := range geo.Countries() {
		if !labelled[g.ISO] || g.Clipped && g.ISO != "RUS" {
			continue
		}
		label := mapLabel(g.Name, g.Label)
		if !majorLabel[g.ISO] {
			label = label.Class("map-label-minor")
		}
		labels = append(labels, label)
	}
	return append(decor, svg("g").Class("labels").Aria("hidden", "true").Body(labels...))
}

// patternOverlay draws the second cue for a status over a shape: hatching
// for frozen, dots for suspended, fine lines for former. Members and
// non-members are told apart by colour and by the legend's words, and
// members also by their labels.
func patternOverlay(path string, s membership.Status) app.UI {
	var id string
	switch s {
	case membership.Frozen:
		id = "hatch-frozen"
	case membership.Suspended:
		id = "hatch-suspended"
	case membership.Former:
		id = "hatch-former"
	default:
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
