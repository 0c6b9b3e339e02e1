// Package embed describes the explainer as news pages carry it: the embed
// views and their options, read from and written to the iframe's URL, and
// the HTML an editor pastes (the embed code, and oEmbed's "html").
package embed

import (
	"html"
	"net/url"
	"strconv"
	"strings"
)

// Path is the embed route.
const Path = "/embed"

// View is which part of the explainer an embed shows.
type View string

// The embed views.
const (
	All      View = "all"
	Map      View = "map"
	Timeline View = "timeline"
	Article  View = "article"
)

// Views lists the views in the order an editor picks from.
func Views() []View { return []View{All, Map, Timeline, Article} }

// Label names a view for editors.
func (v View) Label() string {
	switch v {
	case Map:
		return "Membership map"
	case Timeline:
		return "Timeline"
	case Article:
		return "Article"
	}
	return "Everything"
}

// Height is a view's starting height in CSS pixels, before the embed has
// measured itself and told its host.
func (v View) Height() int {
	switch v {
	case Map:
		return 900
	case Timeline:
		return 800
	case Article:
		return 1600
	}
	return 2000
}

// Shows reports whether the view includes a part ("map", "timeline",
// "article").
func (v View) Shows(part View) bool { return v == All || v == part }

// Theme is the embed's colour scheme.
type Theme string

// The themes; Auto follows the reader's system setting.
const (
	Auto  Theme = "auto"
	Light Theme = "light"
	Dark  Theme = "dark"
)

// Query parameter names of the embed options. Pym.js adds childId itself.
const (
	ParamView    = "view"
	ParamTheme   = "theme"
	ParamChildID = "childId" // Pym.js child id: height messages go to that parent
	ParamEmbedID = "embedId" // key of Datawrapper-style height messages; also in the iframe URL
)

// Options are an embed's settings.
type Options struct {
	View    View
	Theme   Theme
	ChildID string
	EmbedID string
}

// maxID bounds the ids a host puts in the URL.
const maxID = 64

// Parse reads the options from a query string. Unknown or malformed values
// fall back to the defaults (everything, auto theme, no ids).
func Parse(rawQuery string) Options {
	q, _ := url.ParseQuery(rawQuery)
	o := Options{View: All, Theme: Auto}
	switch v := View(q.Get(ParamView)); v {
	case All, Map, Timeline, Article:
		o.View = v
	}
	switch t := Theme(q.Get(ParamTheme)); t {
	case Light, Dark:
		o.Theme = t
	}
	if id := q.Get(ParamChildID); validID(id) {
		o.ChildID = id
	}
	if id := q.Get(ParamEmbedID); validID(id) {
		o.EmbedID = id
	}
	return o
}

// validID accepts ids a host page would make: letters, digits, "-" and "_".
func validID(id string) bool {
	if id == "" || len(id) > maxID {
		return false
	}
	for _, c := range id {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// Query encodes the options that differ from the defaults.
func (o Options) Query() string {
	q := url.Values{}
	if o.View != "" && o.View != All {
		q.Set(ParamView, string(o.View))
	}
	if o.Theme != "" && o.Theme != Auto {
		q.Set(ParamTheme, string(o.Theme))
	}
	if o.EmbedID != "" {
		q.Set(ParamEmbedID, o.EmbedID)
	}
	if o.ChildID != "" {
		q.Set(ParamChildID, o.ChildID)
	}
	return q.Encode()
}

// URL is the iframe's address: origin (e.g. "https://example.org" plus any
// sub-path), the embed route, the options and the reader's view (viewQuery,
// as view.View.Query writes it).
func URL(origin string, o Options, viewQuery string) string {
	q := joinQuery(viewQuery, o.Query())
	u := strings.TrimRight(origin, "/") + Path
	if q != "" {
		u += "?" + q
	}
	return u
}

func joinQuery(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "&" + b
}

// IFrame is the iframe for an embed: titled for screen readers, lazily
// loaded, full width, at the view's starting height, and allowed the
// clipboard and the system's share sheet, which its Share button uses.
// Every value is escaped for its attribute.
func IFrame(src, title string, height int) string {
	return `<iframe src="` + html.EscapeString(src) + `" title="` + html.EscapeString(title) +
		`" loading="lazy" width="100%" height="` + strconv.Itoa(height) +
		`" style="border:0;width:100%;max-width:100%" allow="clipboard-write; web-share"></iframe>`
}

// Code is the embed code an editor pastes: the iframe and our small script
// that sizes it from the embed's height messages.
func Code(origin string, o Options, viewQuery, title string) string {
	src := URL(origin, o, viewQuery)
	return IFrame(src, title, o.View.Height()) + "\n" +
		`<script async src="` + html.EscapeString(strings.TrimRight(origin, "/")+"/web/embed.js") + `"></script>`
}
