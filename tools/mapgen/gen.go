package main

import (
	"bytes"
	"fmt"
	"go/format"
	"math"
	"sort"
	"strconv"

	"explainer/app/country"
)

// Params are the knobs of the pipeline. DefaultParams holds the values
// app/geo/shapes_gen.go is made with; doc.go explains them.
type Params struct {
	// Albers projection, degrees.
	Lon0, Lat0, Lat1, Lat2 float64
	// The viewBox is the bounding box of the projections of the Extent
	// points (longitude, latitude), grown by Margin times its width on
	// every side and scaled to Width units wide.
	Extent []Point
	Margin float64
	Width  float64
	// Window is a longitude/latitude box (X longitude, Y latitude): a
	// country with no point in it is dropped before projection. It keeps
	// out Antarctica and the Americas, which a conic would fold across the
	// frame.
	Window Box
	// Visvalingam thresholds, square viewBox units, for the main map and
	// for the finer inset paths.
	Tolerance, InsetTolerance float64
	// Rings smaller than MinRing (square units) are dropped; a country
	// whose visible area is under MinCountry is left off the map.
	MinRing, MinCountry float64
	// Decimal places of the main and inset path data.
	Decimals, InsetDecimals int
	// ClipPad is how far past the viewBox (units) the main paths are cut,
	// so the cut edges' strokes fall outside the picture; InsetClipPad is
	// the same for the inset, as a fraction of the inset's width.
	ClipPad, InsetClipPad float64
	// The inset frames these countries, padded by InsetPad (fraction of
	// the larger side) and widened to InsetAspect (width / height).
	InsetOf               []string
	InsetPad, InsetAspect float64
	InsetMinRing          float64 // MinRing for the inset, square units
}

// DefaultParams are the parameters of the committed map.
var DefaultParams = Params{
	Lon0: 65, Lat0: 50, Lat1: 38, Lat2: 60,
	// Places that must be in view, each the far point of the region in
	// one direction: Belarus's and Moldova's west, Turkey's west coast
	// (Gokceada and Edirne), Iran's south coast, Mongolia's east tip and
	// 74.5°N on the central meridian, just north of Yamal.
	Extent: []Point{
		{23.2, 52.2}, {26.6, 48.2}, {25.7, 40.1}, {26.4, 41.8},
		{61.5, 25.1}, {57.3, 25.7}, {119.9, 46.7}, {65, 74.5},
	},
	Margin: 0.01,
	Width:  1000,
	Window: Box{MinX: 0, MinY: 0, MaxX: 160, MaxY: 90},

	Tolerance:      0.5,
	InsetTolerance: 0.02,
	MinRing:        2,
	MinCountry:     20,
	Decimals:       0,
	InsetDecimals:  1,
	ClipPad:        3,
	InsetClipPad:   0.02,

	InsetOf:      []string{"ARM", "AZE", "GEO"},
	InsetPad:     0.08,
	InsetAspect:  4.0 / 3,
	InsetMinRing: 0.05,
}

// Shape is one country as the generated file stores it.
type Shape struct {
	ISO, Name         string
	Path, InsetPath   string
	Label, InsetLabel Point
	Box               Box
	Clipped           bool    // the frame cuts part of the country off
	Area              float64 // visible area, square units: sets draw order
}

// Map is the generator's result.
type Map struct {
	ViewBox Box
	Inset   Box
	Shapes  []Shape // largest first, the draw order
}

// PathBytes is the size of all path data, main and inset.
func (m *Map) PathBytes() (main, inset int) {
	for _, s := range m.Shapes {
		main += len(s.Path)
		inset += len(s.InsetPath)
	}
	return main, inset
}

// CountryName is the display name for a code: the explainer's own list
// first, "" (the TopoJSON name) otherwise.
func CountryName(iso string) string {
	if c, ok := country.Lookup(iso); ok {
		return c.Name
	}
	return ""
}

