package geo

import "testing"

// The narrowest the map gets: a 320 px phone less the page's and the
// panel's padding.
const narrowestMap = 262

func overlap(a, b Rect) bool {
	return a.X < b.X+b.W && b.X < a.X+a.W && a.Y < b.Y+b.H && b.Y < a.Y+a.H
}

// Each band's names, at its size, are 12 px or more at its narrowest, stay
// on the map, and keep clear of each other, of the inset's outline and of
// the inset where it sits over the map. The estimates are generous; the
// browser tests measure the real text.
func TestLabelBands(t *testing.T) {
	bands := LabelBands()
	for i, b := range bands {
		if i == 0 && b.MinWidth != 0 || i > 0 && b.MinWidth <= bands[i-1].MinWidth {
			t.Errorf("band %s starts at %v: bands must start at 0 and widen", b.Name, b.MinWidth)
		}
		from := max(b.MinWidth, narrowestMap)
		if px := b.Font * from / viewBox.W; px < 12 {
			t.Errorf("band %s: names are %.1f px at %.0f px wide", b.Name, px, from)
		}
		inset := b.InsetArea()
		seen := map[string]bool{}
		for j, l := range b.Labels {
			if seen[l.ISO] {
				t.Errorf("band %s names %s twice", b.Name, l.ISO)
			}
			seen[l.ISO] = true
			if _, ok := Lookup(l.ISO); !ok {
				t.Errorf("band %s names %s, which is not on the map", b.Name, l.ISO)
			}
			box := l.Box(b.Font)
			if !viewBox.ContainsRect(box) {
				t.Errorf("band %s: %s runs off the map: %v", b.Name, l.Text, box)
			}
			if overlap(box, caucasusInset) {
				t.Errorf("band %s: %s crosses the inset's outline", b.Name, l.Text)
			}
			if overlap(box, inset) {
				t.Errorf("band %s: the inset covers %s", b.Name, l.Text)
			}
			for _, o := range b.Labels[j+1:] {
				if overlap(box, o.Box(b.Font)) {
					t.Errorf("band %s: %s and %s overlap", b.Name, l.Text, o.Text)
				}
			}
			// A name away from its state is led to it; one without a
			// line sits on its state.
			if c, _ := Lookup(l.ISO); !l.HasLeader() && !c.Box.Contains(l.At) {
				t.Errorf("band %s: %s is at %v, off its state %v, with no leader line", b.Name, l.Text, l.At, c.Box)
			}
		}
		for _, iso := range []string{"RUS", "KAZ", "BLR", "KGZ", "TJK"} {
			if !seen[iso] {
				t.Errorf("band %s leaves member %s unnamed", b.Name, iso)
			}
		}
	}
}

func TestInsetLabels(t *testing.T) {
	for band, font := range InsetFonts {
		ls := InsetLabels()
		for i, l := range ls {
			box := l.Box(font)
			if !caucasusInset.ContainsRect(box) {
				t.Errorf("%s: %s runs out of the inset at size %v", band, l.Text, font)
			}
			for _, o := range ls[i+1:] {
				if overlap(box, o.Box(font)) {
					t.Errorf("%s: %s and %s overlap at size %v", band, l.Text, o.Text, font)
				}
			}
		}
	}
	// The inset is 22rem at most below the map, 40%, 33% and 30% of it
	// over it (explainer.css): its names are 12 px at each band's narrowest.
	widths := map[string]float64{"xs": narrowestMap, "s": 0.4 * 420, "m": 0.33 * 640, "l": 0.3 * 960}
	for band, w := range widths {
		if px := InsetFonts[band] * w / caucasusInset.W; px < 12 {
			t.Errorf("%s: the inset's names are %.1f px", band, px)
		}
	}
}
