package components

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// lineAction is the action the article posts when another paragraph
// reaches the reading line; its value is a lineReport. The pages that
// follow the article handle it.
const lineAction = "reading-line"

// lineReport says which paragraph is at the reading line ("" above the
// article) and whether the app's own scrolling put it there.
type lineReport struct {
	Paragraph string
	ByApp     bool
}

// readingBand is the reading line as an IntersectionObserver rootMargin:
// a band 1% of the viewport high, a third of the way down, where the eye
// rests while reading. The browser reports paragraphs crossing it off the
// main thread's layout work: no scroll handler reads the layout.
const readingBand = "-33% 0px -66% 0px"

// readingLineAt is the reading band's bottom, as a fraction of the
// window's height: where atLine looks.
const readingLineAt = 0.34

// readingLine watches which of the article's paragraphs is at the reading
// line and posts a lineAction each time that changes.
type readingLine struct {
	observer   app.Value
	callback   app.Func
	at         string // the paragraph last reported
	reported   bool
	paragraphs app.Value // the article's paragraphs, in order
}

// watch starts watching the paragraphs (elements with data-paragraph)
// inside the element of ctx. The first report is of the paragraph at the
// line when the page opens.
func (l *readingLine) watch(ctx app.Context) {
	if !app.IsClient || l.observer != nil {
		return
	}
	ctor := app.Window().Get("IntersectionObserver")
	if !ctor.Truthy() {
		return // an old browser: the panels stay with the reader's choices
	}
	l.callback = app.FuncOf(func(_ app.Value, args []app.Value) any {
		l.seen(ctx, args[0])
		return nil
	})
	opts := app.Window().Get("Object").New()
	opts.Set("rootMargin", readingBand)
	l.observer = ctor.New(l.callback, opts)
	paragraphs := ctx.JSSrc().Call("querySelectorAll", "p[data-paragraph]")
	for i, n := 0, paragraphs.Length(); i < n; i++ {
		l.observer.Call("observe", paragraphs.Index(i))
	}
	l.paragraphs = paragraphs
	watched.line, watched.ctx = l, ctx
}

// stop stops watching.
func (l *readingLine) stop() {
	if l.observer == nil {
		return
	}
	l.observer.Call("disconnect")
	l.callback.Release()
	if watched.line == l {
		watched.line = nil
	}
	l.observer, l.reported = nil, false
}

// seen reads the observer's entries: a paragraph entering the band is at
// the line. When one leaves it and none enters (the line is between two
// paragraphs, or the reader jumped past several), the line is in the last
// paragraph that starts above it, or above the article if none does. The
// layout is fresh when the observer calls, so reading the paragraphs'
// boxes then costs no layout of its own.
func (l *readingLine) seen(ctx app.Context, entries app.Value) {
	at, entered := l.at, false
	var line float64
	for i, n := 0, entries.Length(); i < n; i++ {
		e := entries.Index(i)
		line = e.Get("rootBounds").Get("bottom").Float()
		if e.Get("isIntersecting").Bool() {
			at, entered = e.Get("target").Get("dataset").Get("paragraph").String(), true
		}
	}
	if !entered && entries.Length() > 0 {
		at = l.atLine(line)
	}
	l.report(ctx, at, appScroll.active)
}

// focused reports the paragraph that keyboard focus moved into: a reader
// tabbing through the article reads where focus is.
func (l *readingLine) focused(ctx app.Context, id string) {
	if l.observer != nil && id != "" {
		l.report(ctx, id, false)
	}
}

// atLine returns the last paragraph that starts above y (px from the
// top of the window), "" if none does.
func (l *readingLine) atLine(y float64) string {
	at := ""
	for i, n := 0, l.paragraphs.Length(); i < n; i++ {
		p := l.paragraphs.Index(i)
		if p.Call("getBoundingClientRect").Get("top").Float() > y {
			break
		}
		at = p.Get("dataset").Get("paragraph").String()
	}
	return at
}

func (l *readingLine) report(ctx app.Context, at string, byApp bool) {
	if l.reported && at == l.at {
		return
	}
	l.at, l.reported = at, true
	ctx.NewActionWithValue(lineAction, lineReport{Paragraph: at, ByApp: byApp})
}

// noteLineAsApp reports the paragraph now at the line as the app's doing,
// before the observer gets round to it (it reports late, after frames):
// its report is then nothing new.
func noteLineAsApp() {
	if l := watched.line; l != nil && l.observer != nil {
		l.report(watched.ctx, l.atLine(app.Window().Get("innerHeight").Float()*readingLineAt), true)
	}
}

// noteLineAfterNavigation treats what reaches the line just after a
// navigation as the app's: Back and Forward restore the scroll position
// the reader had there, which is not reading. The browser restores it
// when it likes, on a busy machine some frames after the app has
// rendered, so the mark lasts until that scroll ends, or navigationSettle
// ms if none comes.
func noteLineAfterNavigation() {
	if watched.line == nil {
		return
	}
	markAppScroll(navigationSettle)
}

// navigationSettle bounds, in ms, how long after a navigation the
// browser may still restore the page's scroll position.
const navigationSettle = 400

// appScroll is set while the app scrolls the page itself, to show a
// selected event's passage: what reaches the line then is not read. Only
// the UI goroutine and the browser's callbacks, one at a time, touch it.
var appScroll struct {
	active bool
	gen    int
}

// watched is the page's reading line, when its article watches one, and
// the article's context.
var watched struct {
	line *readingLine
	ctx  app.Context
}

// appScrollMax bounds how long an app scroll can last, in ms (a smooth
// scroll across the article takes well under a second), in case the
// browser never says it ended.
const appScrollMax = 1500

// scrollingByApp marks the app's own scroll, which starts now (call it
// only for a scroll that moves the page: one that does not sends no
// scrollend). When the browser says it ended, the paragraph it brought
// to the line is noted as the app's, before the observer gets round to
// saying so: the observer reports late, after frames, and its report is
// then nothing new.
func scrollingByApp() { markAppScroll(appScrollMax) }

// markAppScroll marks what reaches the line as the app's until the
// browser says a scroll ended, or until maxMs ms have passed.
func markAppScroll(maxMs int) {
	appScroll.active = true
	appScroll.gen++
	gen := appScroll.gen
	win := app.Window()
	var onEnd app.Func
	var timer app.Value
	onEnd = app.FuncOf(func(app.Value, []app.Value) any {
		win.Call("removeEventListener", "scrollend", onEnd)
		win.Call("clearTimeout", timer)
		onEnd.Release()
		if appScroll.gen == gen {
			noteLineAsApp()
			appScroll.active = false
		}
		return nil
	})
	win.Call("addEventListener", "scrollend", onEnd)
	timer = win.Call("setTimeout", onEnd, maxMs)
}