// Build runs the pipeline on a decoded topology:
// absolute arcs → features → project → simplify arcs → assemble rings →
// clip → path data, labels and boxes.
func Build(t *Topology, p Params) (*Map, error) {
	lonlat := AbsoluteArcs(t)
	feats, err := Features(t, "countries", lonlat, CountryName)
	if err != nil {
		return nil, err
	}
	feats = Within(feats, lonlat, p.Window)
	proj := NewAlbers(p.Lon0, p.Lat0, p.Lat1, p.Lat2)
	frame, height := FitFrame(proj, p.Extent, p.Margin, p.Width)
	view := Box{0, 0, p.Width, round1(height)}
	xy := ProjectArcs(lonlat, func(q Point) Point { return frame.Apply(proj.Forward(q)) })
	coarse := SimplifyArcs(xy, p.Tolerance)
	fine := SimplifyArcs(xy, p.InsetTolerance)

	m := &Map{ViewBox: view}
	var boxes = map[string]Box{}
	for _, f := range feats {
		whole := Assemble(coarse, f.Rings)
		rings := DropTiny(ClipRings(whole, view.Pad(p.ClipPad)), p.MinRing)
		visible := ClipRings(rings, view)
		area := Area(visible)
		if area < p.MinCountry {
			continue
		}
		label, _ := LabelPoint(visible, 0.5)
		box := Bounds(visible)
		s := Shape{
			ISO:   f.ISO,
			Name:  f.Name,
			Path:  PathData(rings, p.Decimals),
			Label: roundPt(label),
			Box:   Box{math.Floor(box.MinX), math.Floor(box.MinY), math.Ceil(box.MaxX), math.Ceil(box.MaxY)},
			Area:  area,
			// Cut off if any of it, islets included, lies past the frame.
			Clipped: !view.Contains(Bounds(whole)),
		}
		boxes[f.ISO] = s.Box
		m.Shapes = append(m.Shapes, s)
	}

	// The inset frames the South Caucasus states; every country reaching
	// into it gets finer path data cut to it.
	in := Box{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, iso := range p.InsetOf {
		b, ok := boxes[iso]
		if !ok {
			return nil, fmt.Errorf("inset country %s is not on the map", iso)
		}
		in = Box{math.Min(in.MinX, b.MinX), math.Min(in.MinY, b.MinY), math.Max(in.MaxX, b.MaxX), math.Max(in.MaxY, b.MaxY)}
	}
	m.Inset = frameInset(in, p.InsetPad, p.InsetAspect)
	pad := (m.Inset.MaxX - m.Inset.MinX) * p.InsetClipPad
	for i := range m.Shapes {
		s := &m.Shapes[i]
		f := featureByISO(feats, s.ISO)
		rings := DropTiny(ClipRings(Assemble(fine, f.Rings), m.Inset.Pad(pad)), p.InsetMinRing)
		visible := ClipRings(rings, m.Inset)
		if Area(visible) < p.InsetMinRing {
			continue
		}
		s.InsetPath = PathData(rings, p.InsetDecimals)
		label, _ := LabelPoint(visible, 0.1)
		s.InsetLabel = roundPt(label)
	}

	sort.SliceStable(m.Shapes, func(i, j int) bool {
		if m.Shapes[i].Area != m.Shapes[j].Area {
			return m.Shapes[i].Area > m.Shapes[j].Area
		}
		return m.Shapes[i].ISO < m.Shapes[j].ISO
	})
	return m, nil
}

func featureByISO(feats []Feature, iso string) Feature {
	i := sort.Search(len(feats), func(i int) bool { return feats[i].ISO >= iso })
	return feats[i]
}

// frameInset pads b by pad times its larger side, widens or heightens it
// to the aspect ratio about its centre, and rounds it out to whole units.
func frameInset(b Box, pad, aspect float64) Box {
	w, h := b.MaxX-b.MinX, b.MaxY-b.MinY
	d := math.Max(w, h) * pad
	w, h = w+2*d, h+2*d
	if w/h < aspect {
		w = h * aspect
	} else {
		h = w / aspect
	}
	cx, cy := (b.MinX+b.MaxX)/2, (b.MinY+b.MaxY)/2
	return Box{math.Floor(cx - w/2), math.Floor(cy - h/2), math.Ceil(cx + w/2), math.Ceil(cy + h/2)}
}

func round1(v float64) float64 { return math.Round(v*10) / 10 }

func roundPt(p Point) Point { return Point{round1(p.X), round1(p.Y)} }

// GoSource renders the map as the Go file app/geo/shapes_gen.go, gofmt'd.
func (m *Map) GoSource() ([]byte, error) {
	var b bytes.Buffer
	mainBytes, insetBytes := m.PathBytes()
	b.WriteString("// Code generated by mapgen; DO NOT EDIT.\n\n")
	b.WriteString("// Source: Natural Earth 1:50m admin-0 countries, via the npm package\n")
	fmt.Fprintf(&b, "// %s %s (%s). Regenerate with: go generate ./app/geo\n\n", atlasPackage, atlasVersion, "world/50m.json")
	b.WriteString("package geo\n\n")
	fmt.Fprintf(&b, "// pathBytes is the size of all path data below: %d main + %d inset.\nconst pathBytes = %d\n\n", mainBytes, insetBytes, mainBytes+insetBytes)
	fmt.Fprintf(&b, "var viewBox = %s\n\n", rectLit(m.ViewBox))
	fmt.Fprintf(&b, "var caucasusInset = %s\n\n", rectLit(m.Inset))
	b.WriteString("var countries = []Country{\n")
	for _, s := range m.Shapes {
		b.WriteString("{\n")
		fmt.Fprintf(&b, "ISO: %q,\nName: %s,\n", s.ISO, strconv.Quote(s.Name))
		fmt.Fprintf(&b, "Label: %s,\nBox: %s,\n", pointLit(s.Label), rectLit(s.Box))
		if s.Clipped {
			b.WriteString("Clipped: true,\n")
		}
		if s.InsetPath != "" {
			fmt.Fprintf(&b, "InsetLabel: %s,\n", pointLit(s.InsetLabel))
		}
		fmt.Fprintf(&b, "Path: %q,\n", s.Path)
		if s.InsetPath != "" {
			fmt.Fprintf(&b, "InsetPath: %q,\n", s.InsetPath)
		}
		b.WriteString("},\n")
	}
	b.WriteString("}\n")
	return format.Source(b.Bytes())
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func pointLit(p Point) string { return fmt.Sprintf("Point{X: %s, Y: %s}", num(p.X), num(p.Y)) }

func rectLit(b Box) string {
	return fmt.Sprintf("Rect{X: %s, Y: %s, W: %s, H: %s}", num(b.MinX), num(b.MinY), num(round1(b.MaxX-b.MinX)), num(round1(b.MaxY-b.MinY)))
}

// Generate reads the pinned tarball and returns the Go source and the map.
func Generate(tgz string, p Params) ([]byte, *Map, error) {
	data, err := ReadTarMember(tgz, atlasMember)
	if err != nil {
		return nil, nil, err
	}
	t, err := DecodeTopology(bytes.NewReader(data))
	if err != nil {
		return nil, nil, err
	}
	m, err := Build(t, p)
	if err != nil {
		return nil, nil, err
	}
	src, err := m.GoSource()
	return src, m, err
}

// Within keeps the features with at least one point in the lon/lat box.
func Within(feats []Feature, lonlat [][]Point, b Box) []Feature {
	var out []Feature
	for _, f := range feats {
		if anyIn(f, lonlat, b) {
			out = append(out, f)
		}
	}
	return out
}

func anyIn(f Feature, lonlat [][]Point, b Box) bool {
	for _, r := range f.Rings {
		for _, ref := range r {
			if ref < 0 {
				ref = ^ref
			}
			for _, p := range lonlat[ref] {
				if p.X >= b.MinX && p.X <= b.MaxX && p.Y >= b.MinY && p.Y <= b.MaxY {
					return true
				}
			}
		}
	}
	return false
}
