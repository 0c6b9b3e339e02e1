// Package share says what a view is about when it is shared: the title and
// description of its link preview, the lines of its share card, and the
// card's address. It is plain Go over the content, so the server writes the
// same words into a page's head as the client gives its tab.
package share

import (
	"strings"

	"explainer/app/content"
	"explainer/app/membership"
	"explainer/app/view"
)

// Site is the explainer's own name and summary: the default view's title
// and description, and og:site_name.
const (
	SiteName        = "Armenia and the CSTO, explained"
	SiteDescription = "Why Armenia stayed away from the CSTO summit in Bishkek: the article, " +
		"a map of who was in the alliance at any date since 1991, and a sourced timeline of Armenia's estrangement."
	// Credits are the card's last line: the article's outlet and the map's source.
	Credits = "Times Tengri; map: Natural Earth"
)

// maxDescription caps a description: previews cut near 200 characters.
const maxDescription = 220

// Meta is what a view's link preview and share card say.
type Meta struct {
	Title       string // the preview's title, the card's heading and the tab's title
	Description string // the preview's description
	DateLine    string // the card's date: the day or period the map shows
	Detail      string // the card's line on the selected event or state, or ""
	ImageAlt    string // the card described for readers who cannot see it
}

// For says what view v is about. The subject is the one view.Path puts in
// the path: the event, else the state, else the date.
func For(v view.View, c *content.Content) Meta {
	m := Meta{DateLine: "The map " + v.Prep() + " " + v.DateText()}
	countryLine := ""
	if v.Country != "" {
		countryLine = c.History.AccessibleName(v.Country, c.CountryName(v.Country), v.At)
	}
	switch {
	case v.Event != "":
		e, _ := c.Timeline.Lookup(v.Event)
		m.Title = e.Display() + ": " + e.Headline
		m.Description = e.Summary
		m.Detail = e.Summary
		if countryLine != "" {
			m.Detail = countryLine + "."
		}
	case v.Country != "":
		m.Title = c.CountryName(v.Country) + ": " + statuses(c.History.Transitions(v.Country))
		m.Detail = countryLine + "."
		m.Description = m.Detail
		if role := c.Role(v.Country); role != "" {
			m.Description += " " + role
		}
	case v.At != view.Summit || !v.Period.IsZero():
		when := v.At.Long()
		if !v.Period.IsZero() {
			when = v.Period.Long()
		}
		m.Title = capitalise(when) + ": the CSTO's members"
		m.Detail = members(v, c)
		m.Description = m.Detail
	default:
		m.Title = c.Article.Headline + " - explained"
		m.Description = SiteDescription
		m.Detail = "The article beside the map and a sourced timeline of Armenia's estrangement."
	}
	if m.Description == "" { // an event a newsroom's sheet gave no text
		m.Description = SiteDescription
	}
	m.Description = clip(m.Description, maxDescription)
	m.ImageAlt = "Map of the CSTO's member states " + v.Prep() + " " + v.DateText() + ". " + m.Title
	return m
}

// statusWords are the statuses as a state's title lists them: "Armenia:
// member, participation frozen".
var statusWords = map[membership.Status]string{
	membership.Member:    "member",
	membership.Frozen:    "participation frozen",
	membership.Suspended: "membership suspended",
	membership.Former:    "former member",
	membership.None:      "not a member",
}

// statuses lists a state's statuses over time, in order, each change once.
func statuses(ts []membership.Transition) string {
	if len(ts) == 0 {
		return "never a member"
	}
	words := make([]string, 0, len(ts))
	for _, t := range ts {
		w := statusWords[t.Status]
		if len(words) == 0 || words[len(words)-1] != w {
			words = append(words, w)
		}
	}
	return strings.Join(words, ", ")
}

// members says who was in the CSTO on v's date, by status.
func members(v view.View, c *content.Content) string {
	by := map[membership.Status][]string{}
	for _, iso := range c.History.States() {
		s := c.History.StatusAt(iso, v.At)
		by[s] = append(by[s], c.CountryName(iso))
	}
	var parts []string
	for _, s := range []struct {
		status membership.Status
		words  string
	}{
		{membership.Member, "Members"},
		{membership.Frozen, "Members with their participation frozen"},
		{membership.Suspended, "Membership suspended"},
	} {
		if names := by[s.status]; len(names) > 0 {
			parts = append(parts, s.words+": "+strings.Join(names, ", ")+".")
		}
	}
	if len(parts) == 0 {
		return "No state was a member " + v.Prep() + " " + v.DateText() + "."
	}
	return strings.Join(parts, " ")
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// clip shortens s to at most n bytes at a word boundary, with an ellipsis.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n-3], ' ')
	if cut <= 0 {
		cut = n - 3
	}
	return strings.TrimRight(s[:cut], " ,;:.") + "…"
}

// CardPrefix is where the share cards live.
const CardPrefix = "/card/"

// cardDefault names the default view's card.
const cardDefault = "explainer"

// CardPath is the address of v's share card within the site (no prefix):
// the card of v's subject at a fixed file name, such as
// /card/event/armenia-freezes.png, which a static export writes; the rest
// of the view, if any, in the query, which the server reads and a static
// host ignores (the subject's card is then the closest there is).
func CardPath(v view.View, c view.Catalog) string {
	v.Extra = ""
	p, q, _ := strings.Cut(v.Path(c), "?")
	name := strings.Trim(p, "/")
	if name == "" {
		name = cardDefault
	}
	out := CardPrefix + name + ".png"
	if q != "" {
		out += "?" + q
	}
	return out
}

// ParseCardPath reads the view a card's address stands for; ok is false
// unless the address is that view's CardPath exactly, so every card has one
// address (and the server one cached copy).
func ParseCardPath(p, rawQuery string, c view.Catalog) (view.View, bool) {
	name, found := strings.CutPrefix(p, CardPrefix)
	if !found {
		return view.View{}, false
	}
	name, found = strings.CutSuffix(name, ".png")
	if !found || name == "" {
		return view.View{}, false
	}
	vp := "/" + name + "/"
	if name == cardDefault {
		vp = "/"
	}
	v, ok := view.ParsePath(vp, rawQuery, c)
	if !ok || v.Extra != "" {
		return view.View{}, false
	}
	want := CardPath(v, c)
	got := p
	if rawQuery != "" {
		got += "?" + rawQuery
	}
	if got != want {
		return view.View{}, false
	}
	return v, true
}

// PageURL is the absolute address of a view's page at base (the site's
// origin and prefix); the view's extra parameters are left out.
func PageURL(base string, v view.View, c view.Catalog) string {
	v.Extra = ""
	return base + v.Path(c)
}
