package components

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/content"
	"explainer/app/timeline"
	"explainer/app/view"

	"explainer/components/mount"
)

// EventDetails shows the selected event: what happened, who was involved,
// the sources, and the article's passage about it.
type EventDetails struct {
	app.Compo

	Ievent timeline.Event
	Iview  view.View
}

// NewEventDetails returns an empty details box; set Event and View.
func NewEventDetails() *EventDetails { return &EventDetails{} }

// Event sets the event shown.
func (d *EventDetails) Event(e timeline.Event) *EventDetails {
	d.Ievent = e
	return d
}

// View sets the reader's view, for links.
func (d *EventDetails) View(v view.View) *EventDetails {
	d.Iview = v
	return d
}

// Render draws the details.
func (d *EventDetails) Render() app.UI {
	c := content.Default()
	e := d.Ievent
	return app.Div().ID("event-details").Class("event-details").DataSet("details-for", e.ID).
		Aria("live", "polite").Body(
		app.H3().Body(
			app.Time().DateTime(e.Date.String()).Text(e.Display()),
			app.Text(": "+e.Headline),
		),
		app.If(!e.Media.IsZero(), func() app.UI { return newEventMedia("event-media", e.Media, e.Headline) }),
		richBlock("event-summary", e.Text),
		app.If(e.Note != "", func() app.UI {
			return app.P().Class("event-note").Text("Note: " + noteText(e.Note))
		}),
		app.If(len(e.States) > 0, func() app.UI {
			return app.P().Class("event-states").OnClick(d.onStateClick).Body(
				app.Text("States involved: "),
				app.Range(e.States).Slice(func(i int) app.UI {
					iso := e.States[i]
					sep := ""
					if i > 0 {
						sep = ", "
					}
					return app.Span().Body(
						app.Text(sep),
						app.A().Href(viewHref(d.Iview.SelectCountry(iso, c))).DataSet("iso", iso).Text(c.CountryName(iso)),
					)
				}),
			)
		}),
		app.If(e.Paragraph != "", func() app.UI {
			return app.P().Body(app.A().Class("event-passage").Href("#p-" + e.Paragraph).Text("Read the article's passage"))
		}),
		// A plain TimelineJS sheet cites no sources: no empty heading.
		app.If(len(e.Sources) > 0, func() app.UI { return app.H4().Text("Sources") }),
		app.If(len(e.Sources) > 0, func() app.UI {
			return app.Ul().Class("event-sources").Body(
				app.Range(e.Sources).Slice(func(i int) app.UI { return sourceItem(e.Sources[i]) }),
			)
		}),
	)
}

// onStateClick opens the card of the state whose link was clicked. It is
// a method, not a closure over what a render drew: go-app keeps an
// element's first handler while the new one is the same function, and the
// details stay mounted from one event to the next.
func (d *EventDetails) onStateClick(ctx app.Context, e app.Event) {
	if iso := mount.DataOf(ctx, e, "iso"); iso != "" {
		e.PreventDefault()
		navigate(ctx, d.Iview.SelectCountry(iso, content.Default()))
	}
}

func noteText(n timeline.Note) string {
	switch n {
	case timeline.NoteSingleSource:
		return "reported by a single source."
	case timeline.NoteContext:
		return "background, widely reported; cited to a reference work."
	}
	return string(n)
}
