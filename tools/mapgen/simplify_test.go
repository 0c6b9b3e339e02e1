package main

import (
	"math"
	"reflect"
	"testing"
)

func TestSimplifyArc(t *testing.T) {
	tests := []struct {
		name    string
		in      []Point
		minArea float64
		want    []Point
	}{
		{"two points stay", []Point{{0, 0}, {5, 5}}, 10, []Point{{0, 0}, {5, 5}}},
		{"collinear points go", []Point{{0, 0}, {1, 0}, {2, 0}, {3, 0}}, 1e-9, []Point{{0, 0}, {3, 0}}},
		{"collinear on a slant", []Point{{0, 0}, {1, 1}, {2, 2}, {5, 5}}, 1e-9, []Point{{0, 0}, {5, 5}}},
		{"a big corner stays", []Point{{0, 0}, {1, 0.01}, {5, 0}, {5, 5}}, 1, []Point{{0, 0}, {5, 0}, {5, 5}}},
		{"a small wiggle goes", []Point{{0, 0}, {2, 0.1}, {4, 0}}, 1, []Point{{0, 0}, {4, 0}}},
		{"zero tolerance keeps all", []Point{{0, 0}, {2, 0.1}, {4, 0}}, 0, []Point{{0, 0}, {2, 0.1}, {4, 0}}},
		{"closed arc keeps its ends", []Point{{0, 0}, {4, 0}, {4, 4}, {0, 4}, {0, 0}}, 100, []Point{{0, 0}, {0, 0}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := SimplifyArc(tc.in, tc.minArea)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("SimplifyArc(%v, %v) = %v, want %v", tc.in, tc.minArea, got, tc.want)
			}
		})
	}
}

func TestVisvalingamWeights(t *testing.T) {
	w := VisvalingamWeights([]Point{{0, 0}, {1, 1}, {2, 0}, {3, 3}, {4, 0}})
	if !math.IsInf(w[0], 1) || !math.IsInf(w[4], 1) {
		t.Errorf("end points weigh %v and %v, want +Inf", w[0], w[4])
	}
	// (1,1) goes first with area 1; removing it makes (2,0)'s triangle
	// (0,0)-(2,0)-(3,3) of area 3, which ties with (3,3) and goes next;
	// then (3,3) spans (0,0)-(3,3)-(4,0), area 6.
	want := []float64{1, 3, 6}
	for i, v := range want {
		if w[i+1] != v {
			t.Errorf("weight[%d] = %v, want %v (all: %v)", i+1, w[i+1], v, w)
		}
	}
}

// Arcs are simplified on their own, so two rings sharing an arc keep the
// same border after simplification.
func TestSimplifyKeepsSharedBorders(t *testing.T) {
	arcs := [][]Point{
		{{0, 0}, {1, 0.2}, {2, -0.1}, {3, 0.05}, {4, 0}}, // shared border, west to east
		{{4, 0}, {4, 4}, {0, 4}, {0, 0}},                 // north side
		{{0, 0}, {0, -4}, {4, -4}, {4, 0}},               // south side
	}
	s := SimplifyArcs(arcs, 0.15)
	if len(s[0]) == len(arcs[0]) || len(s[0]) < 3 {
		t.Fatalf("tolerance should drop some border points but not all: %v", s[0])
	}
	north := AssembleRing(s, ArcRing{0, 1})  // walks the border west to east
	south := AssembleRing(s, ArcRing{2, ^0}) // walks it east to west
	n := len(s[0])
	for i := 0; i < n; i++ {
		if a, b := north[i], south[len(south)-1-i]; a != b {
			t.Fatalf("borders differ at %d: %v vs %v\nnorth %v\nsouth %v", i, a, b, north, south)
		}
	}
}
