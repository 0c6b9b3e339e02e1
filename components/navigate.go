package components

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/content"
	"explainer/app/view"
)

// navigate shows view v: it writes v into the page's URL and pushes a history
// entry, so Back and Forward walk the reader's path. The page component
// re-reads the URL in OnNav; nothing else holds the view.
func navigate(ctx app.Context, v view.View) {
	u := *ctx.Page().URL()
	u.RawQuery = v.Query(content.Default())
	u.Fragment = ""
	ctx.NavigateTo(&u)
}

// viewHref is the link to view v from the current page, for elements that
// should work as plain links before the wasm runs (or without it).
func viewHref(v view.View) string {
	q := v.Query(content.Default())
	if q == "" {
		return "?"
	}
	return "?" + q
}

// focusElement moves keyboard focus to the element with that id, once the
// current render is in the DOM.
func focusElement(ctx app.Context, id string) {
	ctx.Defer(func(app.Context) {
		if el := app.Window().GetElementByID(id); el.Truthy() {
			el.Call("focus")
		}
	})
}
