package components

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/share"
	"explainer/app/story"
	"explainer/app/view"
)

// Description is the explainer's one-sentence summary, for search engines,
// link previews and the app manifest.
const Description = share.SiteDescription

// Title is the explainer's name, as the masthead and the manifest give it.
const Title = share.SiteName

// newSkipLink is the first focusable element: it lets keyboard readers jump
// past the chrome.
func newSkipLink(target, label string) app.UI {
	return app.A().Class("skip-link").Href(target).Text(label)
}

// The logo is decoration: go-app drops an empty alt="", so the image is
// marked presentation instead.

// newMasthead names the explainer above the article, with the install and
// update notices and the embed code for editors.
func newMasthead(v view.View) app.UI {
	return app.Header().Class("masthead").Body(
		app.Img().Class("masthead-logo").Src("/web/icon.svg").Attr("role", "presentation").Width(32).Height(32),
		app.P().Class("masthead-title").Text(Title),
		NewAppBanner(),
		NewShareButton().View(v),
		NewEmbedDialog().View(v),
	)
}

// newCredits says where the article and the facts come from.
func newCredits() app.UI {
	a := story.Default()
	return app.Footer().Class("credits").Body(
		app.P().Text("Article: "+a.Outlet+", "+a.Published.Long()+"."),
		app.P().Body(
			app.Text("Map shapes: Natural Earth (public domain). Facts: reports cited with each event and date; "),
			app.A().ID("credits-sources").Href("#sources").Text("Sources and method"),
			app.Text(", including how to report an error and the corrections log."),
		),
	)
}

// newJumpLinks lets readers on narrow screens, where the map and the
// timeline come after the article, go to them at once.
func newJumpLinks() app.UI {
	return app.Nav().Class("jump-links").Aria("label", "Sections").Body(
		app.A().Href("#map").Text("The map"),
		app.A().Href("#timeline").Text("The timeline"),
	)
}
