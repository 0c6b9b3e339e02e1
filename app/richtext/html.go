package richtext

import (
	"html"
	"strings"
)

// HTML writes t back as the HTML its tree stands for: the allowed tags,
// text and links escaped, so Parse reads it back as the same tree. It is
// how the data files and TimelineJS get a sheet's formatting again; the
// page itself renders the tree as elements, never as HTML.
func HTML(t Text) string {
	var b strings.Builder
	var walk func(ns []Node)
	walk = func(ns []Node) {
		for _, n := range ns {
			switch n.Tag {
			case "":
				b.WriteString(html.EscapeString(n.Text))
			case "br":
				b.WriteString("<br>")
			case "a":
				b.WriteString(`<a href="` + html.EscapeString(n.Href) + `">`)
				walk(n.Kids)
				b.WriteString("</a>")
			default:
				b.WriteString("<" + n.Tag + ">")
				walk(n.Kids)
				b.WriteString("</" + n.Tag + ">")
			}
		}
	}
	walk(t)
	return b.String()
}
