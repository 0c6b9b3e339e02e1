package components

import (
	"fmt"
	"strconv"
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/date"
	"explainer/app/timeline"
	"explainer/app/view"
)

// chartLayout is one drawing of the charts for a range of widths. SVG text
// scales with its drawing, so a chart squeezed into a phone drew its words
// at 4 px: each layout has a viewBox narrow enough that its text, font
// units of it, is at least 12 CSS px at the narrowest width it is shown
// at. CSS shows one layout per width of the charts' container
// (@container charts in explainer.css, at wideChartFrom).
type chartLayout struct {
	name        string  // class suffix: chart-wide, chart-narrow
	w           float64 // viewBox width
	left, right float64 // the time axis's ends
	font        float64 // text size in viewBox units (explainer.css sets it)
	tickYears   int     // years between the axis's labels
	eraRows     bool    // one row per era, its name above its bar
}

// wideChartFrom is the container width, in CSS px, from which the wide
// layout is shown; explainer.css has the same number.
const wideChartFrom = 480

// narrowChartFrom is the narrowest the charts' container gets: a 320 px
// phone less the page's and the panel's padding.
const narrowChartFrom = 262

var (
	wideChart   = chartLayout{name: "wide", w: 640, left: 14, right: 626, font: 16, tickYears: 5}
	narrowChart = chartLayout{name: "narrow", w: 340, left: 10, right: 330, font: 16, tickYears: 10, eraRows: true}
)

// The staircase's vertical frame, the same in both layouts.
const (
	stairsTop   = 14.0
	stairsRise  = 10.0
	stairsInset = 18.0
)

// newTimelineChart draws two pictures of the story: the whole span since
// 1991 with its eras and every event, and Armenia's estrangement path as a
// staircase, one step per escalation. Both are for the eye and the pointer;
// the event list below them carries the same events for the keyboard and
// screen readers, so the charts are hidden from assistive technology. What
// never changes in them is static HTML; the markers and the date cursor are
// live, and their container listens for clicks on the markers. They are
// drawn in both layouts, and CSS shows the one that fits.
//
// onClick handles a click on the charts: a method of the component that
// holds the view, never a closure over v, as go-app keeps the first
// handler it mounted while each new one is the same function.
func newTimelineChart(t *timeline.Timeline, v view.View, onClick app.EventHandler) app.UI {
	return app.Div().ID("timeline-charts").Class("timeline-charts").Aria("hidden", "true").
		OnClick(onClick).Body(
		&timelineCharts{Itimeline: t, Ilayout: &wideChart, Iat: v.At, Ievent: v.Event},
		&timelineCharts{Itimeline: t, Ilayout: &narrowChart, Iat: v.At, Ievent: v.Event},
	)
}

// timelineCharts are one layout's charts as a component whose inputs are
// only what they show (the map's date and the selected event): go-app
// skips them on a click that changes neither, as on a state.
type timelineCharts struct {
	app.Compo
	Itimeline *timeline.Timeline
	Ilayout   *chartLayout
	Iat       date.Date
	Ievent    string
}

func (c *timelineCharts) Render() app.UI {
	return newCharts(c.Itimeline, view.View{At: c.Iat, Event: c.Ievent}, *c.Ilayout)
}

func newCharts(t *timeline.Timeline, v view.View, l chartLayout) app.UI {
	return app.Div().Class("chart-"+l.name).Body(
		newEraChart(t, v, l),
		app.If(t.HasPath(), func() app.UI {
			return app.P().Class("stairs-title").Text("Armenia's path of estrangement, step by step")
		}),
		newStairsChart(t, v, l),
	)
}

// xOf places a day on the era chart's axis.
func (l chartLayout) xOf(d date.Date) float64 {
	lo, hi := view.Earliest.Ordinal(), view.Latest.Ordinal()
	f := float64(d.Ordinal()-lo) / float64(hi-lo)
	return l.left + f*(l.right-l.left)
}

// textWidth estimates the width of s in the layout's font: wide enough
// for the system sans-serif fonts, to keep labels clear of each other.
func (l chartLayout) textWidth(s string) float64 {
	return float64(len([]rune(s))) * 0.6 * l.font
}

// eraLabel is where an era's name goes: from its start, or ending at its
// end (or the axis's) where it would run past the right edge.
type eraLabel struct {
	x      float64
	anchor string
}

func (l chartLayout) eraLabel(x0, x1 float64, label string) eraLabel {
	pad := l.font / 3
	if x0+pad+l.textWidth(label) <= l.right {
		return eraLabel{x0 + pad, "start"}
	}
	end := x1
	if end > l.right {
		end = l.right
	}
	return eraLabel{end - pad, "end"}
}

// eraGeometry is an era's bar and name in a layout.
type eraGeometry struct {
	barY, barH, textY float64
	label             eraLabel
}

