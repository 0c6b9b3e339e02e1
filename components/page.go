package components

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/story"
)

// Page is the full explainer: the article beside the map and the timeline.
type Page struct {
	app.Compo
}

// NewPage returns the explainer's main page.
func NewPage() *Page { return &Page{} }

// OnPreRender sets the page's title and description for the server's HTML.
func (p *Page) OnPreRender(ctx app.Context) {
	a := story.Default()
	ctx.Page().SetTitle(a.Headline + " - explained")
	ctx.Page().SetDescription(Description)
}

// OnMount marks the document ready: the client app is mounted and live.
func (p *Page) OnMount(ctx app.Context) {
	markReady()
}

// Render lays out the article and, beside it, the interactive panels.
func (p *Page) Render() app.UI {
	return app.Div().Class("explainer").Body(
		newSkipLink("#article", "Skip to the article"),
		newMasthead(),
		app.Main().ID("main").Class("layout").Body(
			NewArticle(story.Default()),
		),
		newCredits(),
	)
}
