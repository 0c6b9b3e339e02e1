package components

import (
	"strconv"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/content"
	"explainer/app/date"
	"explainer/app/view"
)

// playInterval is how long play/pause dwells on each step of the path.
const playInterval = 2500 * time.Millisecond

// DateScrubber is a slider that moves the map through time, a month a step,
// and a play button that walks through Armenia's estrangement path.
type DateScrubber struct {
	app.Compo

	Iview view.View

	playing bool
	playGen int // bumped on every play or pause, so a stale timer does nothing
}

// NewDateScrubber returns the scrubber.
func NewDateScrubber() *DateScrubber { return &DateScrubber{} }

// View sets the reader's view.
func (s *DateScrubber) View(v view.View) *DateScrubber {
	s.Iview = v
	return s
}

// monthIndex counts months from the map's first month.
func monthIndex(d date.Date) int {
	return (d.Year-view.Earliest.Year)*12 + d.Month - view.Earliest.Month
}

// monthEnd is the last day of the month at index i, within the map's range:
// the slider shows the state of things at the end of each month.
func monthEnd(i int) date.Date {
	y := view.Earliest.Year + (view.Earliest.Month-1+i)/12
	m := (view.Earliest.Month-1+i)%12 + 1
	d := date.Date{Year: y, Month: m, Prec: date.Month}.Last()
	if d.After(view.Latest) {
		return view.Latest
	}
	return d
}

// Render draws the slider and the play button.
func (s *DateScrubber) Render() app.UI {
	v := s.Iview
	if v.At.IsZero() {
		v.At = view.Summit
	}
	at := v.At
	label := "Play Armenia's path"
	if s.playing {
		label = "Pause"
	}
	return app.Div().Class("scrubber").Body(
		app.Label().For("date-scrubber").Class("scrubber-label").Body(
			app.Text("Map date: "),
			app.Time().DateTime(at.String()).Text(v.DateText()),
		),
		app.Input().ID("date-scrubber").Type("range").Class("scrubber-range").
			Min(0).Max(monthIndex(view.Latest)).Step(1).
			Value(strconv.Itoa(monthIndex(at))).
			Aria("valuetext", v.DateText()).
			OnChange(s.onChange),
		// A sheet without the Path column has no path to play.
		app.If(content.Default().Timeline.HasPath(), func() app.UI {
			return app.Button().ID("play-path").Class("button play-button").Type("button").
				Aria("pressed", s.playing).Text(label).OnClick(s.togglePlay)
		}),
	)
}

func (s *DateScrubber) onChange(ctx app.Context, e app.Event) {
	i, err := strconv.Atoi(e.Get("target").Get("value").String())
	if err != nil {
		return
	}
	s.stop()
	navigate(ctx, s.Iview.ShowDate(monthEnd(i), content.Default()))
}

func (s *DateScrubber) stop() {
	s.playing = false
	s.playGen++
}

func (s *DateScrubber) togglePlay(ctx app.Context, e app.Event) {
	if s.playing {
		s.stop()
		return
	}
	s.playing = true
	s.playGen++
	s.playFrom(ctx, s.nextStep(), s.playGen)
}

// nextStep is the path step after the selected event, or the first step.
func (s *DateScrubber) nextStep() int {
	path := content.Default().Timeline.Path()
	for i, e := range path {
		if e.ID == s.Iview.Event && i+1 < len(path) {
			return i + 1
		}
	}
	return 0
}

// playFrom selects path step i, then schedules the next one.
func (s *DateScrubber) playFrom(ctx app.Context, i, gen int) {
	path := content.Default().Timeline.Path()
	if !s.playing || gen != s.playGen || i >= len(path) {
		s.playing = false
		return
	}
	selectEvent(ctx, s.Iview, path[i].ID)
	ctx.After(playInterval, func(ctx app.Context) { s.playFrom(ctx, i+1, gen) })
}
