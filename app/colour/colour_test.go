package colour

import (
	"math"
	"os"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	for s, want := range map[string]RGB{
		"#000": {0, 0, 0}, "#fff": {255, 255, 255}, "#1A73e8": {0x1a, 0x73, 0xe8}, " #abc ": {0xaa, 0xbb, 0xcc},
	} {
		if got, err := Parse(s); err != nil || got != want {
			t.Errorf("Parse(%q) = %v, %v; want %v", s, got, err, want)
		}
	}
	for _, s := range []string{"", "fff", "#ff", "#ffff", "#gggggg", "lightblue", "rgb(0,0,0)", "#1a73e8ff", "https://example.org/bg.jpg"} {
		if c, err := Parse(s); err == nil {
			t.Errorf("Parse(%q) = %v, want an error", s, c)
		}
	}
	if s := MustParse("#1A73E8").String(); s != "#1a73e8" {
		t.Errorf("String = %q", s)
	}
}

// The figures WCAG's own examples and common tools give.
func TestContrast(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want float64
	}{
		{"#000000", "#ffffff", 21},
		{"#ffffff", "#ffffff", 1},
		{"#777777", "#ffffff", 4.48},
		{"#0000ff", "#ffffff", 8.59},
		{"#ff0000", "#000000", 5.25},
	} {
		got := Contrast(MustParse(c.a), MustParse(c.b))
		if math.Abs(got-c.want) > 0.01 {
			t.Errorf("Contrast(%s, %s) = %.3f, want %.2f", c.a, c.b, got, c.want)
		}
		if back := Contrast(MustParse(c.b), MustParse(c.a)); back != got {
			t.Errorf("Contrast is not symmetric for %s, %s", c.a, c.b)
		}
	}
}

func TestAccent(t *testing.T) {
	for s, want := range map[string]bool{
		"#1a73e8": true,  // a mid blue: seen on white and on the dark panel
		"#c0392b": true,  // a mid red
		"#ffd700": false, // gold: lost on white
		"#000000": false, // black: lost in the dark theme
		"#ffffff": false,
		"#8bb1c4": false, // TimelineJS's own example colour: too light for white
	} {
		least, ok := Accent(MustParse(s))
		if ok != want {
			t.Errorf("Accent(%s) = %.2f, %v; want %v", s, least, ok, want)
		}
		if ok != (least >= UIContrast) {
			t.Errorf("Accent(%s): least %.2f disagrees with %v", s, least, ok)
		}
	}
}

// The backgrounds measured against are the stylesheet's.
func TestBackgroundsAreTheStylesheets(t *testing.T) {
	css, err := os.ReadFile("../../web/explainer.css")
	if err != nil {
		t.Fatal(err)
	}
	vars := []string{"--panel", "--bg", "--panel", "--bg"}
	if len(Backgrounds) != len(vars) {
		t.Fatalf("%d backgrounds, want %d", len(Backgrounds), len(vars))
	}
	for i, bg := range Backgrounds {
		if decl := vars[i] + ": " + bg.String(); !strings.Contains(string(css), decl) {
			t.Errorf("explainer.css has no %q: update Backgrounds", decl)
		}
	}
}
