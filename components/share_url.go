package components

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/content"
	"explainer/app/view"
)

// shareURL is the address a share of view v gives: the full explainer's
// page for that view, at the address the reader reached the site by, from
// the page or from an embed alike. It is the one place that says which
// form of a view's URL is shared.
func shareURL(v view.View) string {
	loc := app.Window().Get("location")
	// Not location.origin: it is "null" in an iframe sandboxed without
	// allow-same-origin, where the host and scheme are still the site's.
	site := loc.Get("protocol").String() + "//" + loc.Get("host").String() + sitePrefix()
	return shareURLAt(site, v)
}

// shareURLAt is shareURL for the site at site (scheme, host and path
// prefix, no trailing "/"): the view's canonical path, whose page carries
// the view's own link preview. The embed's own parameters (view, theme,
// host ids) are left out: they describe the iframe, not the view.
func shareURLAt(site string, v view.View) string {
	v.Extra, v.InEmbed = "", false
	return site + v.Path(content.Default())
}
