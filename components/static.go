package components

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/htmltidy"
)

// static renders ui as one string of HTML that the browser parses in a
// single call. go-app mounts each element with several calls from Go into
// JavaScript, and a few hundred of them were most of the time it took to
// show a panel. It suits pieces with no event handlers and nothing that
// takes focus or keeps state in the DOM: when such a piece changes, it is
// replaced whole. Clicks in it still reach the handlers of live elements
// around it.
func static(ui app.UI) app.UI {
	return app.Raw(string(htmltidy.Tidy([]byte(app.HTMLString(ui)))))
}

// staticLayer is static for a group of SVG elements inside a live <svg>:
// HTML parsing only makes SVG elements inside an <svg>, so they go in a
// nested one, which adds nothing to the drawing (same coordinates, no
// clipping, no pointer events of its own).
func staticLayer(class string, children ...app.UI) app.UI {
	return static(svg("svg").Class(class).Attr("overflow", "visible").Body(children...))
}
