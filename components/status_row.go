package components

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/content"
	"explainer/app/membership"
)

// statusRow is one state's row in the status table: its status at each
// key date, which never changes, and at the map's date. It is a component
// so that a new map date re-renders only the rows whose last cell
// changed, not every cell of the table.
type statusRow struct {
	app.Compo

	Iiso string
	Iat  string // the state's status at the map's date, as a label
}

// Render draws the row.
func (r *statusRow) Render() app.UI {
	c := content.Default()
	h := c.History
	keys := membership.KeyDates()
	return app.Tr().DataSet("iso", r.Iiso).Body(
		app.Th().Scope("row").Text(c.CountryName(r.Iiso)),
		app.Range(keys).Slice(func(k int) app.UI {
			return app.Td().Text(h.StatusAt(r.Iiso, keys[k].Date).Label())
		}),
		app.Td().Text(r.Iat),
	)
}
