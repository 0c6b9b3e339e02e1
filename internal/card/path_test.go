package card

import (
	"testing"

	"explainer/app/geo"
)

func TestPolygons(t *testing.T) {
	rings, err := polygons("M10 10h5v5h-5zm20 0l1.5.5-.5-1.5zM0 0L1 1 2 0z")
	if err != nil {
		t.Fatal(err)
	}
	want := [][]point{
		{{10, 10}, {15, 10}, {15, 15}, {10, 15}},
		{{30, 10}, {31.5, 10.5}, {31, 9}},
		{{0, 0}, {1, 1}, {2, 0}},
	}
	if len(rings) != len(want) {
		t.Fatalf("rings %v", rings)
	}
	for i := range want {
		if len(rings[i]) != len(want[i]) {
			t.Fatalf("ring %d: %v, want %v", i, rings[i], want[i])
		}
		for j := range want[i] {
			if rings[i][j] != want[i][j] {
				t.Errorf("ring %d point %d: %v, want %v", i, j, rings[i][j], want[i][j])
			}
		}
	}
	if _, err := polygons("M1 1C2 2 3 3 4 4"); err == nil {
		t.Error("a curve was accepted")
	}
	// Every shape of the map reads.
	for _, c := range geo.Countries() {
		for _, d := range []string{c.Path, c.InsetPath} {
			if _, err := polygons(d); err != nil {
				t.Errorf("%s: %v", c.ISO, err)
			}
		}
	}
}
