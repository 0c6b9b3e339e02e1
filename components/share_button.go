package components

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/content"
	"explainer/app/share"
	"explainer/app/view"
)

// ShareButton shares the reader's view: through the system's share sheet
// where the browser has one (the Web Share API), else by copying the
// link. Where the clipboard is refused too, it shows the link in a
// read-only field, selected, for the reader to copy. What happened is said
// in a status line that screen readers announce; it clears after a while.
type ShareButton struct {
	app.Compo

	Iview view.View

	status   string // what the status line says, or ""
	manual   string // the link shown for copying by hand, or ""
	messages int    // counts status messages, so only the latest is cleared
}

// statusShown is how long a status message stays.
const statusShown = 6 * time.Second

// NewShareButton returns the button.
func NewShareButton() *ShareButton { return &ShareButton{} }

// View sets the view the button shares.
func (s *ShareButton) View(v view.View) *ShareButton {
	s.Iview = v
	return s
}

// Render draws the button, its status line, and the link field when the
// link must be copied by hand. The status line is always in the document,
// empty until there is news: a live region added with its text is not
// announced.
func (s *ShareButton) Render() app.UI {
	return app.Div().Class("share-box").Body(
		app.Button().ID("share-button").Class("button").Type("button").
			Aria("describedby", "share-status").Text("Share").OnClick(s.share),
		app.Span().ID("share-status").Class("share-status").Role("status").Aria("live", "polite").Text(s.status),
		app.If(s.manual != "", func() app.UI {
			return app.Div().Class("share-manual").Body(
				app.Label().For("share-link").Text("Link to this view"),
				app.Input().ID("share-link").Class("share-link").Type("text").ReadOnly(true).Value(s.manual).
					OnFocus(func(ctx app.Context, e app.Event) { e.Get("target").Call("select") }),
			)
		}),
	)
}

// share offers the system's share sheet, and copies the link where there
// is none or the page may not use it (an iframe without allow="web-share").
func (s *ShareButton) share(ctx app.Context, e app.Event) {
	u := shareURL(s.Iview)
	nav := app.Window().Get("navigator")
	if !nav.Get("share").Truthy() {
		s.copy(ctx, u)
		return
	}
	data := map[string]any{"title": Title, "text": share.For(s.Iview, content.Default()).Title, "url": u}
	settle(nav.Call("share", data), func(app.Value) {}, func(name string) {
		if name == "AbortError" { // the reader closed the share sheet
			return
		}
		ctx.Dispatch(func(ctx app.Context) { s.copy(ctx, u) })
	})
}

// copy puts the link on the clipboard, or shows it for copying by hand.
func (s *ShareButton) copy(ctx app.Context, u string) {
	clip := app.Window().Get("navigator").Get("clipboard")
	if !clip.Truthy() {
		s.showManual(ctx, u)
		return
	}
	settle(clip.Call("writeText", u), func(app.Value) {
		ctx.Dispatch(func(ctx app.Context) {
			s.manual = ""
			s.say(ctx, "Link copied")
		})
	}, func(string) {
		ctx.Dispatch(func(ctx app.Context) { s.showManual(ctx, u) })
	})
}

// showManual shows the link in its field, selected, and moves focus there.
func (s *ShareButton) showManual(ctx app.Context, u string) {
	s.manual = u
	s.say(ctx, "Copy the link from the field below")
	focusElement(ctx, "share-link")
}

// say puts msg in the status line and clears it after statusShown, unless
// a newer message has replaced it.
func (s *ShareButton) say(ctx app.Context, msg string) {
	s.messages++
	n := s.messages
	s.status = msg
	ctx.After(statusShown, func(app.Context) {
		if s.messages == n {
			s.status = ""
		}
	})
}
