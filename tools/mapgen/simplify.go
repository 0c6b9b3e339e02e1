package main

import (
	"container/heap"
	"math"
)

// VisvalingamWeights returns each point's effective area in the
// Visvalingam-Whyatt sense: the area of the triangle it forms with its
// neighbours at the moment it would be removed, made non-decreasing in
// removal order (as topojson-simplify does) so that a threshold never keeps
// a point whose neighbours were removed. End points weigh +Inf.
func VisvalingamWeights(pts []Point) []float64 {
	n := len(pts)
	w := make([]float64, n)
	if n == 0 {
		return w
	}
	w[0], w[n-1] = math.Inf(1), math.Inf(1)
	if n < 3 {
		return w
	}
	prev := make([]int, n)
	next := make([]int, n)
	for i := range pts {
		prev[i], next[i] = i-1, i+1
	}
	h := &triHeap{}
	items := make([]*tri, n)
	for i := 1; i < n-1; i++ {
		items[i] = &tri{i: i, area: triArea(pts[i-1], pts[i], pts[i+1])}
		heap.Push(h, items[i])
	}
	maxArea := 0.0
	for h.Len() > 0 {
		t := heap.Pop(h).(*tri)
		if t.area < maxArea {
			t.area = maxArea
		} else {
			maxArea = t.area
		}
		w[t.i] = t.area
		p, q := prev[t.i], next[t.i]
		next[p], prev[q] = q, p
		if p > 0 {
			items[p].area = triArea(pts[prev[p]], pts[p], pts[q])
			heap.Fix(h, items[p].idx)
		}
		if q < n-1 {
			items[q].area = triArea(pts[p], pts[q], pts[next[q]])
			heap.Fix(h, items[q].idx)
		}
	}
	return w
}

// SimplifyArc keeps the points of an arc whose Visvalingam weight is at
// least minArea (square viewBox units). End points always stay, so arcs
// still meet at the same junctions afterwards.
func SimplifyArc(pts []Point, minArea float64) []Point {
	w := VisvalingamWeights(pts)
	out := make([]Point, 0, len(pts))
	for i, p := range pts {
		if w[i] >= minArea {
			out = append(out, p)
		}
	}
	return out
}

// SimplifyArcs simplifies every arc on its own. Because a border between
// two countries is one shared arc, both sides lose the same points.
func SimplifyArcs(arcs [][]Point, minArea float64) [][]Point {
	out := make([][]Point, len(arcs))
	for i, a := range arcs {
		out[i] = SimplifyArc(a, minArea)
	}
	return out
}

func triArea(a, b, c Point) float64 {
	return math.Abs((b.X-a.X)*(c.Y-a.Y)-(c.X-a.X)*(b.Y-a.Y)) / 2
}

type tri struct {
	i    int     // point index
	area float64 // current effective area
	idx  int     // position in the heap
}

type triHeap []*tri

func (h triHeap) Len() int { return len(h) }
func (h triHeap) Less(i, j int) bool {
	if h[i].area != h[j].area {
		return h[i].area < h[j].area
	}
	return h[i].i < h[j].i // deterministic order for ties
}
func (h triHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].idx, h[j].idx = i, j
}
func (h *triHeap) Push(x any) {
	t := x.(*tri)
	t.idx = len(*h)
	*h = append(*h, t)
}
func (h *triHeap) Pop() any {
	old := *h
	t := old[len(old)-1]
	*h = old[:len(old)-1]
	return t
}
