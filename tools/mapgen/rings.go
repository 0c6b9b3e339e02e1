package main

import "math"

// AssembleRing joins the arcs of one ring, dropping the first point of each
// arc after the first since it repeats the previous arc's last point.
func AssembleRing(arcs [][]Point, r ArcRing) Ring {
	var out Ring
	for k, ref := range r {
		pts := ArcPoints(arcs, ref)
		if k > 0 && len(pts) > 0 {
			pts = pts[1:]
		}
		out = append(out, pts...)
	}
	return out
}

// Assemble joins the arcs of every ring.
func Assemble(arcs [][]Point, rings []ArcRing) []Ring {
	out := make([]Ring, 0, len(rings))
	for _, r := range rings {
		out = append(out, AssembleRing(arcs, r))
	}
	return out
}

// RingArea is the ring's signed area by the shoelace formula.
func RingArea(r Ring) float64 {
	var a float64
	for i := range r {
		j := (i + 1) % len(r)
		a += r[i].X*r[j].Y - r[j].X*r[i].Y
	}
	return a / 2
}

// DropTiny removes rings whose area is below minArea (square viewBox
// units): islets and slivers that would be a speck on the map.
func DropTiny(rings []Ring, minArea float64) []Ring {
	var out []Ring
	for _, r := range rings {
		if math.Abs(RingArea(r)) >= minArea {
			out = append(out, r)
		}
	}
	return out
}

// Area is the area the rings cover, holes subtracted: TopoJSON winds holes
// against their outer ring, so the signed areas add up.
func Area(rings []Ring) float64 {
	var a float64
	for _, r := range rings {
		a += RingArea(r)
	}
	return math.Abs(a)
}

// Bounds is the smallest Box holding every point of the rings.
func Bounds(rings []Ring) Box {
	b := Box{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, r := range rings {
		for _, p := range r {
			b.MinX, b.MinY = math.Min(b.MinX, p.X), math.Min(b.MinY, p.Y)
			b.MaxX, b.MaxY = math.Max(b.MaxX, p.X), math.Max(b.MaxY, p.Y)
		}
	}
	return b
}
