package components

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/content"
	"explainer/app/media"
)

// eventListItem is one event in the timeline's list: a link to its view,
// so it also works as a plain link before the client runs. It is a
// component so that a follow update, which marks a paragraph's few
// events, re-renders only those items rather than the whole list.
type eventListItem struct {
	app.Compo

	Iid      string
	Ihref    string
	Icurrent bool // the reader's selection
	Ireading bool // an event of the paragraph being read
}

// Render draws the item.
func (it *eventListItem) Render() app.UI {
	e, _ := content.Default().Timeline.Lookup(it.Iid)
	class := "event kind-" + string(e.Kind)
	if e.Path {
		class += " on-path"
	}
	if e.Accent != "" {
		class += " has-accent"
	}
	if it.Ireading {
		class += " is-reading"
	}
	link := app.A().ID("event-"+e.ID).Class(class).
		Href(it.Ihref).
		DataSet("event", e.ID).DataSet("date", e.Date.String()).
		Body(
			// The sheet's Background, where it can be seen: drawn, as the
			// CSP allows no style attribute.
			app.If(e.Accent != "", func() app.UI {
				return svg("svg").Class("event-accent").Aria("hidden", "true").Attr("viewBox", "0 0 10 10").Body(
					svg("circle").Attr("cx", 5).Attr("cy", 5).Attr("r", 5).Attr("fill", e.Accent))
			}),
			// The headline names the link: the thumbnail is decoration.
			app.If(e.Media.Thumbnail.Kind == media.Local, func() app.UI {
				return app.Img().Class("event-thumb").Src(e.Media.Thumbnail.Src).Attr("role", "presentation").
					Width(48).Height(48).Attr("loading", "lazy").Attr("decoding", "async")
			}),
			app.Time().Class("event-date").DateTime(e.Date.String()).Text(e.Display()),
			app.Span().Class("event-headline").Text(e.Headline),
			// The chart's lanes are hidden from assistive technology: the
			// list says the group in words.
			app.If(e.Group != "", func() app.UI { return app.Span().Class("event-group").Text(e.Group) }),
		)
	if it.Icurrent {
		link = link.Aria("current", "true")
	}
	// Not aria-current, which is the reader's own selection (DESIGN.md);
	// what reading marks is for the eye, and is not announced.
	if it.Ireading {
		link = link.DataSet("reading", "true")
	}
	return app.Li().Body(link)
}
