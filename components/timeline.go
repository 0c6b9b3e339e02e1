package components

import (
	"slices"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/content"
	"explainer/app/dataset"
	"explainer/app/timeline"
	"explainer/app/view"

	"explainer/components/mount"
)

// Timeline tells the story in time: the era bands and the estrangement
// staircase as a chart, every event as a focusable item, and the selected
// event's details with its sources. Selecting an event moves the map to its
// date and the article to its passage.
type Timeline struct {
	app.Compo

	Iview view.View
	// Ireading are the events of the paragraph being read, marked in the
	// list apart from the reader's selection.
	Ireading []string
	// InoMap is set where no map is shown (an embed of the timeline
	// alone): the map's date slider and play button would move nothing
	// the reader can see, so they are left out.
	InoMap bool
	// Ilinks is the view the events' links start from (see Page.links).
	Ilinks view.View

	parts mount.Staged // the charts mount after the rest
	// hrefs are the events' links from a view: most updates leave the
	// links' view alone.
	hrefs keptStrings[view.View]
}

// NewTimeline returns the timeline panel.
func NewTimeline() *Timeline { return &Timeline{} }

// View sets the reader's view the timeline shows.
func (t *Timeline) View(v view.View) *Timeline {
	t.Iview = v
	return t
}

// Reading marks the events of the paragraph being read.
func (t *Timeline) Reading(events []string) *Timeline {
	t.Ireading = events
	return t
}

// Links sets the view the events link from.
func (t *Timeline) Links(v view.View) *Timeline {
	t.Ilinks = v
	return t
}

// WithoutMap leaves out the controls that only move the map.
func (t *Timeline) WithoutMap(noMap bool) *Timeline {
	t.InoMap = noMap
	return t
}

// OnMount brings a deep-linked event into view in the sideways list,
// without scrolling the page itself.
func (t *Timeline) OnMount(ctx app.Context) {
	t.parts.Start(ctx)
	if t.Iview.Event == "" {
		return
	}
	id := "event-" + t.Iview.Event
	ctx.Defer(func(app.Context) { centreInList(id) })
}

// OnInit keeps the server's copy of the charts, to mount after the list.
func (t *Timeline) OnInit() { t.parts.Capture("timeline-charts") }

// Render draws the panel.
func (t *Timeline) Render() app.UI {
	c := content.Default()
	selected, hasSelected := c.Timeline.Lookup(t.Iview.Event)
	title := c.Timeline.Title()
	// tabindex -1: in-page links to #timeline move focus here (see Article.OnNav).
	return app.Section().ID("timeline").Class("panel timeline-panel").Aria("labelledby", "timeline-title").TabIndex(-1).Body(
		app.H2().ID("timeline-title").Text("From treaty to empty chair: the timeline"),
		app.If(!title.IsZero(), func() app.UI { return timelineIntro(title) }),
		app.P().Class("panel-intro").ID("timeline-help").Text(
			"Pick an event to see the map on its date and the passage of the article about it. "+
				"Arrow keys move between events."),
		t.parts.Panel("timeline-charts", func() app.UI { return newTimelineChart(c.Timeline, t.Iview, t.onMarkerClick) }),
		app.If(!t.InoMap, func() app.UI { return NewDateScrubber().View(t.Iview) }),
		app.Ol().Class("timeline-events").Aria("label", "Events").
			OnClick(t.onEventClick).OnKeyDown(t.onEventKey).Body(
			t.eventItems(c.Timeline),
		),
		app.If(hasSelected, func() app.UI {
			return NewEventDetails().Event(selected).View(t.Iview)
		}),
		newDataLinks("timeline-data", "The events", dataset.EventsCSV, "csto-events.csv", dataset.EventsJSON),
	)
}

// eventItems are the list's events, read one by one from the timeline:
// the list re-renders as the reader's scroll moves the panels, and a copy
// of the events each time was a fifth of that update's garbage.
func (t *Timeline) eventItems(tl *timeline.Timeline) app.UI {
	return rangeN(tl.Len(), func(i int) app.UI { return t.eventItem(tl.At(i), t.href(i, tl)) })
}

// rangeN is app.Range over 0..n-1: a slice of n empty structs holds no
// memory, where a slice to range over would be a copy.
func rangeN(n int, f func(int) app.UI) app.UI {
	return app.Range(make([]struct{}, n)).Slice(f)
}

// href is the link of the i-th event of the list, kept until the view the
// links start from changes.
func (t *Timeline) href(i int, tl *timeline.Timeline) string {
	return t.hrefs.at(i, tl.Len(), t.Ilinks, func(j int) string {
		return viewHref(t.Ilinks.SelectEvent(tl.At(j).ID, content.Default()))
	})
}

