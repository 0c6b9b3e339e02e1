package geo

import (
	"regexp"
	"strings"
	"testing"
)

var isoRE = regexp.MustCompile(`^[A-Z]{3}$`)

func TestCountries(t *testing.T) {
	cs := Countries()
	if len(cs) == 0 {
		t.Fatal("no countries")
	}
	seen := map[string]bool{}
	for _, c := range cs {
		if !isoRE.MatchString(c.ISO) {
			t.Errorf("bad ISO code %q", c.ISO)
		}
		if seen[c.ISO] {
			t.Errorf("%s listed twice", c.ISO)
		}
		seen[c.ISO] = true
		if c.Name == "" {
			t.Errorf("%s has no name", c.ISO)
		}
		if c.Path == "" || !strings.HasPrefix(c.Path, "M") || !strings.HasSuffix(c.Path, "z") {
			t.Errorf("%s: path %.20q... is not a closed path", c.ISO, c.Path)
		}
		if c.InsetPath != "" && (!strings.HasPrefix(c.InsetPath, "M") || !strings.HasSuffix(c.InsetPath, "z")) {
			t.Errorf("%s: inset path is not a closed path", c.ISO)
		}
		if c.Box.W <= 0 || c.Box.H <= 0 {
			t.Errorf("%s: empty box %v", c.ISO, c.Box)
		}
		if !c.Box.Contains(c.Label) {
			t.Errorf("%s: label %v outside its box %v", c.ISO, c.Label, c.Box)
		}
		if !ViewBox().ContainsRect(c.Box) {
			t.Errorf("%s: box %v outside the viewBox %v", c.ISO, c.Box, ViewBox())
		}
		if c.InsetPath != "" && !CaucasusInset().Contains(c.InsetLabel) {
			t.Errorf("%s: inset label %v outside the inset %v", c.ISO, c.InsetLabel, CaucasusInset())
		}
	}
}

func TestRegionIsOnTheMap(t *testing.T) {
	names := map[string]string{
		"ARM": "Armenia", "AZE": "Azerbaijan", "BLR": "Belarus", "GEO": "Georgia",
		"IRN": "Iran", "KAZ": "Kazakhstan", "KGZ": "Kyrgyzstan", "MDA": "Moldova",
		"RUS": "Russia", "TJK": "Tajikistan", "TKM": "Turkmenistan", "TUR": "Turkey",
		"UKR": "Ukraine", "UZB": "Uzbekistan", "AFG": "Afghanistan", "CHN": "China",
		"MNG": "Mongolia",
	}
	for iso, name := range names {
		c, ok := Lookup(iso)
		if !ok {
			t.Errorf("%s is not on the map", iso)
			continue
		}
		if c.ISO != iso || c.Name != name {
			t.Errorf("Lookup(%s) = %s %q, want %q", iso, c.ISO, c.Name, name)
		}
	}
	if _, ok := Lookup("XXX"); ok {
		t.Error("Lookup(XXX) found something")
	}
}

func TestPathBudget(t *testing.T) {
	total := 0
	for _, c := range Countries() {
		total += len(c.Path) + len(c.InsetPath)
	}
	if total != pathBytes {
		t.Errorf("path data is %d bytes, the generator counted %d", total, pathBytes)
	}
	if total > 81920 {
		t.Errorf("path data is %d bytes, over the 80 KiB budget", total)
	}
}

func TestCaucasusInset(t *testing.T) {
	in := CaucasusInset()
	if !ViewBox().ContainsRect(in) {
		t.Errorf("inset %v is not inside the viewBox %v", in, ViewBox())
	}
	for _, iso := range []string{"ARM", "AZE", "GEO"} {
		c, _ := Lookup(iso)
		if !in.ContainsRect(c.Box) {
			t.Errorf("inset %v does not hold %s's box %v", in, iso, c.Box)
		}
		if c.InsetPath == "" {
			t.Errorf("%s has no inset path", iso)
		}
	}
	// The inset zooms in a few times, so it is much smaller than the map.
	if in.W*5 > ViewBox().W {
		t.Errorf("inset %v is too wide to be a zoom", in)
	}
}

func TestDrawOrder(t *testing.T) {
	cs := Countries()
	first, last := cs[0], cs[len(cs)-1]
	if first.Box.W*first.Box.H < last.Box.W*last.Box.H {
		t.Errorf("draw order starts with %s and ends with the larger %s", first.ISO, last.ISO)
	}
	cs[0].Name = "changed"
	if Countries()[0].Name == "changed" {
		t.Error("Countries returns the package's own slice")
	}
}

func TestRectViewBox(t *testing.T) {
	tests := []struct {
		r    Rect
		want string
	}{
		{Rect{0, 0, 1000, 777}, "0 0 1000 777"},
		{Rect{151.5, -2, 165, 123.75}, "151.5 -2 165 123.75"},
	}
	for _, tc := range tests {
		if got := tc.r.ViewBox(); got != tc.want {
			t.Errorf("%v.ViewBox() = %q, want %q", tc.r, got, tc.want)
		}
	}
	if vb := ViewBox(); vb.X != 0 || vb.Y != 0 || vb.W != 1000 || vb.H <= 0 {
		t.Errorf("ViewBox() = %v", vb)
	}
}

func TestRectContains(t *testing.T) {
	r := Rect{10, 10, 20, 10}
	for p, want := range map[Point]bool{{10, 10}: true, {30, 20}: true, {20, 15}: true, {9, 15}: false, {20, 21}: false} {
		if r.Contains(p) != want {
			t.Errorf("%v.Contains(%v) = %v", r, p, !want)
		}
	}
	if !r.ContainsRect(Rect{12, 12, 5, 5}) || r.ContainsRect(Rect{25, 12, 10, 5}) {
		t.Error("ContainsRect")
	}
}
