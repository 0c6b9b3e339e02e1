package main

import (
	"math"
	"testing"
)

func TestAlbersCentralMeridian(t *testing.T) {
	a := NewAlbers(65, 50, 38, 60)
	for _, lat := range []float64{-10, 0, 25, 40, 50, 60, 75, 89} {
		p := a.Forward(Point{65, lat})
		if math.Abs(p.X) > 1e-12 {
			t.Errorf("lat %v: x = %v, want 0 on the central meridian", lat, p.X)
		}
	}
	if p := a.Forward(Point{65, 50}); math.Abs(p.Y) > 1e-12 {
		t.Errorf("origin maps to y = %v, want 0", p.Y)
	}
	// North is up and east is right before the frame flips y.
	if a.Forward(Point{65, 60}).Y <= a.Forward(Point{65, 40}).Y {
		t.Error("north is not up")
	}
	if a.Forward(Point{80, 50}).X <= 0 || a.Forward(Point{50, 50}).X >= 0 {
		t.Error("east is not right")
	}
}

func TestAlbersRoundTrip(t *testing.T) {
	a := NewAlbers(65, 50, 38, 60)
	for _, tc := range []Point{
		{44.5, 40.2}, // Yerevan
		{27.9, 47},   // Chisinau
		{120, 47},
		{65, 75},
		{20, 30},
		{-170, 65}, // past the antimeridian: comes back as 190
	} {
		got := a.Inverse(a.Forward(tc))
		want := tc
		if want.X < 65-180 {
			want.X += 360
		}
		if math.Abs(got.X-want.X) > 1e-9 || math.Abs(got.Y-want.Y) > 1e-9 {
			t.Errorf("Inverse(Forward(%v)) = %v", tc, got)
		}
	}
}

// A small lon/lat cell covers Δλ·(sin φ2 − sin φ1) of the unit sphere; an
// equal-area projection must give its image the same area, wherever it is.
func TestAlbersEqualArea(t *testing.T) {
	a := NewAlbers(65, 50, 38, 60)
	for _, c := range []struct{ lon, lat float64 }{
		{65, 50}, {44, 40}, {28, 52}, {110, 47}, {60, 26}, {80, 74},
	} {
		const d = 0.5 // degrees
		var ring Ring
		const steps = 50
		for i := 0; i <= steps; i++ { // south edge, west to east
			ring = append(ring, a.Forward(Point{c.lon + d*float64(i)/steps, c.lat}))
		}
		for i := 0; i <= steps; i++ { // north edge, east to west
			ring = append(ring, a.Forward(Point{c.lon + d - d*float64(i)/steps, c.lat + d}))
		}
		got := math.Abs(RingArea(ring))
		want := rad(d) * (math.Sin(rad(c.lat+d)) - math.Sin(rad(c.lat)))
		if rel := math.Abs(got-want) / want; rel > 1e-6 {
			t.Errorf("cell at %v: area %.9g, want %.9g (off by %.2g)", c, got, want, rel)
		}
	}
}

func TestFitFrame(t *testing.T) {
	a := NewAlbers(65, 50, 38, 60)
	extent := []Point{{30, 45}, {100, 45}, {65, 70}, {65, 30}}
	f, h := FitFrame(a, extent, 0, 1000)
	var minX, maxX, minY, maxY = math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, ll := range extent {
		p := f.Apply(a.Forward(ll))
		minX, maxX = math.Min(minX, p.X), math.Max(maxX, p.X)
		minY, maxY = math.Min(minY, p.Y), math.Max(maxY, p.Y)
	}
	if math.Abs(minX) > 1e-9 || math.Abs(maxX-1000) > 1e-9 || math.Abs(minY) > 1e-9 || math.Abs(maxY-h) > 1e-9 {
		t.Errorf("extent spans x %v..%v, y %v..%v; want 0..1000, 0..%v", minX, maxX, minY, maxY, h)
	}
	// y points down: the northern point is at the top.
	if f.Apply(a.Forward(Point{65, 70})).Y != minY {
		t.Error("north is not at the top")
	}
}
