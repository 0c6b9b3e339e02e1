package server

import (
	"bytes"
	"html"
	"net/http"
	"strconv"
	"strings"

	"explainer/app/content"
	"explainer/app/embed"
	"explainer/app/share"
	"explainer/app/view"
)

// Share cards are the size the large link previews of Facebook, X,
// LinkedIn and Slack are drawn at: 1.91:1.
const (
	cardWidth  = 1200
	cardHeight = 630
)

// viewHead is the link preview of the page r asks for (canonicalPages has
// made its URL canonical): the canonical link, Open Graph and Twitter
// tags, every address absolute. An embed previews as the full page of its
// view, which is what a reader who shares it should land on.
func viewHead(s site, r *http.Request) string {
	c := content.Default()
	var v view.View
	if r.URL.Path == embed.Path {
		v = view.Parse(r.URL.RawQuery, c)
	} else {
		v, _ = view.ParsePath(r.URL.Path, r.URL.RawQuery, c)
	}
	v.Extra = ""
	m := share.For(v, c)
	base := s.base(r)
	page := share.PageURL(base, v, c)
	card := base + share.CardPath(v, c)

	var b strings.Builder
	link := func(rel, href string) {
		b.WriteString(`<link rel="` + rel + `" href="` + html.EscapeString(href) + `">`)
	}
	meta := func(attr, name, value string) {
		b.WriteString(`<meta ` + attr + `="` + name + `" content="` + html.EscapeString(value) + `">`)
	}
	link("canonical", page)
	meta("property", "og:type", "website")
	meta("property", "og:site_name", share.SiteName)
	meta("property", "og:url", page)
	meta("property", "og:title", m.Title)
	meta("property", "og:description", m.Description)
	meta("property", "og:image", card)
	meta("property", "og:image:type", "image/png")
	meta("property", "og:image:width", strconv.Itoa(cardWidth))
	meta("property", "og:image:height", strconv.Itoa(cardHeight))
	meta("property", "og:image:alt", m.ImageAlt)
	// X reads og: tags for what it lacks, but its card type and the image's
	// alt text have no og: equivalent it honours.
	meta("name", "twitter:card", "summary_large_image")
	meta("name", "twitter:image:alt", m.ImageAlt)
	return b.String()
}

// withoutGoAppPreview removes the Open Graph tags go-app writes into every
// page's head: one title and image for all views, and an og:url of
// "https://" plus Handler.Domain, which has no scheme choice and no view.
// viewHead writes the page's own instead. go-app's encoder writes them as
// <meta content="..." property="og:...">, attributes sorted and values
// escaped (so no ">" inside a tag).
func withoutGoAppPreview(page []byte) []byte {
	end := bytes.Index(page, []byte("</head>"))
	if end < 0 {
		return page
	}
	var out bytes.Buffer
	out.Grow(len(page))
	rest := page
	for {
		i := bytes.Index(rest[:end], []byte("<meta "))
		if i < 0 {
			break
		}
		j := bytes.IndexByte(rest[i:end], '>')
		if j < 0 {
			break
		}
		tag := rest[i : i+j+1]
		out.Write(rest[:i])
		if !bytes.Contains(tag, []byte(` property="og:`)) {
			out.Write(tag)
		}
		rest, end = rest[i+j+1:], end-(i+j+1)
	}
	out.Write(rest)
	return out.Bytes()
}
