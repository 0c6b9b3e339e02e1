package main

import (
	"math"
	"reflect"
	"testing"
)

func square(x0, y0, x1, y1 float64) Ring {
	return Ring{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}
}

func TestClipRing(t *testing.T) {
	box := Box{0, 0, 10, 10}
	tests := []struct {
		name string
		in   Ring
		want Ring
	}{
		{"inside unchanged", square(2, 2, 8, 8), square(2, 2, 8, 8)},
		{"on the edge unchanged", square(0, 0, 10, 10), square(0, 0, 10, 10)},
		{"outside dropped", square(20, 20, 30, 30), nil},
		{"outside but around a corner dropped", Ring{{11, -5}, {20, -5}, {20, 20}, {-5, 20}, {-5, 11}, {11, 11}, {11, -5}}, nil},
		{"crossing the right edge", square(5, 2, 15, 8), Ring{{10, 2}, {10, 8}, {5, 8}, {5, 2}, {10, 2}}},
		{"crossing two edges", square(-5, -5, 5, 5), Ring{{5, 0}, {5, 5}, {0, 5}, {0, 0}, {5, 0}}},
		{"diagonal cut", Ring{{5, 5}, {15, 5}, {5, 15}, {5, 5}}, Ring{{5, 5}, {10, 5}, {10, 10}, {5, 10}, {5, 5}}},
		{"enclosing ring becomes the box", square(-5, -5, 15, 15), Ring{{10, 0}, {10, 10}, {0, 10}, {0, 0}, {10, 0}}},
		{"too short", Ring{{1, 1}, {2, 2}, {1, 1}}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := ClipRing(tc.in, box)
			if !sameRing(got, tc.want) {
				t.Errorf("ClipRing(%v) = %v, want %v", tc.in, got, tc.want)
			}
			if got != nil && (math.Abs(RingArea(got)) > math.Abs(RingArea(tc.in))+1e-9) {
				t.Errorf("clipping grew the area")
			}
		})
	}
}

// sameRing compares closed rings up to where they start.
func sameRing(a, b Ring) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	if len(a) != len(b) {
		return false
	}
	n := len(a) - 1
	for s := 0; s < n; s++ {
		ok := true
		for i := 0; i < n && ok; i++ {
			ok = a[(s+i)%n] == b[i]
		}
		if ok {
			return true
		}
	}
	return false
}

func TestClipConcaveKeepsBothLobes(t *testing.T) {
	// A U shape whose bottom is cut off: two lobes joined along the edge.
	u := Ring{{0, 0}, {2, 0}, {2, 8}, {4, 8}, {4, 0}, {6, 0}, {6, 10}, {0, 10}, {0, 0}}
	got := ClipRing(u, Box{-1, 4, 7, 11})
	if want := 2*2*4 + 6*2.0; math.Abs(math.Abs(RingArea(got))-want) > 1e-9 {
		t.Errorf("area %v, want %v: %v", RingArea(got), want, got)
	}
}

// Two countries walk their shared border in opposite directions; the cut
// must land on the same point for both.
func TestCutIsSymmetric(t *testing.T) {
	a, b := Point{0.1, 0.3}, Point{10.7, 3.9}
	if cutX(a, b, 3.3) != cutX(b, a, 3.3) || cutY(a, b, 1.7) != cutY(b, a, 1.7) {
		t.Error("cut depends on direction")
	}
}

func TestClipRings(t *testing.T) {
	got := ClipRings([]Ring{square(1, 1, 2, 2), square(20, 20, 21, 21)}, Box{0, 0, 10, 10})
	if !reflect.DeepEqual(got, []Ring{square(1, 1, 2, 2)}) {
		t.Errorf("ClipRings = %v", got)
	}
}
