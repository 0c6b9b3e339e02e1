package components

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/content"
	"explainer/app/share"
	"explainer/app/story"
	"explainer/app/view"

	"explainer/components/mount"
)

// The lifecycle methods go-app calls only if their signatures match exactly;
// a wrong one compiles and is silently never called, so check them here.
var (
	_ app.Initializer  = (*Page)(nil)
	_ app.PreRenderer  = (*Page)(nil)
	_ app.Navigator    = (*Page)(nil)
	_ app.Mounter      = (*Page)(nil)
	_ app.Initializer  = (*MembershipMap)(nil)
	_ app.Mounter      = (*MembershipMap)(nil)
	_ app.Initializer  = (*Timeline)(nil)
	_ app.Mounter      = (*Timeline)(nil)
	_ app.Mounter      = (*AppBanner)(nil)
	_ app.AppUpdater   = (*AppBanner)(nil)
	_ app.AppInstaller = (*AppBanner)(nil)
	_ app.Initializer  = (*EmbedPage)(nil)
	_ app.PreRenderer  = (*EmbedPage)(nil)
	_ app.Navigator    = (*EmbedPage)(nil)
	_ app.Mounter      = (*EmbedPage)(nil)
)

// Page is the full explainer: the article beside the map and the timeline.
// It owns the reader's view, read from the URL; its children render it and
// change it only by navigating to a new URL.
type Page struct {
	app.Compo
	view view.View
	// links is the view the article's and the timeline's links start
	// from. It catches up with view just after the frame that shows a
	// choice (see catchUpLinks): the reader sees nothing of an href, and
	// rewriting some hundred of them is most of what a click would
	// otherwise re-render.
	links  view.View
	panels mount.Staged
	follow following // the panels follow the article as it is read
}

// NewPage returns the explainer's main page.
func NewPage() *Page { return &Page{view: view.Default(), links: view.Default()} }

// OnInit reads the view from the address bar, so the client's first render
// is already the linked view.
func (p *Page) OnInit() {
	if app.IsClient {
		u := app.Window().URL()
		p.view = readView(u.Path, u.RawQuery)
		p.links = p.view
		normaliseURL(p.view)
		p.panels.Capture("article", "map", "timeline")
	}
}

// OnPreRender reads the view from the request, so a deep link's HTML shows
// that view, and sets the title and description for the server's HTML.
func (p *Page) OnPreRender(ctx app.Context) {
	u := ctx.Page().URL()
	p.view = readView(u.Path, u.RawQuery)
	p.links = p.view
	m := share.For(p.view, content.Default())
	ctx.Page().SetTitle("%s", m.Title)
	ctx.Page().SetDescription(m.Description)
}

// OnNav re-reads the view after a navigation, Back and Forward included.
func (p *Page) OnNav(ctx app.Context) {
	u := ctx.Page().URL() // each call reads the address bar anew
	p.view = p.view.Follow(readView(u.Path, u.RawQuery))
	normaliseURL(p.view)
	catchUpLinks(ctx, &p.links, &p.view)
	p.follow.chose()
	// The tab and the history entry say the view, as the page's link
	// preview does.
	ctx.Page().SetTitle("%s", share.For(p.view, content.Default()).Title)
}

// OnMount mounts the panels, then marks the document ready: the client app
// is mounted and live.
func (p *Page) OnMount(ctx app.Context) {
	p.follow.start(ctx)
	p.panels.Start(ctx)
}

// Render lays out the article and, beside it, the interactive panels.
func (p *Page) Render() app.UI {
	shown := p.follow.show(p.view)
	return app.Div().Class("explainer").Body(
		newSkipLink("#article", "Skip to the article"),
		newMasthead(p.view),
		newJumpLinks(),
		app.Main().ID("main").Class("layout").Body(
			p.panels.Panel("article", func() app.UI {
				return NewArticle(story.Default()).View(p.view).Links(p.links).Reading(shown.Paragraph)
			}),
			// The app may wait for the reader to come near the panels
			// (see the server's app.js additions): the article needs none of it.
			app.Aside().Class("panels").Aria("label", "Map and timeline").DataSet("app-start", "near").Body(
				newFollowSwitch(p.follow.on(), p.follow.toggle),
				p.panels.Panel("map", func() app.UI {
					return NewMembershipMap().View(shown.View).Reading(shown.States, shown.Following())
				}),
				p.panels.Panel("timeline", func() app.UI { return NewTimeline().View(shown.View).Links(p.links).Reading(shown.Events) }),
			),
		),
		newSourcesSection(),
		newCredits(),
	)
}
