package components

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/content"
	"explainer/app/view"

	"explainer/components/mount"
)

// CountryCard tells one state's part in the story: its status on the map's
// date, its membership history, what the article says of it and whether it
// came to the Bishkek summit.
type CountryCard struct {
	app.Compo

	Iiso  string
	Iview view.View
	// Iquiet is set while the date comes from the paragraph being read:
	// the card's changes then are not announced, as a choice's are.
	Iquiet bool
}

// NewCountryCard returns an empty card; set Country and View.
func NewCountryCard() *CountryCard { return &CountryCard{} }

// Country sets the state the card is about (ISO alpha-3).
func (c *CountryCard) Country(iso string) *CountryCard {
	c.Iiso = iso
	return c
}

// View sets the reader's view, for the date and for links.
func (c *CountryCard) View(v view.View) *CountryCard {
	c.Iview = v
	return c
}

// Quiet silences the card's live region while reading moves the date.
func (c *CountryCard) Quiet(quiet bool) *CountryCard {
	c.Iquiet = quiet
	return c
}

// Render draws the card.
func (c *CountryCard) Render() app.UI {
	ct := content.Default()
	iso := c.Iiso
	name := ct.CountryName(iso)
	at := c.Iview.At
	if at.IsZero() {
		at = view.Summit
	}
	live := "polite"
	if c.Iquiet {
		live = "off"
	}
	history := ct.History.Transitions(iso)
	mentions := ct.ParagraphsMentioning(iso)
	events := ct.Timeline.ForState(iso)
	return app.Section().ID("country-card").Class("panel country-card").DataSet("iso", iso).
		Aria("labelledby", "country-card-title").Aria("live", live).Body(
		app.Header().Body(
			app.H3().ID("country-card-title").Text(name),
			app.Button().ID("country-card-close").Class("button").Type("button").
				Aria("label", "Close "+name+"'s card").Text("Close").
				OnClick(c.onClose),
		),
		app.P().Class("card-status").Text(ct.History.AccessibleName(iso, name, at)),
		app.If(ct.Summit(iso) != "", func() app.UI {
			return app.P().Class("card-summit").Text("Bishkek summit, 27 November 2025: " + ct.Summit(iso))
		}),
		app.If(ct.Role(iso) != "", func() app.UI {
			return app.Div().Body(
				app.H4().Text("In the article"),
				app.P().Class("card-role").Text(ct.Role(iso)),
				app.If(len(mentions) > 0, func() app.UI {
					return app.Ul().Class("card-mentions").Body(
						app.Range(mentions).Slice(func(i int) app.UI {
							return app.Li().Body(app.A().Href("#p-" + mentions[i].ID).Text("Paragraph " + mentions[i].Number + ": " + mentions[i].Opening))
						}),
					)
				}),
			)
		}),
		app.H4().Text("Membership history"),
		app.If(len(history) == 0, func() app.UI {
			return app.P().Text(name + " has never been a party to the Collective Security Treaty.")
		}).Else(func() app.UI {
			return app.Ol().Class("card-history").Body(
				app.Range(history).Slice(func(i int) app.UI {
					t := history[i]
					return app.Li().Body(
						app.Time().DateTime(t.Date.String()).Text(t.Date.Long()),
						app.Text(": "+capitalise(t.Status.Label())+". "+t.Note),
						app.Ul().Class("card-sources").Aria("label", "Sources for "+t.Date.Long()).Body(
							app.Range(t.Sources).Slice(func(j int) app.UI { return sourceItem(t.Sources[j]) }),
						),
					)
				}),
			)
		}),
		app.If(len(events) > 0, func() app.UI {
			return app.Div().Body(
				app.H4().Text("On the timeline"),
				app.Ul().Class("card-events").OnClick(c.onEventClick).Body(
					app.Range(events).Slice(func(i int) app.UI {
						e := events[i]
						return app.Li().Body(
							app.A().Href(viewHref(c.Iview.SelectEvent(e.ID, ct))).DataSet("card-event", e.ID).
								Text(e.Display() + ": " + e.Headline),
						)
					}),
				),
			)
		}),
	)
}

// The card's handlers are methods, not closures over what a render drew:
// go-app keeps an element's first handler while the new one is the same
// function, and the card stays mounted from one state to the next.

// onClose closes the card and gives focus back to the state's shape.
func (c *CountryCard) onClose(ctx app.Context, e app.Event) {
	iso := c.Iiso
	navigate(ctx, c.Iview.SelectCountry("", content.Default()))
	focusElement(ctx, "map-"+iso)
}

// onEventClick opens the event whose link was clicked on the timeline.
func (c *CountryCard) onEventClick(ctx app.Context, e app.Event) {
	if id := mount.DataOf(ctx, e, "card-event"); id != "" {
		e.PreventDefault()
		navigate(ctx, c.Iview.SelectEvent(id, content.Default()))
	}
}
