// Package geo holds the map's country shapes as ready-made SVG path data,
// projected and simplified at build time by tools/mapgen from Natural Earth
// 1:50m data. Nothing here computes shapes at run time: it is data and
// a few accessors, kept light because it is linked into the wasm.
//
// All coordinates are viewBox units of one equal-area (Albers conic) map,
// x to the east and y down, as SVG expects. Paths wind their holes (such
// as the enclaves of the Fergana valley) against their outer rings, so
// either fill rule draws them.
package geo

import "strconv"

//go:generate go run explainer/tools/mapgen

// Credit names the source of the shapes, for the map's attribution line.
const Credit = "Natural Earth"

// Point is a position in viewBox units.
type Point struct {
	X, Y float64
}

// Rect is an axis-aligned rectangle in viewBox units: top-left corner, width
// and height.
type Rect struct {
	X, Y, W, H float64
}

// ViewBox formats the rectangle as an SVG viewBox attribute: "x y w h".
func (r Rect) ViewBox() string {
	return num(r.X) + " " + num(r.Y) + " " + num(r.W) + " " + num(r.H)
}

// Contains reports whether p lies in the rectangle, edges included.
func (r Rect) Contains(p Point) bool {
	return p.X >= r.X && p.X <= r.X+r.W && p.Y >= r.Y && p.Y <= r.Y+r.H
}

// ContainsRect reports whether o lies wholly in the rectangle.
func (r Rect) ContainsRect(o Rect) bool {
	return o.X >= r.X && o.Y >= r.Y && o.X+o.W <= r.X+r.W && o.Y+o.H <= r.Y+r.H
}

// Country is one country's shape on the map.
type Country struct {
	// ISO is the ISO 3166-1 alpha-3 code, e.g. "ARM".
	ISO string
	// Name is the short English name, e.g. "Armenia".
	Name string
	// Path is SVG path data for the main map, cut a little outside
	// ViewBox() so cut edges never show.
	Path string
	// InsetPath is finer path data for the zoomed South Caucasus inset,
	// cut a little outside CaucasusInset(); empty when the country does
	// not reach into the inset.
	InsetPath string
	// Label is where the country's name goes on the main map: a point
	// well inside its largest visible part.
	Label Point
	// InsetLabel is the same for the inset; meaningful only when
	// InsetPath is set.
	InsetLabel Point
	// Box bounds the country's visible part of the main map.
	Box Rect
	// Clipped is true when the map's frame cuts part of the country off
	// (Russia's far east, or a neighbour at the edge), so Label marks
	// the visible part only.
	Clipped bool
}

// Countries returns every country on the map in draw order: largest visible
// area first, so small states are drawn last, on top. The slice is a copy.
func Countries() []Country {
	return append([]Country(nil), countries...)
}

// Lookup returns the country with the given alpha-3 code, and whether it is
// on the map.
func Lookup(iso string) (Country, bool) {
	for _, c := range countries {
		if c.ISO == iso {
			return c, true
		}
	}
	return Country{}, false
}

// ViewBox returns the main map's frame; Rect.ViewBox formats it for SVG.
func ViewBox() Rect {
	return viewBox
}

// CaucasusInset returns the frame of the zoomed South Caucasus inset
// (Armenia, Azerbaijan, Georgia) in the main map's coordinates: draw each
// country's InsetPath in an SVG with this viewBox.
func CaucasusInset() Rect {
	return caucasusInset
}

// num formats a coordinate in plain decimal form: no exponent, which a
// viewBox attribute would not accept, and no trailing zeros.
func num(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}
