package components

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/membership"
)

// newMapLegend explains the map's colours and patterns in words.
func newMapLegend() app.UI {
	statuses := membership.Statuses()
	return app.Ul().Class("legend").Aria("label", "Legend").Body(
		app.Range(statuses).Slice(func(i int) app.UI {
			s := statuses[i]
			return app.Li().DataSet("legend", s.String()).Body(
				svg("svg").Attr("viewBox", "0 0 12 12").Aria("hidden", "true").Body(
					svg("rect").Class("country").DataSet("status", s.String()).
						Attr("width", 12).Attr("height", 12),
					patternOverlay("M0 0h12v12H0z", s),
				),
				app.Span().Text(capitalise(s.Label())),
			)
		}),
	)
}

func capitalise(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
