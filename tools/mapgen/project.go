package main

import "math"

// Albers is the spherical Albers equal-area conic projection on the unit
// sphere (Snyder, "Map Projections: A Working Manual", pp. 98-103). Forward
// gives x east and y north, in radii; the frame step flips y for SVG.
type Albers struct {
	lon0       float64 // central meridian, degrees
	n, c, rho0 float64
}

// NewAlbers returns the projection with central meridian lon0, latitude of
// origin lat0 and standard parallels lat1 and lat2, all in degrees.
func NewAlbers(lon0, lat0, lat1, lat2 float64) Albers {
	s1, s2 := math.Sin(rad(lat1)), math.Sin(rad(lat2))
	n := (s1 + s2) / 2
	c := math.Cos(rad(lat1))*math.Cos(rad(lat1)) + 2*n*s1
	return Albers{
		lon0: lon0,
		n:    n,
		c:    c,
		rho0: math.Sqrt(c-2*n*math.Sin(rad(lat0))) / n,
	}
}

// Forward projects p (longitude, latitude in degrees). Longitudes are taken
// relative to the central meridian and wrapped to [-180, 180), so the two
// sides of the antimeridian land together.
func (a Albers) Forward(p Point) Point {
	lam := math.Mod(p.X-a.lon0+180, 360)
	if lam < 0 {
		lam += 360
	}
	lam -= 180
	theta := a.n * rad(lam)
	rho := math.Sqrt(math.Max(0, a.c-2*a.n*math.Sin(rad(p.Y)))) / a.n
	return Point{rho * math.Sin(theta), a.rho0 - rho*math.Cos(theta)}
}

// Inverse maps a projected point back to longitude and latitude in degrees.
func (a Albers) Inverse(p Point) Point {
	dy := a.rho0 - p.Y
	rho := math.Copysign(math.Hypot(p.X, dy), a.n)
	theta := math.Atan2(p.X*sign(a.n), dy*sign(a.n))
	s := (a.c - rho*rho*a.n*a.n) / (2 * a.n)
	return Point{a.lon0 + deg(theta/a.n), deg(math.Asin(math.Max(-1, math.Min(1, s))))}
}

// Frame is the affine step from projected radii to viewBox units: scale by
// K about the origin, put (X0, Y0) at the viewBox's top-left corner, and turn
// y to point down as SVG wants.
type Frame struct {
	K, X0, Y0 float64
}

// Apply maps a projected point into the viewBox.
func (f Frame) Apply(p Point) Point {
	return Point{(p.X - f.X0) * f.K, (f.Y0 - p.Y) * f.K}
}

// FitFrame returns the frame whose viewBox, width units wide with its
// top-left corner at (0, 0), is the bounding box of the projected extent
// points grown by margin times its width on every side, and the height that
// viewBox needs.
func FitFrame(proj Albers, extent []Point, margin, width float64) (Frame, float64) {
	b := Box{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, ll := range extent {
		p := proj.Forward(ll)
		b = Box{math.Min(b.MinX, p.X), math.Min(b.MinY, p.Y), math.Max(b.MaxX, p.X), math.Max(b.MaxY, p.Y)}
	}
	b = b.Pad((b.MaxX - b.MinX) * margin)
	k := width / (b.MaxX - b.MinX)
	return Frame{K: k, X0: b.MinX, Y0: b.MaxY}, (b.MaxY - b.MinY) * k
}

// ProjectArcs applies f to every point of every arc.
func ProjectArcs(arcs [][]Point, f func(Point) Point) [][]Point {
	out := make([][]Point, len(arcs))
	for i, arc := range arcs {
		pa := make([]Point, len(arc))
		for j, p := range arc {
			pa[j] = f(p)
		}
		out[i] = pa
	}
	return out
}

func rad(d float64) float64 { return d * math.Pi / 180 }
func deg(r float64) float64 { return r * 180 / math.Pi }

func sign(v float64) float64 {
	if v < 0 {
		return -1
	}
	return 1
}