// eventItem is one event of the list (see eventListItem).
func (t *Timeline) eventItem(e timeline.Event, href string) app.UI {
	return &eventListItem{
		Iid:      e.ID,
		Ihref:    href,
		Icurrent: e.ID == t.Iview.Event,
		Ireading: slices.Contains(t.Ireading, e.ID),
	}
}

// onEventClick selects the event whose link was clicked.
func (t *Timeline) onEventClick(ctx app.Context, ev app.Event) {
	if id := mount.DataOf(ctx, ev, "event"); id != "" {
		ev.PreventDefault()
		selectEvent(ctx, t.Iview, id)
	}
}

// onMarkerClick selects the event whose marker was clicked in the charts.
func (t *Timeline) onMarkerClick(ctx app.Context, ev app.Event) {
	if id := mount.DataOf(ctx, ev, "marker"); id != "" {
		selectEvent(ctx, t.Iview, id)
	}
}

// onEventKey moves the selection with ArrowLeft/ArrowRight (and Up/Down),
// Home and End, keeping focus on the newly selected event.
func (t *Timeline) onEventKey(ctx app.Context, ev app.Event) {
	id := mount.DataOf(ctx, ev, "event")
	if id == "" {
		return
	}
	c := content.Default()
	events := c.Timeline.Events()
	i := c.Timeline.Index(id)
	switch ev.Get("key").String() {
	case "ArrowRight", "ArrowDown":
		i++
	case "ArrowLeft", "ArrowUp":
		i--
	case "Home":
		i = 0
	case "End":
		i = len(events) - 1
	default:
		return
	}
	ev.PreventDefault()
	if i < 0 || i >= len(events) {
		return
	}
	selectEvent(ctx, t.Iview, events[i].ID)
	focusElement(ctx, "event-"+events[i].ID)
}

// selectEvent shows event id: the map at its date, its details, and its
// passage in the article highlighted and scrolled into view.
func selectEvent(ctx app.Context, v view.View, id string) {
	c := content.Default()
	navigate(ctx, v.SelectEvent(id, c))
	e, _ := c.Timeline.Lookup(id)
	ctx.Defer(func(app.Context) {
		centreInList("event-" + id)
		if e.Paragraph != "" {
			scrollIntoView("p-"+e.Paragraph, "center")
		}
	})
}

// scrollIntoView scrolls the element with that id into view: smoothly,
// unless the reader asked for reduced motion. The panels do not follow
// what the scroll passes (scrollingByApp).
func scrollIntoView(id, block string) {
	el := app.Window().GetElementByID(id)
	if !el.Truthy() {
		return
	}
	behavior := "smooth"
	if reducedMotion() {
		behavior = "auto"
	}
	// What this scroll brings to the reading line is not read. The browser
	// lays the page out for scrollIntoView anyway: reading the box first
	// costs nothing more.
	if scrollsPage(el, block) {
		scrollingByApp()
	}
	opts := app.Window().Get("Object").New()
	opts.Set("behavior", behavior)
	opts.Set("block", block)
	opts.Set("inline", "nearest")
	el.Call("scrollIntoView", opts)
}

// scrollsPage reports whether scrolling el into view at block ("start",
// "center" or "nearest") moves the page: a scroll that does not happen
// sends no scrollend to end scrollingByApp's mark.
func scrollsPage(el app.Value, block string) bool {
	win := app.Window()
	r := el.Call("getBoundingClientRect")
	top, bottom := r.Get("top").Float(), r.Get("bottom").Float()
	h := win.Get("innerHeight").Float()
	var delta float64
	switch block {
	case "start":
		delta = top
	case "center":
		delta = (top+bottom)/2 - h/2
	default: // nearest
		if top < 0 {
			delta = top
		} else if bottom > h {
			delta = min(bottom-h, top)
		}
	}
	y := win.Get("scrollY").Float()
	maxY := win.Get("document").Get("documentElement").Get("scrollHeight").Float() - h
	target := max(0, min(y+delta, maxY))
	return target-y >= 1 || y-target >= 1
}

// centreInList scrolls the event list sideways so the element with that id
// sits in its middle. Unlike scrollIntoView it never moves the page. It
// reads the layout in the next animation frame: reading it right after an
// update would force the browser to lay out the whole page at once.
func centreInList(id string) {
	var frame app.Func
	frame = app.FuncOf(func(this app.Value, args []app.Value) any {
		defer frame.Release()
		item := app.Window().GetElementByID(id)
		if !item.Truthy() {
			return nil
		}
		list := item.Get("parentElement").Get("parentElement")
		left := item.Get("offsetLeft").Float() - list.Get("offsetLeft").Float() - (list.Get("clientWidth").Float()-item.Get("offsetWidth").Float())/2
		list.Set("scrollLeft", left)
		return nil
	})
	app.Window().Call("requestAnimationFrame", frame)
}
