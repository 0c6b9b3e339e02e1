package card

import (
	"testing"

	"explainer/app/content"
)

// BenchmarkRender draws a card, without encoding it.
func BenchmarkRender(b *testing.B) {
	r, err := New()
	if err != nil {
		b.Fatal(err)
	}
	v := mustView(b, "/event/armenia-freezes/")
	for b.Loop() {
		if _, err := r.Render(v, content.Default()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPNG draws a card and encodes it: what a first request costs.
func BenchmarkPNG(b *testing.B) {
	r, err := New()
	if err != nil {
		b.Fatal(err)
	}
	v := mustView(b, "/event/armenia-freezes/")
	for b.Loop() {
		if _, err := r.PNG(v, content.Default()); err != nil {
			b.Fatal(err)
		}
	}
}
