package components

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/date"
	"explainer/app/membership"
)

// statusTable is the table below as a component: go-app skips it when
// the date is unchanged, as on a click on a state, rather than build
// and diff its few hundred cells again.
type statusTable struct {
	app.Compo
	Ihistory *membership.History
	Iat      date.Date
}

func (t *statusTable) Render() app.UI { return newStatusTable(t.Ihistory, t.Iat) }

// newStatusTable gives the map's facts as a table: every state that was
// ever a party, its status at each key date and at the map's date. It is
// the screen reader's way through the map, and anyone's who prefers rows.
func newStatusTable(h *membership.History, at date.Date) app.UI {
	keys := membership.KeyDates()
	states := h.States()
	return app.Details().ID("status-table").Class("status-table-box").Body(
		app.Summary().Text("Membership by date, as a table"),
		// The table is wider than a phone: its scrolling box is a named,
		// focusable region, so keyboard readers can scroll it too.
		app.Div().Class("status-table-scroll").Attr("role", "region").
			Aria("labelledby", "status-table-caption").TabIndex(0).Body(
			app.Table().Class("status-table").Body(
				app.Caption().ID("status-table-caption").Class("visually-hidden").Text("CSTO membership of each state at key dates"),
				app.THead().Body(app.Tr().Body(
					app.Th().Scope("col").Text("State"),
					app.Range(keys).Slice(func(i int) app.UI {
						return app.Th().Scope("col").Body(
							app.Time().DateTime(keys[i].Date.String()).Text(keys[i].Date.Long()),
							app.Span().Class("visually-hidden").Text(": "+keys[i].Label),
						)
					}),
					app.Th().Scope("col").DataSet("at", at.String()).Text("Map date ("+at.Long()+")"),
				)),
				app.TBody().Body(
					app.Range(states).Slice(func(i int) app.UI {
						return &statusRow{Iiso: states[i], Iat: h.StatusAt(states[i], at).Label()}
					}),
				),
			),
		),
	)
}
