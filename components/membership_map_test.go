package components

import (
	"regexp"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/content"
	"explainer/app/date"
	"explainer/app/geo"
	"explainer/app/view"
)

// statusOf reads a state's data-status from rendered map HTML.
func statusOf(t *testing.T, html, iso string) string {
	t.Helper()
	re := regexp.MustCompile(`<path[^>]*id="map-` + iso + `"[^>]*>`)
	tag := re.FindString(html)
	if tag == "" {
		t.Fatalf("no shape for %s", iso)
	}
	m := regexp.MustCompile(`data-status="([a-z]+)"`).FindStringSubmatch(tag)
	if m == nil {
		t.Fatalf("shape for %s has no data-status: %s", iso, tag[:min(len(tag), 200)])
	}
	return m[1]
}

func renderMap(v view.View) string {
	return app.HTMLString(NewMembershipMap().View(v))
}

func TestMapShowsStatusAtTheViewDate(t *testing.T) {
	tests := []struct {
		at   string
		want map[string]string
	}{
		{"1991-06-01", map[string]string{"ARM": "none", "RUS": "none", "UZB": "none"}},
		{"1998-01-01", map[string]string{"ARM": "member", "AZE": "member", "GEO": "member", "UZB": "member"}},
		{"2000-01-01", map[string]string{"AZE": "former", "GEO": "former", "UZB": "former", "BLR": "member"}},
		{"2010-01-01", map[string]string{"UZB": "member"}},
		{"2013-01-01", map[string]string{"UZB": "suspended"}},
		{"2025-11-27", map[string]string{"ARM": "frozen", "RUS": "member", "KGZ": "member", "TUR": "none", "IRN": "none"}},
	}
	for _, tt := range tests {
		html := renderMap(view.View{At: date.MustParse(tt.at)})
		for iso, want := range tt.want {
			if got := statusOf(t, html, iso); got != want {
				t.Errorf("at %s: %s is %s, want %s", tt.at, iso, got, want)
			}
		}
	}
}

func TestMapDrawsEveryStateOnceWithAName(t *testing.T) {
	html := renderMap(view.Default())
	for _, g := range geo.Countries() {
		if n := strings.Count(html, `id="map-`+g.ISO+`"`); n != 1 {
			t.Errorf("%s drawn %d times", g.ISO, n)
		}
	}
	if !strings.Contains(html, `aria-label="Armenia: member, participation frozen since 22 February 2024"`) {
		t.Error("Armenia's shape does not say its status")
	}
	if n := len(regexp.MustCompile(`<path [^>]*tabindex="0"`).FindAllString(html, -1)); n != 1 {
		t.Errorf("%d tab stops in the map, want 1 (roving tabindex)", n)
	}
	if !strings.Contains(html, `data-inset="ARM"`) {
		t.Error("no Armenia in the Caucasus inset")
	}
}

func TestMapOpensTheSelectedCountrysCard(t *testing.T) {
	html := renderMap(view.View{At: view.Summit, Country: "ARM"})
	for _, want := range []string{`id="country-card"`, "Bishkek summit, 27 November 2025: absent", "Membership history", "15 May 1992", `aria-pressed`} {
		if !strings.Contains(html, want) {
			t.Errorf("card lacks %q", want)
		}
	}
	if strings.Contains(renderMap(view.Default()), `id="country-card"`) {
		t.Error("a card is open with nothing selected")
	}
	turkey := renderMap(view.View{At: view.Summit, Country: "TUR"})
	if !strings.Contains(turkey, "never been a party") {
		t.Error("Turkey's card should say it was never a party")
	}
}

// The heading says the date as the URL gave it, and says outright when no
// state was a member; a clamped date gets its note.
func TestMapHeadingSaysTheDate(t *testing.T) {
	c := content.Default()
	for q, want := range map[string][]string{
		"at=1999-03":    {"Who was in the CSTO at the ", `datetime="1999-03-31"`, ">end of March 1999<"},
		"":              {"Who was in the CSTO on", "27 November 2025"},
		"at=1990-06-01": {"No state was in the CSTO on", "1 January 1991", "the treaty was signed on 15 May 1992", `id="map-note"`, "1 June 1990"},
	} {
		html := renderMap(view.Parse(q, c))
		for _, w := range want {
			if !strings.Contains(html, w) {
				t.Errorf("%q: the map lacks %q", q, w)
			}
		}
	}
	if html := renderMap(view.Parse("at=1995", c)); strings.Contains(html, `id="map-note"`) || strings.Contains(html, "No state") {
		t.Error("a date in range got a note, or no members")
	}
}

// While reading moves the date, the map outlines the states the paragraph
// names and the card's live region is silent.
func TestMapWhileReading(t *testing.T) {
	v := view.Parse("country=ARM&at=2024-02", content.Default())
	html := app.HTMLString(NewMembershipMap().View(v).Reading([]string{"ARM", "AZE"}, true))
	for _, want := range []string{`class="country is-selected is-named"`, `class="country is-named"`, `aria-live="off"`} {
		if !strings.Contains(html, want) {
			t.Errorf("the map lacks %q", want)
		}
	}
	if html := app.HTMLString(NewMembershipMap().View(v)); !strings.Contains(html, `aria-live="polite"`) || strings.Contains(html, "is-named") {
		t.Error("without reading, the card is not polite or states are outlined")
	}
}
