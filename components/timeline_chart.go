package components

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/date"
	"explainer/app/timeline"
	"explainer/app/view"

	"explainer/components/mount"
)

// The chart's frame, in viewBox units.
const (
	chartW      = 1000.0
	chartLeft   = 24.0
	chartRight  = 976.0
	stairsH     = 170.0
	stairsBase  = 150.0
	stairsRise  = 10.0
	stairsInset = 40.0
)

// newTimelineChart draws two pictures of the story: the whole span since
// 1991 with its eras and every event, and Armenia's estrangement path as a
// staircase, one step per escalation. Both are for the eye and the pointer;
// the event list below them carries the same events for the keyboard and
// screen readers, so the charts are hidden from assistive technology. What
// never changes in them is static HTML; the markers and the date cursor are
// live, and their container listens for clicks on the markers.
func newTimelineChart(t *timeline.Timeline, v view.View) app.UI {
	return app.Div().ID("timeline-charts").Class("timeline-charts").Aria("hidden", "true").
		OnClick(func(ctx app.Context, ev app.Event) {
			if id := mount.DataOf(ctx, ev, "marker"); id != "" {
				selectEvent(ctx, v, id)
			}
		}).Body(
		newEraChart(t, v),
		newStairsChart(t, v),
	)
}

// xOf places a day on the era chart's axis.
func xOf(d date.Date) float64 {
	lo, hi := view.Earliest.Ordinal(), view.Latest.Ordinal()
	f := float64(d.Ordinal()-lo) / float64(hi-lo)
	return chartLeft + f*(chartRight-chartLeft)
}

func newEraChart(t *timeline.Timeline, v view.View) app.UI {
	eras := t.Eras()
	events := t.Events()
	at := v.At
	if at.IsZero() {
		at = view.Summit
	}
	return svg("svg").Class("era-chart").Attr("viewBox", "0 0 1000 120").Body(
		// Eras and axis are the same on every date: written once.
		staticLayer("era-chart-frame", "chart-frame", func() []app.UI {
			var years []int
			for y := 1995; y <= 2025; y += 5 {
				years = append(years, y)
			}
			return []app.UI{
				app.Range(eras).Slice(func(i int) app.UI {
					e := eras[i]
					end := e.End
					if end.IsZero() {
						end = view.Latest
					}
					x0, x1 := xOf(e.Start.First()), xOf(end.Last())
					row := float64(i % 2)
					return svg("g").Class("era era-"+e.ID).Body(
						svg("rect").Attr("x", num(x0)).Attr("y", num(4+row*22)).
							Attr("width", num(x1-x0)).Attr("height", 20).Attr("rx", 3),
						svg("text").Class("era-label").Attr("x", num(x0+4)).Attr("y", num(18+row*22)).Text(e.Label),
					)
				}),
				svg("line").Class("axis").Attr("x1", chartLeft).Attr("x2", chartRight).Attr("y1", 70).Attr("y2", 70),
				app.Range(years).Slice(func(i int) app.UI {
					x := xOf(date.Date{Year: years[i], Month: 1, Day: 1, Prec: date.Day})
					return svg("g").Class("tick").Body(
						svg("line").Attr("x1", num(x)).Attr("x2", num(x)).Attr("y1", 66).Attr("y2", 74),
						svg("text").Attr("x", num(x)).Attr("y", 92).Attr("text-anchor", "middle").Text(strconv.Itoa(years[i])),
					)
				}),
			}
		}),
		svg("line").Class("map-date-cursor").
			Attr("x1", num(xOf(at))).Attr("x2", num(xOf(at))).Attr("y1", 48).Attr("y2", 80),
		app.Range(events).Slice(func(i int) app.UI {
			return eventMarker(events[i], xOf(events[i].Date.First()), 70, v)
		}),
	)
}

func newStairsChart(t *timeline.Timeline, v view.View) app.UI {
	path := t.Path()
	if len(path) == 0 {
		return nil
	}
	span := chartRight - chartLeft - 2*stairsInset
	xAt := func(i int) float64 {
		if len(path) == 1 {
			return chartLeft + stairsInset
		}
		return chartLeft + stairsInset + span*float64(i)/float64(len(path)-1)
	}
	yAt := func(step int) float64 { return stairsBase - stairsRise*float64(step) }
	return svg("svg").Class("stairs-chart").Attr("viewBox", "0 0 1000 "+num(stairsH)).Body(
		staticLayer("stairs-chart-frame", "chart-frame", func() []app.UI {
			d := "M" + num(chartLeft) + " " + num(stairsBase)
			for i, e := range path {
				d += "H" + num(xAt(i)) + "V" + num(yAt(e.Step))
			}
			d += "H" + num(chartRight)
			return []app.UI{
				svg("text").Class("stairs-title").Attr("x", chartLeft).Attr("y", 16).Text("Armenia's path of estrangement, step by step"),
				svg("path").Class("stairs").Attr("d", d),
				app.Range(path).Slice(func(i int) app.UI {
					return svg("text").Class("stairs-year").Attr("x", num(xAt(i))).Attr("y", num(stairsBase+16)).
						Attr("text-anchor", "middle").Text(strconv.Itoa(path[i].Date.Year))
				}),
			}
		}),
		app.Range(path).Slice(func(i int) app.UI {
			return eventMarker(path[i], xAt(i), yAt(path[i].Step), v)
		}),
	)
}

// eventMarker is a dot for an event; a click on it selects the event (the
// charts' container listens).
func eventMarker(e timeline.Event, x, y float64, v view.View) app.UI {
	class := "marker kind-" + string(e.Kind)
	r := 6.0
	if e.ID == v.Event {
		class += " is-current"
		r = 9
	}
	return svg("circle").Class(class).DataSet("marker", e.ID).
		Attr("cx", num(x)).Attr("cy", num(y)).Attr("r", num(r)).
		Body(svg("title").Text(e.Display() + ": " + e.Headline))
}
