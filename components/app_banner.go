package components

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// AppBanner offers what an installed web app needs: a notice when a new
// version has been downloaded (the reader reloads when it suits them; the
// page they read keeps working meanwhile), an install button when the
// browser offers installation, and Add to Home Screen guidance on Apple
// browsers, which offer no prompt.
type AppBanner struct {
	app.Compo

	updateAvailable bool
	installable     bool
	apple           bool
	showAppleHelp   bool
}

// NewAppBanner returns the banner; it renders nothing until there is
// something to say.
func NewAppBanner() *AppBanner { return &AppBanner{} }

// OnMount reads what the browser already knows.
func (b *AppBanner) OnMount(ctx app.Context) {
	b.updateAvailable = ctx.AppUpdateAvailable()
	b.apple = ctx.IsAppleBrowser()
	b.installable = ctx.IsAppInstallable()
}

// OnAppUpdate is called by go-app once a new version is cached and ready.
func (b *AppBanner) OnAppUpdate(ctx app.Context) {
	b.updateAvailable = ctx.AppUpdateAvailable()
}

// OnAppInstallChange is called by go-app when installation becomes possible
// or is done.
func (b *AppBanner) OnAppInstallChange(ctx app.Context) {
	b.installable = ctx.IsAppInstallable()
}

// Render draws the notices.
func (b *AppBanner) Render() app.UI {
	return app.Div().Class("app-banner").Body(
		app.If(b.updateAvailable, func() app.UI {
			return app.Div().ID("update-notice").Class("notice").Role("status").Body(
				app.Span().Text("A new version is available. "),
				app.Button().ID("update-reload").Class("button").Type("button").Text("Reload").
					OnClick(func(ctx app.Context, e app.Event) { ctx.Reload() }),
			)
		}),
		app.If(b.installable && !b.apple, func() app.UI {
			return app.Button().ID("install-app").Class("button install-button").Type("button").
				Text("Install the explainer").
				OnClick(func(ctx app.Context, e app.Event) { ctx.ShowAppInstallPrompt() })
		}),
		app.If(b.installable && b.apple, func() app.UI {
			return app.Div().Class("install-apple").Body(
				app.Button().ID("install-apple").Class("button").Type("button").
					Aria("expanded", b.showAppleHelp).Aria("controls", "install-apple-help").
					Text("Read it offline").
					OnClick(func(ctx app.Context, e app.Event) { b.showAppleHelp = !b.showAppleHelp }),
				app.If(b.showAppleHelp, func() app.UI {
					return app.P().ID("install-apple-help").Class("notice").Text(
						"To keep the explainer on this device: tap the Share button, then \"Add to Home Screen\" " +
							"(on a Mac: File, then \"Add to Dock\").")
				}),
			)
		}),
	)
}
