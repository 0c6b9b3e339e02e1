package components

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/media"
	"explainer/app/timeline"
)

// EventMedia shows an event's or the introduction's media as TimelineJS
// would, without a request leaving the site until the reader asks: a local
// image at once; a video or remote image as a card naming its provider,
// whose button loads it; any other address as a link to follow.
type EventMedia struct {
	app.Compo

	Imedia timeline.Media
	Iid    string // the figure's id, unique on the page
	Ititle string // what the media is about (the event's headline), for the frame's title

	// loaded is the address the reader chose to load; another event's
	// media, with another address, starts as a card again.
	loaded string
}

// newEventMedia returns the media of an event or of the introduction.
func newEventMedia(id string, m timeline.Media, title string) *EventMedia {
	return &EventMedia{Imedia: m, Iid: id, Ititle: title}
}

// Render draws the figure.
func (m *EventMedia) Render() app.UI {
	md := m.Imedia
	var frame app.UI
	class := "event-media"
	switch {
	case md.Kind == media.Local:
		class += " media-local"
		frame = app.Div().Class("media-frame").Body(m.image())
	case md.IsRemote() && m.loaded == md.Src:
		class += " media-remote is-loaded"
		frame = app.Div().ID(m.Iid + "-frame").Class("media-frame").TabIndex(-1).Body(m.remote())
	case md.IsRemote():
		class += " media-remote"
		frame = app.Div().Class("media-frame media-card").Body(
			app.P().Class("media-card-title").Text(strings.ToUpper(what(md)[:1])+what(md)[1:]+" on "+md.Provider),
			app.P().Class("media-card-note").Text("Nothing is loaded from "+md.Provider+" until you ask."),
			// The button works once the app runs; before that the link
			// below still leads to the media.
			app.If(app.IsClient, func() app.UI {
				return app.Button().Type("button").Class("media-load").
					Text("Load " + what(md) + " from " + md.Provider).OnClick(m.load)
			}),
		)
	default:
		class += " media-link"
	}
	return app.Elem("figure").ID(m.Iid).Class(class).DataSet("provider", md.Provider).Body(
		app.If(frame != nil, func() app.UI { return frame }),
		app.Elem("figcaption").Class("media-caption").Body(
			app.If(!md.Caption.IsEmpty(), func() app.UI {
				return app.Span().Class("media-caption-text").Body(richText(md.Caption)...)
			}),
			app.If(!md.Credit.IsEmpty(), func() app.UI {
				return app.Span().Class("media-credit").Body(richText(md.Credit)...)
			}),
			app.If(md.Kind != media.Local, func() app.UI {
				return app.A().Class("media-source").Href(md.URL).Target("_blank").Rel("noopener noreferrer").Body(
					app.Text(sourceLabel(md)),
					app.Span().Class("visually-hidden").Text(" (opens in a new tab)"),
				)
			}),
		),
	)
}

// image is a local image. Without Alt Text it is decorative: go-app drops
// an empty alt attribute, so it says so with its role, and the caption is
// its description.
func (m *EventMedia) image() app.UI {
	img := app.Img().Class("media-image").Src(m.Imedia.Src).Attr("decoding", "async")
	if m.Imedia.Alt == "" {
		return img.Attr("role", "presentation")
	}
	return img.Alt(m.Imedia.Alt)
}

// remote is the provider's content, once the reader asked for it. The
// player runs in a frame with only what it needs: its own scripts and
// storage (the privacy-enhanced player needs both), no pop-ups, no
// navigating this page.
func (m *EventMedia) remote() app.UI {
	md := m.Imedia
	if md.Kind == media.Image {
		img := app.Img().Class("media-image").Src(md.Src).Attr("referrerpolicy", "no-referrer")
		if md.Alt == "" {
			return img.Attr("role", "presentation")
		}
		return img.Alt(md.Alt)
	}
	return app.Elem("iframe").ID(m.Iid+"-player").Class("media-player").
		Attr("src", md.Src).
		Attr("title", md.Provider+" video: "+m.Ititle).
		Attr("sandbox", "allow-scripts allow-same-origin allow-presentation").
		Attr("allow", "autoplay; encrypted-media; fullscreen; picture-in-picture").
		Attr("allowfullscreen", "true").
		// The players refuse to play without knowing which site embeds
		// them; the origin alone tells them.
		Attr("referrerpolicy", "strict-origin-when-cross-origin")
}

// load is the reader's choice: the content loads, and the focus moves to
// it, as the button it replaces is gone. The page is updated before the
// next frame, in which the focus moves.
func (m *EventMedia) load(ctx app.Context, e app.Event) {
	m.loaded = m.Imedia.Src
	focus := m.Iid + "-frame"
	if m.Imedia.Kind == media.Video {
		focus = m.Iid + "-player"
	}
	// Not focusElement: its deferred call is dropped once the button that
	// was clicked is gone, as it is by then.
	var frame app.Func
	frame = app.FuncOf(func(app.Value, []app.Value) any {
		defer frame.Release()
		if el := app.Window().GetElementByID(focus); el.Truthy() {
			el.Call("focus")
		}
		return nil
	})
	app.Window().Call("requestAnimationFrame", frame)
}

func what(md timeline.Media) string {
	if md.Kind == media.Video {
		return "video"
	}
	return "image"
}

func sourceLabel(md timeline.Media) string {
	switch md.Kind {
	case media.Video:
		return "Watch on " + md.Provider
	case media.Image:
		return "View on " + md.Provider
	}
	return "Open on " + md.Provider
}
