package components

import (
	"strings"

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

// normaliseURL rewrites the address bar to v's canonical query when the
// reader's URL said it another way (a dropped value, a clamped date, a
// lower-case country), so that what they copy or share is what they see.
// It replaces the history entry rather than adding one: Back should not
// return to the form the reader typed.
func normaliseURL(v view.View) {
	loc := app.Window().Get("location")
	raw := strings.TrimPrefix(loc.Get("search").String(), "?")
	q := v.Query(content.Default())
	if q == raw {
		return
	}
	u := loc.Get("pathname").String()
	if q != "" {
		u += "?" + q
	}
	u += loc.Get("hash").String()
	h := app.Window().Get("history")
	h.Call("replaceState", h.Get("state"), "", u)
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
