package share

import (
	"strings"
	"testing"

	"explainer/app/content"
)

// FuzzParseCardPath feeds the card route any path and query: it never
// panics, and what it accepts is exactly the card address of the view it
// reads.
func FuzzParseCardPath(f *testing.F) {
	for _, s := range []string{
		"/card/explainer.png", "/card/event/armenia-freezes.png", "/card/country/AZE.png?at=1995",
		"/card/at/1999-06.png", "/card/event/armenia-freezes.png?country=ARM", "/card/country/arm.png",
		"/card/at/%zz.png", "/card/event/a/b.png", "/card/.png", "/card/explainer.png?utm=1",
	} {
		p, q, _ := strings.Cut(s, "?")
		f.Add(p, q)
	}
	c := content.Default()
	f.Fuzz(func(t *testing.T, p, q string) {
		v, ok := ParseCardPath(p, q, c)
		if !ok {
			return
		}
		want := p
		if q != "" {
			want += "?" + q
		}
		if got := CardPath(v, c); got != want {
			t.Fatalf("ParseCardPath(%q, %q) accepted a view whose card is at %q", p, q, got)
		}
	})
}
