package main

import "testing"

func TestPathData(t *testing.T) {
	tests := []struct {
		name     string
		rings    []Ring
		decimals int
		want     string
	}{
		{"unit square", []Ring{square(0, 0, 10, 10)}, 0, "M0 0h10v10H0z"},
		{"square away from the origin", []Ring{square(100, 200, 110, 210)}, 0, "M100 200h10v10h-10z"},
		{"slanted edges", []Ring{{{0, 0}, {3, -2}, {5, 4}, {0, 0}}}, 0, "M0 0l3-2 2 6z"},
		{"rounding", []Ring{{{0.4, 0.4}, {2.6, 0.2}, {2.4, 3.3}, {0.4, 0.4}}}, 0, "M0 0h3L2 3z"},
		{"one decimal", []Ring{{{0, 0}, {0.5, -0.5}, {1.25, 0.5}, {0, 0}}}, 1, "M0 0l.5-.5.8 1z"},
		{"decimal after decimal", []Ring{{{10, 10}, {10.5, 10.5}, {11, 10.2}, {10, 10}}}, 1, "M10 10l.5.5.5-.3z"},
		{"absolute where shorter", []Ring{{{1.5, 1.5}, {2, 2.5}, {1, 3}, {1.5, 1.5}}}, 1, "M1.5 1.5l.5 1L1 3z"},
		{"second ring moves relative", []Ring{square(0, 0, 10, 10), square(100, 100, 102, 102)}, 0, "M0 0h10v10H0zm100 100h2v2h-2z"},
		{"collinear points merge", []Ring{{{0, 0}, {3, 0}, {4, 0}, {4, 4}, {0, 4}, {0, 2}, {0, 0}}}, 0, "M0 0h4v4H0z"},
		{"collapsed ring dropped", []Ring{{{0, 0}, {0.2, 0.1}, {0.1, 0.3}, {0, 0}}, square(0, 0, 10, 10)}, 0, "M0 0h10v10H0z"},
		{"flat ring dropped", []Ring{{{0, 0}, {5, 0}, {10, 0}, {0, 0}}}, 0, ""},
		{"nothing", nil, 0, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := PathData(tc.rings, tc.decimals); got != tc.want {
				t.Errorf("PathData = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestFmtNum(t *testing.T) {
	tests := []struct {
		v        int64
		decimals int
		want     string
	}{
		{0, 0, "0"}, {12, 0, "12"}, {-7, 0, "-7"},
		{0, 1, "0"}, {5, 1, "0.5"[1:]}, {-5, 1, "-.5"}, {10, 1, "1"}, {123, 1, "12.3"}, {-120, 1, "-12"},
		{5, 2, ".05"}, {150, 2, "1.5"},
	}
	for _, tc := range tests {
		if got := fmtNum(tc.v, tc.decimals); got != tc.want {
			t.Errorf("fmtNum(%d, %d) = %q, want %q", tc.v, tc.decimals, got, tc.want)
		}
	}
}
