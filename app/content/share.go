package content

import "explainer/app/view"

// ShareText says in one line what view v shows, for the text a share
// carries: the selected event ("22 February 2024: Armenia freezes ..."),
// else the selected state's status ("Armenia: member, participation
// frozen"), else the map's date ("Who was in the CSTO on 27 November 2025").
// A state's or the map's date is named when it is not the opening day.
func (c *Content) ShareText(v view.View) string {
	if e, ok := c.Timeline.Lookup(v.Event); ok {
		return e.Display() + ": " + e.Headline
	}
	at := v.At
	if at.IsZero() {
		at = view.Summit
	}
	if v.Country != "" {
		s := c.CountryName(v.Country) + ": " + c.History.StatusAt(v.Country, at).Label()
		if at != view.Summit {
			s += " (" + v.DateText() + ")"
		}
		return s
	}
	return "Who was in the CSTO " + v.Prep() + " " + v.DateText()
}
