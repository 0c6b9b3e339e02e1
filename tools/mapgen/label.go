package main

import (
	"container/heap"
	"math"
)

// LabelPoint estimates the pole of inaccessibility of the largest ring, the
// inside point farthest from any edge, as Mapbox's polylabel does: a
// best-first search over square cells, to within precision units. Holes and
// the other rings count as edges too (inside is decided even-odd over all
// rings), so the label keeps clear of enclaves. It returns false for no
// rings.
func LabelPoint(rings []Ring, precision float64) (Point, bool) {
	var outer Ring
	for _, r := range rings {
		if outer == nil || math.Abs(RingArea(r)) > math.Abs(RingArea(outer)) {
			outer = r
		}
	}
	if len(outer) == 0 {
		return Point{}, false
	}
	b := Bounds([]Ring{outer})
	size := math.Min(b.MaxX-b.MinX, b.MaxY-b.MinY)
	if size <= 0 {
		return outer[0], true
	}
	h := size / 2
	q := &cellHeap{}
	for x := b.MinX; x < b.MaxX; x += size {
		for y := b.MinY; y < b.MaxY; y += size {
			heap.Push(q, newCell(x+h, y+h, h, rings))
		}
	}
	// Start from the ring's centroid, a good first guess for compact shapes.
	best := newCell(centroid(outer).X, centroid(outer).Y, 0, rings)
	for q.Len() > 0 {
		c := heap.Pop(q).(cell)
		if c.d > best.d {
			best = c
		}
		if c.max-best.d <= precision {
			continue
		}
		h := c.h / 2
		heap.Push(q, newCell(c.x-h, c.y-h, h, rings))
		heap.Push(q, newCell(c.x+h, c.y-h, h, rings))
		heap.Push(q, newCell(c.x-h, c.y+h, h, rings))
		heap.Push(q, newCell(c.x+h, c.y+h, h, rings))
	}
	return Point{best.x, best.y}, true
}

type cell struct {
	x, y, h float64 // centre and half size
	d       float64 // signed distance from the centre to the rings
	max     float64 // best distance any point of the cell could have
}

func newCell(x, y, h float64, rings []Ring) cell {
	d := signedDist(Point{x, y}, rings)
	return cell{x, y, h, d, d + h*math.Sqrt2}
}

// signedDist is the distance from p to the nearest ring edge, positive when
// p is inside (even-odd) and negative outside.
func signedDist(p Point, rings []Ring) float64 {
	inside := false
	minSq := math.Inf(1)
	for _, r := range rings {
		for i, j := 0, len(r)-1; i < len(r); j, i = i, i+1 {
			a, b := r[i], r[j]
			if (a.Y > p.Y) != (b.Y > p.Y) && p.X < (b.X-a.X)*(p.Y-a.Y)/(b.Y-a.Y)+a.X {
				inside = !inside
			}
			minSq = math.Min(minSq, segDistSq(p, a, b))
		}
	}
	d := math.Sqrt(minSq)
	if !inside {
		d = -d
	}
	return d
}

func segDistSq(p, a, b Point) float64 {
	x, y := a.X, a.Y
	dx, dy := b.X-x, b.Y-y
	if dx != 0 || dy != 0 {
		t := ((p.X-x)*dx + (p.Y-y)*dy) / (dx*dx + dy*dy)
		if t > 1 {
			x, y = b.X, b.Y
		} else if t > 0 {
			x += dx * t
			y += dy * t
		}
	}
	dx, dy = p.X-x, p.Y-y
	return dx*dx + dy*dy
}

func centroid(r Ring) Point {
	var a, cx, cy float64
	for i := range r {
		j := (i + 1) % len(r)
		f := r[i].X*r[j].Y - r[j].X*r[i].Y
		a += f
		cx += (r[i].X + r[j].X) * f
		cy += (r[i].Y + r[j].Y) * f
	}
	if a == 0 {
		return r[0]
	}
	return Point{cx / (3 * a), cy / (3 * a)}
}

type cellHeap []cell

func (h cellHeap) Len() int           { return len(h) }
func (h cellHeap) Less(i, j int) bool { return h[i].max > h[j].max }
func (h cellHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *cellHeap) Push(x any)        { *h = append(*h, x.(cell)) }
func (h *cellHeap) Pop() any {
	old := *h
	c := old[len(old)-1]
	*h = old[:len(old)-1]
	return c
}
