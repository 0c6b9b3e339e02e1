package components

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/content"
	"explainer/app/embed"
	"explainer/app/story"
	"explainer/app/view"

	"explainer/components/mount"
)

// EmbedPage is the explainer as a news page carries it in an iframe: one
// view (map, timeline, article, or all three) with compact chrome, a title,
// credits and a link to the full explainer. Its height goes to the host
// page from web/embed-child.js, which runs before the wasm does.
type EmbedPage struct {
	app.Compo
	view   view.View
	links  view.View // the view its links start from (see Page.links)
	opts   embed.Options
	panels mount.Staged
	follow following // in an embed of all three, the panels follow the article
}

// NewEmbedPage returns the embed route's page.
func NewEmbedPage() *EmbedPage {
	return &EmbedPage{view: view.Default(), links: view.Default(), opts: embed.Parse("")}
}

// OnInit reads the view and the options from the address bar.
func (p *EmbedPage) OnInit() {
	if app.IsClient {
		p.read(app.Window().URL().RawQuery)
		p.links = p.view
		normaliseURL(p.view)
		p.panels.Capture("map", "timeline", "article")
	}
}

// OnPreRender reads them from the request, for the server's HTML.
func (p *EmbedPage) OnPreRender(ctx app.Context) {
	p.read(ctx.Page().URL().RawQuery)
	p.links = p.view
	ctx.Page().SetTitle(Title + " (embed)")
	ctx.Page().SetDescription(Description)
}

// OnNav re-reads them after a navigation inside the iframe.
func (p *EmbedPage) OnNav(ctx app.Context) {
	was := p.view
	p.read(ctx.Page().URL().RawQuery)
	p.view = was.Follow(p.view)
	normaliseURL(p.view)
	catchUpLinks(ctx, &p.links, &p.view)
	p.follow.chose()
}

// OnMount mounts the panels, then marks the document ready.
func (p *EmbedPage) OnMount(ctx app.Context) {
	// Only an embed of all three has both the article and the panels; it
	// follows its own scrolling, at any width, as its panels sit above
	// the article in one column.
	if p.opts.View == embed.All {
		p.follow.anyWidth = true
		p.follow.start(ctx)
	}
	p.panels.Start(ctx)
}

func (p *EmbedPage) read(rawQuery string) {
	p.view = view.Parse(rawQuery, content.Default())
	p.view.InEmbed = true
	p.opts = embed.Parse(rawQuery)
}

// Render draws the chosen view.
func (p *EmbedPage) Render() app.UI {
	v := p.opts.View
	full := p.view
	full.Extra, full.InEmbed = "", false
	shown := p.follow.show(p.view)
	return app.Div().Class("embed", "theme-"+string(p.opts.Theme), "view-"+string(v)).Body(
		app.Header().Class("embed-header").Body(
			app.P().Class("embed-title").Text(Title),
			app.A().Class("embed-open").Href(viewHref(full)).Target("_blank").Rel("noopener").
				Text("Open the full explainer"),
			NewShareButton().View(p.view),
		),
		app.Main().ID("main").Class("embed-body").Body(
			app.If(v == embed.All, func() app.UI { return newFollowSwitch(p.follow.on(), p.follow.toggle) }),
			app.If(v.Shows(embed.Map), func() app.UI {
				return p.panels.Panel("map", func() app.UI {
					return NewMembershipMap().View(shown.View).Reading(shown.States, shown.Following())
				})
			}),
			app.If(v.Shows(embed.Timeline), func() app.UI {
				return p.panels.Panel("timeline", func() app.UI {
					return NewTimeline().View(shown.View).Links(p.links).Reading(shown.Events).WithoutMap(!v.Shows(embed.Map))
				})
			}),
			app.If(v.Shows(embed.Article), func() app.UI {
				return p.panels.Panel("article", func() app.UI {
					return NewArticle(story.Default()).View(p.view).Links(p.links).Reading(shown.Paragraph)
				})
			}),
		),
		app.Footer().Class("embed-credits").Body(
			app.P().Body(
				app.Text("Article: "+story.Default().Outlet+", "+story.Default().Published.Long()+
					". Map shapes: Natural Earth. Reports cited with each event; "),
				// The embed has no room for the section, so its credits open the
				// full explainer's, in a new tab as the embed's other link does.
				app.A().Class("embed-sources").Href(sitePath("/#sources")).Target("_blank").Rel("noopener").
					Text("Sources and method"),
				app.Text("."),
			),
		),
	)
}
