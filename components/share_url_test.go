package components

import (
	"testing"

	"explainer/app/content"
	"explainer/app/view"
)

// A share names the full page's view: the embed's own parameters, tracking
// and malformed values go, the rest in canonical form under the site's
// prefix.
func TestShareURLIsTheFullPagesCanonicalView(t *testing.T) {
	for query, want := range map[string]string{
		"": "https://explainer.example/csto/",
		"view=map&theme=dark&childId=f1&embedId=x":          "https://explainer.example/csto/",
		"country=arm&event=armenia-freezes&utm_source=news": "https://explainer.example/csto/event/armenia-freezes/?country=ARM",
		"at=1999-06&view=timeline":                          "https://explainer.example/csto/at/1999-06/",
		"at=2025-11-27&event=nope":                          "https://explainer.example/csto/",
	} {
		v := view.Parse(query, content.Default())
		if got := shareURLAt("https://explainer.example/csto", v); got != want {
			t.Errorf("%q: %q, want %q", query, got, want)
		}
	}
}

func TestMapFileNameSaysTheDate(t *testing.T) {
	c := content.Default()
	for query, want := range map[string]string{
		"":                      "csto-map-2025-11-27.svg",
		"at=1999-03":            "csto-map-1999-03-31.svg",
		"event=armenia-freezes": "csto-map-2024-02-22.svg",
	} {
		if got := mapFileName(view.Parse(query, c), "svg"); got != want {
			t.Errorf("%q: %q, want %q", query, got, want)
		}
	}
	if got := mapFileName(view.View{}, "png"); got != "csto-map-2025-11-27.png" {
		t.Errorf("the zero view: %q", got)
	}
}
