package components

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/components/mount"
)

const svgNS = "http://www.w3.org/2000/svg"

// svg makes an SVG element. go-app has no SVG API, and an element without
// the namespace is an HTML element that draws nothing, so every SVG element
// goes through here.
func svg(tag string) app.HTMLElem { return app.Elem(tag).XMLNS(svgNS) }

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// staticLayer is mount.Static for SVG elements inside a live <svg>: HTML parsing
// only makes SVG elements inside an <svg>, so they go in a nested one of
// that class, which adds nothing to the drawing (same coordinates, no
// clipping, no pointer events of its own).
func staticLayer(key, class string, build func() []app.UI) app.UI {
	return mount.Static(key, func() app.UI {
		return svg("svg").Class(class).Attr("overflow", "visible").Body(build()...)
	})
}
