package components

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/content"
	"explainer/app/follow"
	"explainer/app/view"
)

// followOffKey is where the device remembers that the reader switched
// following off. go-app's storage falls back to memory where the browser
// blocks it (a third-party embed), so the switch then lasts the visit.
const followOffKey = "follow-article-off"

// sideBySide is the media query of the layout with the panels beside the
// article (explainer.css's 68rem). Elsewhere the panels come after the
// article, out of sight while it is read, so they do not follow it: the
// article's moment strips tell the story there.
const sideBySide = "(min-width: 68rem)"

// following is a page's side of the panels following the article: it
// handles the article's reading-line reports and the switch, and says
// what the panels show.
type following struct {
	f follow.Follow
	// anyWidth is set for a page whose panels follow at every width (an
	// embed of all three, which follows its own scrolling).
	anyWidth bool
	live     bool // set once the client has started following
}

// start reads the reader's switch and handles the article's reports. It
// runs on the client, from the page's OnMount.
func (fl *following) start(ctx app.Context) {
	var off bool
	if err := ctx.LocalStorage().Get(followOffKey, &off); err != nil {
		off = false
	}
	fl.f.Switch(!off)
	fl.live = true
	ctx.Handle(lineAction, func(ctx app.Context, a app.Action) {
		r, _ := a.Value.(lineReport)
		follows := fl.applies()
		if follows {
			// Only where reading re-renders the panels does it leave
			// garbage enough to pace the collector for (not on phones).
			collector.start()
		}
		collector.note()
		if !fl.f.Read(r.Paragraph, r.ByApp) || !follows {
			ctx.PreventUpdate() // nothing the reader sees changes
			return
		}
		fl.bringEventsIntoView(ctx)
	})
}

// applies reports whether the panels follow on this screen.
func (fl *following) applies() bool {
	if !fl.live {
		return false
	}
	if fl.anyWidth {
		return true
	}
	mq := app.Window().Call("matchMedia", sideBySide)
	return mq.Truthy() && mq.Get("matches").Bool()
}

// chose records a navigation: the reader's choice stands until they read
// on. Where the navigation leaves the page scrolled (Back and Forward
// restore the reader's place) is not reading either.
func (fl *following) chose() {
	fl.f.Choose()
	if fl.live {
		noteLineAfterNavigation()
		collector.note() // the reader's choices re-render the panels too
	}
}

// show returns what the panels show for the reader's view v.
func (fl *following) show(v view.View) follow.Shown {
	if !fl.applies() {
		return follow.Shown{View: v}
	}
	return fl.f.Show(v, content.Default())
}

// on reports whether the switch is on.
func (fl *following) on() bool { return !fl.f.Off }

// toggle flips the switch and remembers it on the device.
func (fl *following) toggle(ctx app.Context, e app.Event) {
	fl.f.Switch(fl.f.Off)
	if err := ctx.LocalStorage().Set(followOffKey, fl.f.Off); err != nil {
		app.Log("the follow switch is not remembered:", err)
	}
	fl.bringEventsIntoView(ctx)
}

// bringEventsIntoView scrolls the event list sideways to the first event
// the followed paragraph speaks of, unless the reader asked for reduced
// motion: then nothing scrolls by itself.
func (fl *following) bringEventsIntoView(ctx app.Context) {
	s := fl.f.Show(view.Default(), content.Default())
	if len(s.Events) == 0 || reducedMotion() {
		return
	}
	id := "event-" + s.Events[0]
	ctx.Defer(func(app.Context) { centreInList(id) })
}

// reducedMotion reports whether the reader asked for reduced motion.
func reducedMotion() bool {
	mq := app.Window().Call("matchMedia", "(prefers-reduced-motion: reduce)")
	return mq.Truthy() && mq.Get("matches").Bool()
}
