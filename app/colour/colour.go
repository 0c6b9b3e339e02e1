// Package colour reads the colours of a TimelineJS sheet's Background
// column and measures them with WCAG 2.2's contrast ratio, so an editor's
// colour becomes an event's accent only where readers can see it.
package colour

import (
	"fmt"
	"math"
	"strings"
)

// RGB is a colour in sRGB, 8 bits a channel.
type RGB struct{ R, G, B uint8 }

// Parse reads a CSS hex colour: "#rgb" or "#rrggbb", either case.
func Parse(s string) (RGB, error) {
	h, ok := strings.CutPrefix(strings.TrimSpace(s), "#")
	if !ok || len(h) != 3 && len(h) != 6 {
		return RGB{}, fmt.Errorf("%q is not a colour (want #rgb or #rrggbb, e.g. #1a73e8)", s)
	}
	var v [6]uint8
	for i := 0; i < len(h); i++ {
		d, ok := hexDigit(h[i])
		if !ok {
			return RGB{}, fmt.Errorf("%q is not a colour (want #rgb or #rrggbb, e.g. #1a73e8)", s)
		}
		v[i] = d
	}
	if len(h) == 3 {
		return RGB{v[0] * 17, v[1] * 17, v[2] * 17}, nil
	}
	return RGB{v[0]<<4 | v[1], v[2]<<4 | v[3], v[4]<<4 | v[5]}, nil
}

// MustParse is Parse for colours written in code.
func MustParse(s string) RGB {
	c, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return c
}

func hexDigit(c byte) (uint8, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// String is the colour as "#rrggbb".
func (c RGB) String() string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// Luminance is the colour's relative luminance, as WCAG 2.2 defines it.
func (c RGB) Luminance() float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// Contrast is WCAG 2.2's contrast ratio of two colours, from 1 to 21.
func Contrast(a, b RGB) float64 {
	la, lb := a.Luminance(), b.Luminance()
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// UIContrast is the least contrast WCAG 2.2 (1.4.11, non-text contrast)
// asks of a part of the interface against what is next to it.
const UIContrast = 3.0

// Backgrounds are the colours an accent sits on, in the light theme and
// the dark one: the panels (--panel) and the page (--bg) of
// web/explainer.css. A test holds the two files to the same values.
var Backgrounds = []RGB{
	MustParse("#ffffff"), MustParse("#fbfaf7"), // light
	MustParse("#1f1d1a"), MustParse("#151412"), // dark
}

// Accent reports whether c is seen as a mark on every background in
// Backgrounds (UIContrast at least), and the lowest contrast it has.
func Accent(c RGB) (float64, bool) {
	least := 21.0
	for _, bg := range Backgrounds {
		least = min(least, Contrast(c, bg))
	}
	return least, least >= UIContrast
}
