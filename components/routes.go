// Package components holds the explainer's go-app components: the page
// shell, the article, the map, the timeline and the pieces they share.
//
// Components render what the core (app/...) decides; they hold no business
// rules of their own. Each file holds one component.
package components

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/embed"
)

// Routes registers the explainer's pages with go-app. Both the server
// (for prerendering) and the browser (for the client app) call it.
func Routes() {
	app.Route("/", func() app.Composer { return NewPage() })
	app.Route(embed.Path, func() app.Composer { return NewEmbedPage() })
}