func (l chartLayout) era(i int, e timeline.Era) (x0, x1 float64, g eraGeometry) {
	end := e.End
	if end.IsZero() {
		end = view.Latest
	}
	x0, x1 = l.xOf(e.Start.First()), l.xOf(end.Last())
	if l.eraRows {
		top := 4 + float64(i)*38
		g = eraGeometry{barY: top + 20, barH: 10, textY: top + 15}
	} else {
		top := 4 + float64(i%2)*30
		g = eraGeometry{barY: top, barH: 26, textY: top + 19}
	}
	g.label = l.eraLabel(x0, x1, e.Label)
	return x0, x1, g
}

// axisY is the era chart's time axis, below the eras.
func (l chartLayout) axisY(eras int) float64 {
	if l.eraRows {
		return 4 + float64(eras)*38 + 10
	}
	return 76
}

// laneHeight is the height of a group's lane: its label above its line,
// on which its events' markers sit.
func (l chartLayout) laneHeight() float64 { return l.font + 18 }

// laneY is the line of lane i, the lanes starting where the axis is
// without lanes.
func (l chartLayout) laneY(eras, i int) float64 {
	return l.axisY(eras) + float64(i)*l.laneHeight() + l.font + 6
}

// laneLabel names a lane; events without a group, beside others with one,
// go in the last lane.
func laneLabel(group string) string {
	if group == "" {
		return "Other events"
	}
	return group
}

// tickYears are the years labelled on the axis.
func (l chartLayout) ticks() []int {
	var years []int
	for y := (view.Earliest.Year/l.tickYears + 1) * l.tickYears; y <= view.Latest.Year; y += l.tickYears {
		years = append(years, y)
	}
	return years
}

func newEraChart(t *timeline.Timeline, v view.View, l chartLayout) app.UI {
	eras := t.Eras()
	at := v.At
	if at.IsZero() {
		at = view.Summit
	}
	// With groups, each has a lane (TimelineJS's rows) between the eras
	// and the axis; without, the markers sit on the axis.
	groups := t.Groups()
	lane := make(map[string]int, len(groups))
	for i, g := range groups {
		lane[g] = i
	}
	axis := l.axisY(len(eras))
	markerY := func(e timeline.Event) float64 { return axis }
	if len(groups) > 0 {
		axis += float64(len(groups))*l.laneHeight() + 8
		markerY = func(e timeline.Event) float64 { return l.laneY(len(eras), lane[e.Group]) }
	}
	height := axis + 32
	cursorTop := l.axisY(len(eras)) - 20
	if l.eraRows {
		cursorTop = 4
	}
	return svg("svg").Class("era-chart").Attr("viewBox", "0 0 "+num(l.w)+" "+num(height)).Body(
		// Eras and axis are the same on every date: written once.
		staticLayer(frameKey("era", t, l), "chart-frame", func() []app.UI {
			years := l.ticks()
			return []app.UI{
				app.Range(eras).Slice(func(i int) app.UI {
					e := eras[i]
					x0, x1, g := l.era(i, e)
					return svg("g").Class("era era-"+e.ID).Body(
						svg("rect").Attr("x", num(x0)).Attr("y", num(g.barY)).
							Attr("width", num(x1-x0)).Attr("height", num(g.barH)).Attr("rx", 3),
						svg("text").Class("era-label").Attr("x", num(g.label.x)).Attr("y", num(g.textY)).
							Attr("text-anchor", g.label.anchor).Text(e.Label),
					)
				}),
				app.Range(groups).Slice(func(i int) app.UI {
					y := l.laneY(len(eras), i)
					return svg("g").Class("lane").Body(
						svg("line").Attr("x1", num(l.left)).Attr("x2", num(l.right)).Attr("y1", num(y)).Attr("y2", num(y)),
						svg("text").Class("lane-label").Attr("x", num(l.left)).Attr("y", num(y-l.font*0.375-5)).Text(laneLabel(groups[i])),
					)
				}),
				svg("line").Class("axis").Attr("x1", num(l.left)).Attr("x2", num(l.right)).Attr("y1", num(axis)).Attr("y2", num(axis)),
				app.Range(years).Slice(func(i int) app.UI {
					x := l.xOf(date.Date{Year: years[i], Month: 1, Day: 1, Prec: date.Day})
					return svg("g").Class("tick").Body(
						svg("line").Attr("x1", num(x)).Attr("x2", num(x)).Attr("y1", num(axis-4)).Attr("y2", num(axis+4)),
						svg("text").Attr("x", num(x)).Attr("y", num(axis+24)).Attr("text-anchor", "middle").Text(strconv.Itoa(years[i])),
					)
				}),
			}
		}),
		svg("line").Class("map-date-cursor").
			Attr("x1", num(l.xOf(at))).Attr("x2", num(l.xOf(at))).Attr("y1", num(cursorTop)).Attr("y2", num(axis+6)),
		eraMarkers(t, v, l, markerY),
	)
}

