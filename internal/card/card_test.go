package card

import (
	"bytes"
	"image/color"
	"image/png"
	"os"
	"strings"
	"testing"

	"explainer/app/content"
	"explainer/app/geo"
	"explainer/app/membership"
	"explainer/app/view"
)

func mustView(t testing.TB, p string) view.View {
	t.Helper()
	path, q, _ := strings.Cut(p, "?")
	v, ok := view.ParsePath(path, q, content.Default())
	if !ok {
		t.Fatalf("not a view: %s", p)
	}
	return v
}

func TestDump(t *testing.T) {
	if os.Getenv("CARD_DUMP") == "" {
		t.Skip()
	}
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for name, p := range map[string]string{"event": "/event/armenia-freezes/", "at": "/at/1999-06-01/", "country": "/country/AZE/?at=1995"} {
		b, err := r.PNG(mustView(t, p), content.Default())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := png.Decode(bytes.NewReader(b)); err != nil {
			t.Fatal(err)
		}
		os.WriteFile("/tmp/card-"+name+".png", b, 0o644)
	}
}

// near returns the colours of the pixels within d of (x, y).
func near(img interface {
	At(x, y int) color.Color
}, x, y float64, d int) map[color.RGBA]bool {
	seen := map[color.RGBA]bool{}
	for dy := -d; dy <= d; dy++ {
		for dx := -d; dx <= d; dx++ {
			r, g, b, _ := img.At(int(x)+dx, int(y)+dy).RGBA()
			seen[color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 0xff}] = true
		}
	}
	return seen
}

// Armenia, at the point where the inset names it, in the colour of its
// status at the card's date: a member in 2020, frozen (its colour with the
// member colour's hatching) after 22 February 2024; Kazakhstan a member on the
// main map throughout.
func TestStatusColoursAtArmenia(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	arm, _ := geo.Lookup("ARM")
	kaz, _ := geo.Lookup("KAZ")
	member, frozen := StatusColour[membership.Member], StatusColour[membership.Frozen]
	for _, tt := range []struct {
		path string
		want membership.Status
	}{
		{"/at/2020-06-01/", membership.Member},
		{"/event/armenia-freezes/", membership.Frozen},
		{"/at/2024-03/", membership.Frozen},
		{"/at/1991-06-01/", membership.None},
	} {
		img, err := r.Render(mustView(t, tt.path), content.Default())
		if err != nil {
			t.Fatal(err)
		}
		if b := img.Bounds(); b.Dx() != Width || b.Dy() != Height {
			t.Fatalf("%s: %v", tt.path, b)
		}
		x, y := InsetPoint(arm.InsetLabel)
		got := near(img, x, y, 3)
		switch tt.want {
		case membership.Member:
			if !got[member] || got[frozen] {
				t.Errorf("%s: Armenia's pixels %v, want the member colour alone", tt.path, got)
			}
		case membership.Frozen:
			if !got[frozen] || !got[member] {
				t.Errorf("%s: Armenia's pixels %v, want the frozen colour hatched with the member colour", tt.path, got)
			}
		case membership.None:
			if !got[StatusColour[membership.None]] || got[member] || got[frozen] {
				t.Errorf("%s: Armenia's pixels %v, want the colour of no membership", tt.path, got)
			}
		}
		// The same state on the main map, at the point its label goes.
		mx, my := MapPoint(kaz.Label)
		if want := StatusColour[map[bool]membership.Status{true: membership.Member, false: membership.None}[tt.want != membership.None]]; !near(img, mx, my, 0)[want] {
			t.Errorf("%s: Kazakhstan's pixel is not %v", tt.path, want)
		}
	}
}
