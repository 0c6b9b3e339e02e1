package main

import (
	"math"
	"testing"
)

func TestLabelPoint(t *testing.T) {
	tests := []struct {
		name  string
		rings []Ring
		want  Point
		tol   float64
	}{
		{"square: centre", []Ring{square(0, 0, 10, 10)}, Point{5, 5}, 0.5},
		// A U shape's centroid lies in its notch; the label must not.
		{"U shape: in a leg or the base", []Ring{{{0, 0}, {2, 0}, {2, 8}, {8, 8}, {8, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}}, Point{}, -1},
		// A square with a hole in the middle: the label keeps off the hole.
		{"hole", []Ring{square(0, 0, 10, 10), {{3, 3}, {3, 7}, {7, 7}, {7, 3}, {3, 3}}}, Point{}, -1},
		// The largest ring wins over an islet.
		{"largest ring", []Ring{square(100, 100, 101, 101), square(0, 0, 10, 4)}, Point{5, 2}, 0.5},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, ok := LabelPoint(tc.rings, 0.1)
			if !ok {
				t.Fatal("no label")
			}
			if d := signedDist(p, tc.rings); d <= 0 {
				t.Errorf("label %v is outside (distance %v)", p, d)
			}
			if tc.tol > 0 && math.Hypot(p.X-tc.want.X, p.Y-tc.want.Y) > tc.tol {
				t.Errorf("label %v, want near %v", p, tc.want)
			}
		})
	}
	if _, ok := LabelPoint(nil, 1); ok {
		t.Error("label for no rings")
	}
}