// eraMarkers are the era chart's event markers, read one by one from the
// timeline: the chart re-renders as the reader's scroll moves the panels.
func eraMarkers(t *timeline.Timeline, v view.View, l chartLayout, markerY func(timeline.Event) float64) app.UI {
	return rangeN(t.Len(), func(i int) app.UI {
		e := t.At(i)
		return eventMarker(e, l.xOf(e.Date.First()), markerY(e), v, l, t)
	})
}

// frameKey keeps a chart's static frame apart for each timeline: the app
// has one, but tests draw others, whose eras and lanes differ. The keys
// are made once per timeline: every update of the charts asks for four,
// and formatting a pointer with fmt was most of what drawing the unchanged
// eras cost in the browser.
func frameKey(chart string, t *timeline.Timeline, l chartLayout) string {
	if k, ok := frameKeys.Load(frameKeyOf{chart, l.name, t}); ok {
		return k.(string)
	}
	k := fmt.Sprintf("%s-chart-frame-%s-%p", chart, l.name, t)
	frameKeys.Store(frameKeyOf{chart, l.name, t}, k)
	return k
}

// frameKeys are the keys frameKey made; the server draws pages in
// goroutines of their own.
var frameKeys sync.Map

type frameKeyOf struct {
	chart, layout string
	timeline      *timeline.Timeline
}

// yearLabel is one year under the staircase, centred under its steps.
type yearLabel struct {
	year int
	x    float64
}

// stepX places path step i of n.
func (l chartLayout) stepX(i, n int) float64 {
	if n == 1 {
		return l.left + stairsInset
	}
	return l.left + stairsInset + (l.right-l.left-2*stairsInset)*float64(i)/float64(n-1)
}

// yearLabels names each year of the path once, under the middle of its
// steps: a label per step repeated the year of every step in it.
func (l chartLayout) yearLabels(path []timeline.Event) []yearLabel {
	var labels []yearLabel
	for i := 0; i < len(path); {
		j := i
		for j+1 < len(path) && path[j+1].Date.Year == path[i].Date.Year {
			j++
		}
		labels = append(labels, yearLabel{path[i].Date.Year, (l.stepX(i, len(path)) + l.stepX(j, len(path))) / 2})
		i = j + 1
	}
	// Years of one or two steps side by side can be closer than a label is
	// wide: push them apart, rightwards, then back from the right edge.
	w := l.textWidth("0000") + l.font/2
	for i := 1; i < len(labels); i++ {
		labels[i].x = max(labels[i].x, labels[i-1].x+w)
	}
	for i := len(labels) - 1; i >= 0; i-- {
		limit := l.w - w/2
		if i+1 < len(labels) {
			limit = labels[i+1].x - w
		}
		labels[i].x = min(labels[i].x, limit)
	}
	return labels
}

func stairsBase(path []timeline.Event) float64 {
	top := 0
	for _, e := range path {
		if e.Step > top {
			top = e.Step
		}
	}
	return stairsTop + float64(top)*stairsRise
}

func newStairsChart(t *timeline.Timeline, v view.View, l chartLayout) app.UI {
	path := t.Path()
	if len(path) == 0 {
		return nil
	}
	base := stairsBase(path)
	yAt := func(step int) float64 { return base - stairsRise*float64(step) }
	return svg("svg").Class("stairs-chart").Attr("viewBox", "0 0 "+num(l.w)+" "+num(base+32)).Body(
		staticLayer(frameKey("stairs", t, l), "chart-frame", func() []app.UI {
			d := "M" + num(l.left) + " " + num(base)
			for i, e := range path {
				d += "H" + num(l.stepX(i, len(path))) + "V" + num(yAt(e.Step))
			}
			d += "H" + num(l.right)
			years := l.yearLabels(path)
			return []app.UI{
				svg("path").Class("stairs").Attr("d", d),
				app.Range(years).Slice(func(i int) app.UI {
					return svg("text").Class("stairs-year").Attr("x", num(years[i].x)).Attr("y", num(base+24)).
						Attr("text-anchor", "middle").Text(strconv.Itoa(years[i].year))
				}),
			}
		}),
		app.Range(path).Slice(func(i int) app.UI {
			return eventMarker(path[i], l.stepX(i, len(path)), yAt(path[i].Step), v, l, t)
		}),
	)
}

// eventMarker is a dot for an event; a click on it selects the event (the
// charts' container listens).
func eventMarker(e timeline.Event, x, y float64, v view.View, l chartLayout, t *timeline.Timeline) app.UI {
	return &chartMarker{Itimeline: t, Iid: e.ID, Ix: x, Iy: y, Ifont: l.font, Icurrent: e.ID == v.Event}
}
