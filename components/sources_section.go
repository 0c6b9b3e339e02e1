package components

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/corrections"
	"explainer/app/sources"
	"explainer/app/story"
)

// newSourcesSection says how the facts were checked, how to report an
// error, and what has been corrected. It is plain HTML with an id, so the
// footer and embeds reach it by an in-page link, with or without the app.
func newSourcesSection() app.UI { return &sourcesSection{} }

// sourcesSection is a component without inputs: go-app renders it once,
// not again with the page on every paragraph the reader reads.
type sourcesSection struct{ app.Compo }

// Render draws the section.
func (*sourcesSection) Render() app.UI {
	a := story.Default()
	log := corrections.Default()
	return app.Section().ID("sources").Class("sources-method").Aria("labelledby", "sources-title").Body(
		app.H2().ID("sources-title").Text("Sources and method"),
		app.P().Text("Every event on the timeline and every date on the map cites the reports it rests on: "+
			"outlet, headline, date and a link to the report itself. Each sentence of an event was checked "+
			"against those reports; a sentence no report supports was rewritten or removed, and where "+
			"reports disagree the event says so. Background events cite a reference work, and say so."),
		app.P().Text("Facts last checked: "+corrections.LastChecked()+"."),
		app.H3().Text("Report an error"),
		app.P().Text("Write to "+a.Outlet+", the publisher of the article, and address your message to "+
			"the editor of this explainer. Name the event or the map date, what is wrong, and the report "+
			"that shows it. Corrections are listed below."),
		app.H3().Text("Corrections"),
		app.Ol().Class("corrections-log").Body(
			app.Range(log).Slice(func(i int) app.UI {
				e := log[i]
				return app.Li().Body(
					app.Time().DateTime(e.Date.String()).Text(e.Date.Long()),
					app.Text(": "+e.Change+" Why: "+e.Reason),
				)
			}),
		),
	)
}

// sourceItem renders one cited report as a news reader expects: the
// headline, linked, then the outlet and the date.
func sourceItem(r sources.Report) app.UI {
	return app.Li().Class("source").Body(
		app.A().Href(r.URL).Target("_blank").Rel("noopener noreferrer").Class("source-title").Text(r.Title),
		app.Span().Class("visually-hidden").Text(" (opens in a new tab)"),
		app.Text(", "),
		app.Span().Class("source-outlet").Text(r.Outlet),
		app.Text(", "),
		app.Time().Class("source-date").DateTime(r.Date.String()).Text(r.DateText()),
	)
}
