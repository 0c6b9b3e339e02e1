package components

import (
	"strings"
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/content"
	"explainer/app/view"
)

// sitePrefix is the URL path the site is served under ("" at a host's
// root), as go-app tells the client. On the server it is "": the server's
// resolver adds the prefix to every "/" path it writes, while the client's
// leaves paths alone, so both write the same hrefs. (go-app's handler also
// puts the prefix in the server's environment, for the last handler made:
// not to be read here.)
func sitePrefix() string {
	if app.IsServer {
		return ""
	}
	return clientPrefix()
}

// clientPrefix is read once: go-app's environment is fixed when the page
// loads, and each read is two calls into JavaScript, made for every href
// a render writes.
var clientPrefix = sync.OnceValue(func() string {
	return strings.TrimSuffix(app.Getenv("GOAPP_ROOT_PREFIX"), "/")
})

// sitePath is the site's path p ("/#sources", "/data/x.csv") as a link
// must give it, prefix included. Every root-relative href a component
// writes goes through it: the server's resolver would add the prefix
// anyway, but once the app runs go-app's client adds it only to /web/
// paths, which must not go through here.
func sitePath(p string) string {
	return sitePrefix() + p
}

// readView reads the view from a page's URL path (with the site's prefix)
// and query: the full page from either its canonical path or the query
// form of "/", the embed from its query.
func readView(path, rawQuery string) view.View {
	v, _ := view.ParsePath(strings.TrimPrefix(path, sitePrefix()), rawQuery, content.Default())
	return v
}

// viewURL is the address of view v within the site, prefix included: the
// canonical path of the full page (view.Path), or /embed's query for an
// embedded view.
func viewURL(v view.View) (path, rawQuery string) {
	if v.InEmbed {
		return "", v.Query(content.Default())
	}
	p, q, _ := strings.Cut(v.Path(content.Default()), "?")
	return sitePath(p), q
}

// navigate shows view v: it writes v into the page's URL and pushes a history
// entry, so Back and Forward walk the reader's path. The page component
// re-reads the URL in OnNav; nothing else holds the view.
func navigate(ctx app.Context, v view.View) {
	u := *ctx.Page().URL()
	p, q := viewURL(v)
	if p != "" {
		u.Path = p
	}
	u.RawQuery = q
	u.Fragment = ""
	ctx.NavigateTo(&u)
}

// normaliseURL rewrites the address bar to v's canonical URL when the
// reader's URL said it another way (the query form of a view with a path, a
// dropped value, a clamped date, a lower-case country), so that what they
// copy or share is what they see. It replaces the history entry rather
// than adding one: Back should not return to the form the reader typed.
func normaliseURL(v view.View) {
	loc := app.Window().Get("location")
	path, search := loc.Get("pathname").String(), loc.Get("search").String()
	p, q := viewURL(v)
	if p == "" {
		p = path
	}
	if q != "" {
		q = "?" + q
	}
	if p == path && q == search {
		return
	}
	h := app.Window().Get("history")
	h.Call("replaceState", h.Get("state"), "", p+q+loc.Get("hash").String())
}

// viewHref is the link to view v, for elements that should work as plain
// links before the wasm runs (or without it).
func viewHref(v view.View) string {
	p, q := viewURL(v)
	if q == "" {
		if p == "" {
			return "?"
		}
		return p
	}
	return p + "?" + q
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

// catchUpLinks sets *links to *v once the browser has drawn the frame
// that shows v and is idle, and updates the page for it: a page's links
// start from the reader's view, and as nobody sees an href, rewriting
// them can wait rather than slow the click's frame. Where the browser has
// no requestIdleCallback (Safari), a timer set from a
// requestAnimationFrame callback, which runs just before that frame,
// runs after it.
func catchUpLinks(ctx app.Context, links, v *view.View) {
	if *links == *v {
		return
	}
	var frame, task app.Func
	task = app.FuncOf(func(app.Value, []app.Value) any {
		task.Release()
		ctx.Dispatch(func(ctx app.Context) {
			if *links == *v { // a later choice's catch-up came first
				ctx.PreventUpdate()
				return
			}
			*links = *v
		})
		return nil
	})
	win := app.Window()
	if win.Get("requestIdleCallback").Truthy() {
		opts := win.Get("Object").New()
		opts.Set("timeout", 500) // ms: soon, even on a page kept busy
		win.Call("requestIdleCallback", task, opts)
		return
	}
	frame = app.FuncOf(func(app.Value, []app.Value) any {
		frame.Release()
		win.Call("setTimeout", task, 0)
		return nil
	})
	win.Call("requestAnimationFrame", frame)
}
