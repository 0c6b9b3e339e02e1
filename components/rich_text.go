package components

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/richtext"
)

// richText builds the elements of sanitised rich text: the same elements on
// the server and in the browser, and never an editor's string parsed as
// HTML (no app.Raw).
func richText(t richtext.Text) []app.UI {
	out := make([]app.UI, 0, len(t))
	for _, n := range t {
		out = append(out, richNode(n))
	}
	return out
}

func richNode(n richtext.Node) app.UI {
	kids := func() []app.UI { return richText(n.Kids) }
	switch n.Tag {
	case "":
		return app.Text(n.Text)
	case "a":
		// Links leave the explainer: a new tab, and the other site gets
		// neither a handle on this page nor its address.
		// Readers of a screen are told, as with the sources' links.
		return app.A().Href(n.Href).Target("_blank").Rel("noopener noreferrer").Body(
			append(kids(), app.Span().Class("visually-hidden").Text(" (opens in a new tab)"))...)
	case "p":
		return app.P().Body(kids()...)
	case "ul":
		return app.Ul().Body(kids()...)
	case "ol":
		return app.Ol().Body(kids()...)
	case "li":
		return app.Li().Body(kids()...)
	case "br":
		return app.ElemSelfClosing("br")
	case "b", "strong", "i", "em", "blockquote":
		// One generic element type for tags the page uses nowhere else:
		// each of go-app's own costs the wasm a few kilobytes.
		return app.Elem(n.Tag).Body(kids()...)
	}
	// The parser keeps no other tag; should it ever, the words still show.
	return app.Span().Body(kids()...)
}

// richBlock holds rich text in a p when it is a run of words, or in a div
// when it has paragraphs or lists of its own, which a p cannot hold.
func richBlock(class string, t richtext.Text) app.UI {
	if t.HasBlocks() {
		return app.Div().Class(class).Body(richText(t)...)
	}
	return app.P().Class(class).Body(richText(t)...)
}
