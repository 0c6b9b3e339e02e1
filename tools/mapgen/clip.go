package main

// Box is an axis-aligned rectangle in viewBox units, y down.
type Box struct {
	MinX, MinY, MaxX, MaxY float64
}

// Pad grows the box by d on every side.
func (b Box) Pad(d float64) Box {
	return Box{b.MinX - d, b.MinY - d, b.MaxX + d, b.MaxY + d}
}

// Contains reports whether o lies wholly inside the box.
func (b Box) Contains(o Box) bool {
	return o.MinX >= b.MinX && o.MinY >= b.MinY && o.MaxX <= b.MaxX && o.MaxY <= b.MaxY
}

// ClipRing clips a closed ring to the box with the Sutherland-Hodgman
// algorithm: one pass per box edge, keeping what lies inside and putting a
// new vertex where an edge crosses. A ring wholly inside comes back
// unchanged, one wholly outside comes back nil. Where a concave ring leaves
// and re-enters, the result runs along the box edge; the caller clips to a
// box slightly larger than the viewBox so those runs stay out of sight.
func ClipRing(r Ring, b Box) Ring {
	if len(r) < 4 {
		return nil
	}
	pts := []Point(r[:len(r)-1]) // open: drop the closing repeat
	if inBox(pts, b) {
		return r
	}
	edges := []struct {
		in  func(Point) bool
		cut func(a, c Point) Point
	}{
		{func(p Point) bool { return p.X >= b.MinX }, func(a, c Point) Point { return cutX(a, c, b.MinX) }},
		{func(p Point) bool { return p.X <= b.MaxX }, func(a, c Point) Point { return cutX(a, c, b.MaxX) }},
		{func(p Point) bool { return p.Y >= b.MinY }, func(a, c Point) Point { return cutY(a, c, b.MinY) }},
		{func(p Point) bool { return p.Y <= b.MaxY }, func(a, c Point) Point { return cutY(a, c, b.MaxY) }},
	}
	for _, e := range edges {
		if len(pts) == 0 {
			return nil
		}
		var out []Point
		prev := pts[len(pts)-1]
		for _, cur := range pts {
			switch cin, pin := e.in(cur), e.in(prev); {
			case cin && pin:
				out = append(out, cur)
			case cin && !pin:
				out = append(out, e.cut(prev, cur), cur)
			case !cin && pin:
				out = append(out, e.cut(prev, cur))
			}
			prev = cur
		}
		pts = out
	}
	pts = dedupe(pts)
	if len(pts) < 3 {
		return nil
	}
	return append(Ring(pts), pts[0])
}

// ClipRings clips every ring and drops those left empty.
func ClipRings(rings []Ring, b Box) []Ring {
	var out []Ring
	for _, r := range rings {
		if c := ClipRing(r, b); c != nil {
			out = append(out, c)
		}
	}
	return out
}

func inBox(pts []Point, b Box) bool {
	for _, p := range pts {
		if p.X < b.MinX || p.X > b.MaxX || p.Y < b.MinY || p.Y > b.MaxY {
			return false
		}
	}
	return true
}

// cutX and cutY put the crossing of segment a-c with a vertical or
// horizontal line. The end points are ordered first, so a border shared by
// two countries, walked one way by each, is cut at exactly the same point.
func cutX(a, c Point, x float64) Point {
	if less(c, a) {
		a, c = c, a
	}
	return Point{x, a.Y + (c.Y-a.Y)*(x-a.X)/(c.X-a.X)}
}

func cutY(a, c Point, y float64) Point {
	if less(c, a) {
		a, c = c, a
	}
	return Point{a.X + (c.X-a.X)*(y-a.Y)/(c.Y-a.Y), y}
}

func less(a, b Point) bool { return a.X < b.X || (a.X == b.X && a.Y < b.Y) }

// dedupe drops consecutive repeated points, the closing one included.
func dedupe(pts []Point) []Point {
	var out []Point
	for _, p := range pts {
		if len(out) == 0 || out[len(out)-1] != p {
			out = append(out, p)
		}
	}
	for len(out) > 1 && out[len(out)-1] == out[0] {
		out = out[:len(out)-1]
	}
	return out
}
