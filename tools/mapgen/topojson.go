package main

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Topology is the part of a TopoJSON document that mapgen reads: the
// optional quantization transform, the shared arcs and the named objects.
type Topology struct {
	Type      string                  `json:"type"`
	Transform *Transform              `json:"transform"`
	Arcs      [][][]float64           `json:"arcs"`
	Objects   map[string]GeometryList `json:"objects"`
}

// Transform maps quantized integer positions back to longitude and latitude.
type Transform struct {
	Scale     [2]float64 `json:"scale"`
	Translate [2]float64 `json:"translate"`
}

// GeometryList is a TopoJSON GeometryCollection.
type GeometryList struct {
	Type       string     `json:"type"`
	Geometries []Geometry `json:"geometries"`
}

// Geometry is one TopoJSON Polygon or MultiPolygon. Its arcs stay raw until
// Polygons normalizes them.
type Geometry struct {
	Type       string          `json:"type"`
	ID         json.RawMessage `json:"id"`
	Arcs       json.RawMessage `json:"arcs"`
	Properties struct {
		Name string `json:"name"`
		A3   string `json:"a3"`
	} `json:"properties"`
}

// Point is a position: longitude and latitude in degrees before projection,
// viewBox units (y down) after.
type Point struct{ X, Y float64 }

// Ring is a closed sequence of points; the last point repeats the first
// until the path encoder drops it.
type Ring []Point

// ArcRing is a ring written as TopoJSON arc references: i is arc i as
// stored, ^i (that is -i-1, "~i" in TopoJSON terms) is arc i reversed.
type ArcRing []int

// Feature is one country as rings of arc references. Polygon grouping is
// not kept: every ring, outer or hole, is listed flat, since TopoJSON
// already orients holes against their outer ring and the SVG fill rule then
// needs no grouping.
type Feature struct {
	ISO   string
	Name  string
	Rings []ArcRing
}

// DecodeTopology reads a TopoJSON document.
func DecodeTopology(r io.Reader) (*Topology, error) {
	var t Topology
	if err := json.NewDecoder(r).Decode(&t); err != nil {
		return nil, fmt.Errorf("decode topojson: %w", err)
	}
	if t.Type != "Topology" {
		return nil, fmt.Errorf("decode topojson: type is %q, want \"Topology\"", t.Type)
	}
	return &t, nil
}

// AbsoluteArcs undoes TopoJSON quantization: with a transform each arc is a
// start position followed by deltas, in integer steps of Transform.Scale
// from Transform.Translate; without one the positions are absolute already.
// The result is longitude/latitude in degrees.
func AbsoluteArcs(t *Topology) [][]Point {
	out := make([][]Point, len(t.Arcs))
	for i, arc := range t.Arcs {
		pts := make([]Point, len(arc))
		var x, y float64
		for j, p := range arc {
			if len(p) < 2 {
				continue
			}
			if t.Transform == nil {
				pts[j] = Point{p[0], p[1]}
				continue
			}
			x += p[0]
			y += p[1]
			pts[j] = Point{
				x*t.Transform.Scale[0] + t.Transform.Translate[0],
				y*t.Transform.Scale[1] + t.Transform.Translate[1],
			}
		}
		out[i] = pts
	}
	return out
}

// Polygons returns the geometry's rings as arc references, polygons
// flattened. Null geometries give no rings; other types are an error.
func (g Geometry) Polygons() ([]ArcRing, error) {
	switch g.Type {
	case "", "null":
		return nil, nil
	case "Polygon":
		var rings []ArcRing
		if err := json.Unmarshal(g.Arcs, &rings); err != nil {
			return nil, fmt.Errorf("polygon arcs: %w", err)
		}
		return rings, nil
	case "MultiPolygon":
		var polys [][]ArcRing
		if err := json.Unmarshal(g.Arcs, &polys); err != nil {
			return nil, fmt.Errorf("multipolygon arcs: %w", err)
		}
		var rings []ArcRing
		for _, p := range polys {
			rings = append(rings, p...)
		}
		return rings, nil
	}
	return nil, fmt.Errorf("unsupported geometry type %q", g.Type)
}

