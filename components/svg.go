package components

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

const svgNS = "http://www.w3.org/2000/svg"

// svg makes an SVG element. go-app has no SVG API, and an element without
// the namespace is an HTML element that draws nothing, so every SVG element
// goes through here.
func svg(tag string) app.HTMLElem { return app.Elem(tag).XMLNS(svgNS) }

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
