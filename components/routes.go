// Package components holds the explainer's go-app components: the page
// shell, the article, the map, the timeline and the pieces they share.
//
// Components render what the core (app/...) decides; they hold no business
// rules of their own. Each file holds one component.
package components

import (
	"slices"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/embed"
	"explainer/app/view"
)

// pages maps each page's path to its component.
var pages = map[string]func() app.Composer{
	"/":        func() app.Composer { return NewPage() },
	embed.Path: func() app.Composer { return NewEmbedPage() },
}

// Routes registers the explainer's pages with go-app. Both the server
// (for prerendering) and the browser (for the client app) call it.
func Routes() {
	for path, page := range pages {
		app.Route(path, page)
	}
	// A view with a subject has a path of its own (view.Path); the page
	// reads the view from it.
	for _, prefix := range []string{view.PathEvent, view.PathCountry, view.PathAt} {
		app.RouteWithPrefix(prefix, pages["/"])
	}
}

// Paths lists the pages' fixed paths, sorted; the views' paths (see
// view.Path) are the export's to list.
func Paths() []string {
	paths := make([]string, 0, len(pages))
	for p := range pages {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	return paths
}

// IsPage reports whether path is one of the pages, a view's path included:
// a cheap test for every request, unlike sorting Paths.
func IsPage(path string) bool {
	_, ok := pages[path]
	return ok || view.IsPath(path)
}
