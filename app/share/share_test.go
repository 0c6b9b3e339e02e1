package share

import (
	"strings"
	"testing"

	"explainer/app/content"
	"explainer/app/view"
)

func parse(t *testing.T, p string) view.View {
	t.Helper()
	path, q, _ := strings.Cut(p, "?")
	v, ok := view.ParsePath(path, q, content.Default())
	if !ok {
		t.Fatalf("ParsePath(%q) refused", p)
	}
	return v
}

func TestFor(t *testing.T) {
	c := content.Default()
	tests := []struct {
		path                      string
		title, date, detailPrefix string
	}{
		{"/", "Armenia Refuses to Attend CSTO Summit in Bishkek - explained", "The map on 27 November 2025", "The article beside the map"},
		{"/event/armenia-freezes/", "22 February 2024: Armenia freezes its participation", "The map on 22 February 2024", "Pashinyan tells France 24"},
		{"/event/armenia-freezes/?country=ARM", "22 February 2024: Armenia freezes its participation", "The map on 22 February 2024",
			"Armenia: member, participation frozen since 22 February 2024."},
		{"/country/ARM/", "Armenia: member, participation frozen", "The map on 27 November 2025", "Armenia: member, participation frozen since 22 February 2024."},
		{"/country/AZE/", "Azerbaijan: member, former member", "The map on 27 November 2025", "Azerbaijan: former member since 20 April 1999."},
		{"/country/AZE/?at=1995", "Azerbaijan: member, former member", "The map at the end of 1995", "Azerbaijan: member since 24 September 1993."},
		{"/country/TUR/", "Turkey: never a member", "The map on 27 November 2025", "Turkey: never a member."},
		{"/at/1999-06-01/", "1 June 1999: the CSTO's members", "The map on 1 June 1999", "Members: Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia, Tajikistan."},
		{"/at/1999-06/", "June 1999: the CSTO's members", "The map at the end of June 1999", "Members: "},
		{"/at/1991-06-01/", "1 June 1991: the CSTO's members", "The map on 1 June 1991", "No state was a member on 1 June 1991."},
	}
	for _, tt := range tests {
		m := For(parse(t, tt.path), c)
		if m.Title != tt.title || m.DateLine != tt.date || !strings.HasPrefix(m.Detail, tt.detailPrefix) {
			t.Errorf("%s: got title %q, date %q, detail %q", tt.path, m.Title, m.DateLine, m.Detail)
		}
		if m.Description == "" || len(m.Description) > maxDescription+len("…") {
			t.Errorf("%s: description %q", tt.path, m.Description)
		}
		if !strings.Contains(m.ImageAlt, m.Title) {
			t.Errorf("%s: alt %q does not say the title", tt.path, m.ImageAlt)
		}
	}
}

func TestCardPath(t *testing.T) {
	c := content.Default()
	for p, want := range map[string]string{
		"/":                                   "/card/explainer.png",
		"/?utm_source=x":                      "/card/explainer.png",
		"/event/armenia-freezes/":             "/card/event/armenia-freezes.png",
		"/event/armenia-freezes/?country=ARM": "/card/event/armenia-freezes.png?country=ARM",
		"/country/AZE/":                       "/card/country/AZE.png",
		"/country/ARM/?at=2024-02":            "/card/country/ARM.png?at=2024-02",
		"/at/1999-06-01/":                     "/card/at/1999-06-01.png",
	} {
		v := parse(t, p)
		got := CardPath(v, c)
		if got != want {
			t.Errorf("CardPath(%s) = %q, want %q", p, got, want)
			continue
		}
		cp, cq, _ := strings.Cut(got, "?")
		back, ok := ParseCardPath(cp, cq, c)
		v.Extra = ""
		if !ok || back != v {
			t.Errorf("ParseCardPath(%q) = %+v, %v; want %+v", got, back, ok, v)
		}
	}
	// Only a card's one address is a card.
	for _, bad := range []string{
		"/card/event/nope.png", "/card/country/arm.png", "/card/event/armenia-freezes", "/card/.png",
		"/card/at/2025-11-27.png", "/card/event/armenia-freezes/x.png", "/card/explainer.png?utm=1",
		"/card/event/armenia-freezes.png?at=2024-02-22", "/web/event/armenia-freezes.png",
	} {
		p, q, _ := strings.Cut(bad, "?")
		if v, ok := ParseCardPath(p, q, c); ok {
			t.Errorf("ParseCardPath(%q) = %+v, want refused", bad, v)
		}
	}
}

func TestClip(t *testing.T) {
	if got := clip("one two three four", 12); got != "one two…" {
		t.Errorf("clip = %q", got)
	}
	if got := clip("short", 12); got != "short" {
		t.Errorf("clip = %q", got)
	}
}
