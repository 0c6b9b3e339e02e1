package main

import (
	"reflect"
	"strings"
	"testing"
)

// tiny is a hand-written quantized topology: two unit squares side by side
// sharing arc 0 (the x=1 border), plus a folded shape and one with no code.
//
//	(0,1)---(1,1)---(2,1)
//	  | AAA  |0 BBB  |
//	(0,0)---(1,0)---(2,0)
//
// Positions are in steps of 0.5° from (10°E, 40°N).
const tiny = `{
  "type": "Topology",
  "transform": {"scale": [0.5, 0.5], "translate": [10, 40]},
  "arcs": [
    [[2, 0], [0, 2]],
    [[2, 2], [-2, 0], [0, -2], [2, 0]],
    [[2, 0], [2, 0], [0, 2], [-2, 0]],
    [[4, 0], [2, 0], [0, 2], [-2, 0], [0, -2]],
    [[8, 8], [1, 0], [0, 1], [-1, 0], [0, -1]]
  ],
  "objects": {
    "countries": {"type": "GeometryCollection", "geometries": [
      {"type": "Polygon", "id": "001", "properties": {"name": "Aland", "a3": "AAA"}, "arcs": [[1, 0]]},
      {"type": "MultiPolygon", "id": "002", "properties": {"name": "Bland", "a3": "BBB"}, "arcs": [[[2, -1]]]},
      {"type": "Polygon", "id": "-1", "properties": {"name": "N. Bland", "a3": "CYN"}, "arcs": [[3]]},
      {"type": "Polygon", "id": "-99", "properties": {"name": "Nowhere", "a3": "-99"}, "arcs": [[4]]},
      {"type": null, "properties": {"name": "Empty", "a3": "EEE"}}
    ]}
  }
}`

func decodeTiny(t *testing.T) *Topology {
	t.Helper()
	topo, err := DecodeTopology(strings.NewReader(tiny))
	if err != nil {
		t.Fatal(err)
	}
	return topo
}

func TestAbsoluteArcs(t *testing.T) {
	arcs := AbsoluteArcs(decodeTiny(t))
	want := [][]Point{
		{{11, 40}, {11, 41}},
		{{11, 41}, {10, 41}, {10, 40}, {11, 40}},
		{{11, 40}, {12, 40}, {12, 41}, {11, 41}},
		{{12, 40}, {13, 40}, {13, 41}, {12, 41}, {12, 40}},
		{{14, 44}, {14.5, 44}, {14.5, 44.5}, {14, 44.5}, {14, 44}},
	}
	if !reflect.DeepEqual(arcs, want) {
		t.Errorf("AbsoluteArcs =\n%v\nwant\n%v", arcs, want)
	}
}

func TestAbsoluteArcsUnquantized(t *testing.T) {
	topo, err := DecodeTopology(strings.NewReader(`{"type":"Topology","arcs":[[[1.5,2],[3,4]]],"objects":{}}`))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := AbsoluteArcs(topo), [][]Point{{{1.5, 2}, {3, 4}}}; !reflect.DeepEqual(got, want) {
		t.Errorf("AbsoluteArcs = %v, want %v", got, want)
	}
}

func TestArcPointsReversed(t *testing.T) {
	arcs := AbsoluteArcs(decodeTiny(t))
	if got, want := ArcPoints(arcs, ^0), []Point{{11, 41}, {11, 40}}; !reflect.DeepEqual(got, want) {
		t.Errorf("ArcPoints(~0) = %v, want %v", got, want)
	}
	if got := ArcPoints(arcs, 0); !reflect.DeepEqual(got, arcs[0]) {
		t.Errorf("ArcPoints(0) = %v", got)
	}
	// ~i is -i-1 in the file: -1 means arc 0 reversed.
	if ^0 != -1 || ^2 != -3 {
		t.Fatal("arc reference arithmetic")
	}
}

func TestAssembleRing(t *testing.T) {
	arcs := AbsoluteArcs(decodeTiny(t))
	got := AssembleRing(arcs, ArcRing{2, ^0})
	want := Ring{{11, 40}, {12, 40}, {12, 41}, {11, 41}, {11, 40}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("AssembleRing = %v, want %v", got, want)
	}
}

func TestFeatures(t *testing.T) {
	topo := decodeTiny(t)
	arcs := AbsoluteArcs(topo)
	names := map[string]string{"AAA": "A-land"}
	feats, err := Features(topo, "countries", arcs, func(iso string) string { return names[iso] })
	if err != nil {
		t.Fatal(err)
	}
	// AAA is renamed, CYN is folded into CYP (not present on its own, so
	// it becomes CYP under its own name), -99 and the null geometry drop.
	want := []Feature{
		{ISO: "AAA", Name: "A-land", Rings: []ArcRing{{1, 0}}},
		{ISO: "BBB", Name: "Bland", Rings: []ArcRing{{2, ^0}}},
		{ISO: "CYP", Name: "N. Bland", Rings: []ArcRing{{3}}},
	}
	if !reflect.DeepEqual(feats, want) {
		t.Errorf("Features =\n%+v\nwant\n%+v", feats, want)
	}
	if _, err := Features(topo, "land", arcs, func(string) string { return "" }); err == nil {
		t.Error("missing object: no error")
	}
}

func TestDissolve(t *testing.T) {
	arcs := AbsoluteArcs(decodeTiny(t))
	// The two squares share arc 0: merged, they are one 2x1 rectangle.
	got := Dissolve([]ArcRing{{1, 0}, {2, ^0}}, arcs)
	if want := []ArcRing{{1, 2}}; !reflect.DeepEqual(got, want) {
		t.Fatalf("Dissolve = %v, want %v", got, want)
	}
	ring := AssembleRing(arcs, got[0])
	if ring[0] != ring[len(ring)-1] || RingArea(ring) == 0 {
		t.Errorf("dissolved ring is not closed: %v", ring)
	}
	if a := Area([]Ring{ring}); a != 2 {
		t.Errorf("dissolved area %v, want 2", a)
	}
	// Rings sharing nothing are left alone.
	apart := []ArcRing{{1, 0}, {3}}
	if got := Dissolve(apart, arcs); !reflect.DeepEqual(got, apart) {
		t.Errorf("Dissolve(apart) = %v", got)
	}
}

func TestValidISO(t *testing.T) {
	for s, want := range map[string]bool{"ARM": true, "XKX": true, "-99": false, "arm": false, "AR": false, "ARME": false, "": false} {
		if validISO(s) != want {
			t.Errorf("validISO(%q) = %v", s, !want)
		}
	}
}

func TestDecodeTopologyRejects(t *testing.T) {
	for _, in := range []string{`{"type":"FeatureCollection"}`, `not json`} {
		if _, err := DecodeTopology(strings.NewReader(in)); err == nil {
			t.Errorf("DecodeTopology(%q): no error", in)
		}
	}
}