// ArcPoints returns the points of arc reference ref, reversed when ref < 0.
func ArcPoints(arcs [][]Point, ref int) []Point {
	if ref >= 0 {
		return arcs[ref]
	}
	src := arcs[^ref]
	rev := make([]Point, len(src))
	for i, p := range src {
		rev[len(src)-1-i] = p
	}
	return rev
}

// fold lists shapes that have no ISO 3166 code of their own and the country
// they are drawn with, as the UN counts them: Northern Cyprus with Cyprus,
// and the Siachen Glacier (held by India since 1984) with India. The package
// itself already draws Crimea as part of Ukraine.
var fold = map[string]string{
	"CYN": "CYP",
	"KAS": "IND",
}

// Features reads the countries object: one Feature per ISO alpha-3 code,
// sorted by code. Shapes listed in fold are dissolved into their country
// (the border arcs between them dropped, see Dissolve); shapes without a
// three-letter code, or with no rings, are skipped. name gives the display name for a code,
// falling back to the TopoJSON name when it returns "".
func Features(t *Topology, object string, arcs [][]Point, name func(iso string) string) ([]Feature, error) {
	coll, ok := t.Objects[object]
	if !ok {
		return nil, fmt.Errorf("topology has no object %q", object)
	}
	byISO := map[string]*Feature{}
	for _, g := range coll.Geometries {
		iso := strings.TrimSpace(g.Properties.A3)
		if to, ok := fold[iso]; ok {
			iso = to
		}
		if !validISO(iso) {
			continue
		}
		rings, err := g.Polygons()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", iso, err)
		}
		if len(rings) == 0 {
			continue
		}
		f := byISO[iso]
		if f == nil {
			f = &Feature{ISO: iso, Name: g.Properties.Name}
			byISO[iso] = f
		} else if _, folded := fold[strings.TrimSpace(g.Properties.A3)]; !folded {
			f.Name = g.Properties.Name // the country's own name wins over a folded shape's
		}
		f.Rings = append(f.Rings, rings...)
	}
	out := make([]Feature, 0, len(byISO))
	for _, f := range byISO {
		f.Rings = Dissolve(f.Rings, arcs)
		if n := name(f.ISO); n != "" {
			f.Name = n
		}
		out = append(out, *f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ISO < out[j].ISO })
	return out, nil
}

// validISO reports whether s looks like an ISO 3166-1 alpha-3 code: three
// ASCII capital letters ("-99" and the like are not).
func validISO(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// Dissolve merges rings that share arcs, as topojson.merge does: an arc
// used once in each direction lies between two of the rings and is dropped,
// and the arcs left are chained end to start into new rings. Rings sharing
// no arc come back unchanged.
func Dissolve(rings []ArcRing, arcs [][]Point) []ArcRing {
	fwd := map[int]bool{}
	rev := map[int]bool{}
	for _, r := range rings {
		for _, ref := range r {
			if ref >= 0 {
				fwd[ref] = true
			} else {
				rev[^ref] = true
			}
		}
	}
	interior := map[int]bool{}
	for i := range fwd {
		if rev[i] {
			interior[i] = true
		}
	}
	if len(interior) == 0 {
		return rings
	}
	var left []int
	for _, r := range rings {
		for _, ref := range r {
			i := ref
			if i < 0 {
				i = ^i
			}
			if !interior[i] {
				left = append(left, ref)
			}
		}
	}
	start := func(ref int) Point { p := ArcPoints(arcs, ref); return p[0] }
	end := func(ref int) Point { p := ArcPoints(arcs, ref); return p[len(p)-1] }
	done := make([]bool, len(left))
	var out []ArcRing
	for i := range left {
		if done[i] {
			continue
		}
		done[i] = true
		ring := ArcRing{left[i]}
		first := start(left[i])
		for end(ring[len(ring)-1]) != first {
			at := end(ring[len(ring)-1])
			next := -1
			for j := range left {
				if !done[j] && start(left[j]) == at {
					next = j
					break
				}
			}
			if next < 0 {
				break // open chain: cannot happen in a valid topology
			}
			done[next] = true
			ring = append(ring, left[next])
		}
		out = append(out, ring)
	}
	return out
}
