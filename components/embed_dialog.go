package components

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/content"
	"explainer/app/embed"
	"explainer/app/view"
)

// EmbedDialog gives editors the code to embed the explainer in their own
// page: they pick the view, whether to keep the reader's current view, and
// the theme, and copy an iframe plus our small sizing script.
type EmbedDialog struct {
	app.Compo

	Iview view.View

	open           bool
	view           embed.View
	theme          embed.Theme
	keepReaderView bool
	copied         bool
}

// NewEmbedDialog returns the closed dialog with its button.
func NewEmbedDialog() *EmbedDialog {
	return &EmbedDialog{view: embed.All, theme: embed.Auto, keepReaderView: true}
}

// View sets the reader's view, which the code can carry.
func (d *EmbedDialog) View(v view.View) *EmbedDialog {
	d.Iview = v
	return d
}

// code is the embed code for the current choices.
func (d *EmbedDialog) code() string {
	c := content.Default()
	q := ""
	if d.keepReaderView {
		v := d.Iview
		v.Extra = ""
		q = v.Query(c)
	}
	origin := app.Window().Get("location").Get("origin").String() + sitePrefix()
	return embed.Code(origin, embed.Options{View: d.view, Theme: d.theme}, q, Title+": "+d.view.Label())
}

// Render draws the button and, when open, the dialog.
func (d *EmbedDialog) Render() app.UI {
	return app.Div().Class("embed-dialog-box").Body(
		app.Button().ID("embed-open").Class("button").Type("button").
			Aria("expanded", d.open).Aria("controls", "embed-dialog").
			Text("Embed").OnClick(d.toggle),
		app.If(d.open, func() app.UI {
			views := embed.Views()
			themes := []embed.Theme{embed.Auto, embed.Light, embed.Dark}
			return app.Section().ID("embed-dialog").Class("panel embed-dialog").
				Role("dialog").Aria("labelledby", "embed-dialog-title").OnKeyDown(d.onKey).Body(
				app.H2().ID("embed-dialog-title").Text("Embed the explainer in your page"),
				app.FieldSet().Body(
					app.Legend().Text("What to show"),
					app.Range(views).Slice(func(i int) app.UI {
						v := views[i]
						id := "embed-view-" + string(v)
						return app.Label().For(id).Class("choice").Body(
							app.Input().Type("radio").ID(id).Name("embed-view").Value(string(v)).
								Checked(d.view == v).OnChange(d.onViewChange),
							app.Text(" "+v.Label()),
						)
					}),
				),
				app.Label().For("embed-keep").Class("choice").Body(
					app.Input().Type("checkbox").ID("embed-keep").Checked(d.keepReaderView).
						OnChange(func(ctx app.Context, e app.Event) {
							d.keepReaderView, d.copied = e.Get("target").Get("checked").Bool(), false
						}),
					app.Text(" Open on the reader's current view (date, event, state)"),
				),
				app.Label().For("embed-theme").Text("Colours "),
				app.Select().ID("embed-theme").OnChange(func(ctx app.Context, e app.Event) {
					d.theme, d.copied = embed.Theme(e.Get("target").Get("value").String()), false
				}).Body(
					app.Range(themes).Slice(func(i int) app.UI {
						t := themes[i]
						return app.Option().Value(string(t)).Selected(d.theme == t).Text(themeLabel(t))
					}),
				),
				app.Label().For("embed-code").Class("embed-code-label").Text("Embed code"),
				app.Textarea().ID("embed-code").Class("embed-code").ReadOnly(true).Rows(5).Text(d.code()),
				app.Div().Class("embed-actions").Body(
					app.Button().ID("embed-copy").Class("button").Type("button").Text("Copy code").OnClick(d.copy),
					app.Span().ID("embed-copied").Role("status").Text(copiedText(d.copied)),
					app.Button().ID("embed-close").Class("button").Type("button").Text("Close").OnClick(d.toggle),
				),
			)
		}),
	)
}

func themeLabel(t embed.Theme) string {
	switch t {
	case embed.Light:
		return "Light"
	case embed.Dark:
		return "Dark"
	}
	return "Follow the reader's setting"
}

func copiedText(copied bool) string {
	if copied {
		return "Copied."
	}
	return ""
}

func (d *EmbedDialog) toggle(ctx app.Context, e app.Event) {
	d.open, d.copied = !d.open, false
	if d.open {
		focusElement(ctx, "embed-view-"+string(d.view))
	} else {
		focusElement(ctx, "embed-open")
	}
}

func (d *EmbedDialog) onKey(ctx app.Context, e app.Event) {
	if e.Get("key").String() == "Escape" {
		e.PreventDefault()
		d.toggle(ctx, e)
	}
}

// copy puts the code on the clipboard; where the Clipboard API is missing
// or refused, it selects the code so the editor can copy it by hand.
func (d *EmbedDialog) copy(ctx app.Context, e app.Event) {
	code := d.code()
	area := app.Window().GetElementByID("embed-code")
	if area.Truthy() {
		area.Call("select")
	}
	clip := app.Window().Get("navigator").Get("clipboard")
	if !clip.Truthy() {
		return
	}
	clip.Call("writeText", code).Then(func(app.Value) {
		ctx.Dispatch(func(app.Context) { d.copied = true })
	})
}

// onViewChange takes the view whose radio button was chosen, by its value:
// go-app keeps the first render's handler on each button.
func (d *EmbedDialog) onViewChange(ctx app.Context, e app.Event) {
	value := e.Get("target").Get("value").String()
	for _, v := range embed.Views() {
		if string(v) == value {
			d.view, d.copied = v, false
		}
	}
}
