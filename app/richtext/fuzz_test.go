package richtext

import (
	"html"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse holds the sanitiser to its promises for any cell: only allowed
// tags, only absolute http(s) addresses, no link in a link, no block in a
// p, a bounded depth; the tree's HTML reads back as the same tree (so the
// browser sees what the server meant); and words an editor wrote are kept.
func FuzzParse(f *testing.F) {
	f.Add(`<p>Six states sign the <a href="https://example.org/">treaty</a>.</p>`, "Tashkent & co")
	f.Add(`<a href="javascript:alert(1)"><img src=x onerror=alert(1)>x</a>`, "<b>")
	f.Add("<script>alert(1)</script><ul><li>a<li>b</ul><p>x<blockquote>q", "1 < 2")
	f.Add(`<A HREF=HTTP://x.example/?a="b>c</a><!--`, "&amp;")
	f.Fuzz(func(t *testing.T, cell, words string) {
		tree := Parse(cell)
		check(t, tree, 0, false, false)
		if again := Parse(HTML(tree)); HTML(again) != HTML(tree) {
			t.Fatalf("the tree's HTML reads back differently:\n%s\n%s", HTML(tree), HTML(again))
		}
		if !utf8.ValidString(words) || strings.ContainsAny(words, "\x00\r") {
			return
		}
		// Words in allowed and dropped markup are kept, whatever they hold.
		wrapped := "<p><b>" + html.EscapeString(words) + "</b></p><div onclick=x><script>gone</script>"
		if got := text(Parse(wrapped)); got != words {
			t.Fatalf("words %q came out as %q", words, got)
		}
	})
}

func check(t *testing.T, ns []Node, depth int, inA, inP bool) {
	t.Helper()
	if depth > maxDepth {
		t.Fatalf("nested %d deep", depth)
	}
	for _, n := range ns {
		if n.Tag == "" {
			if n.Text == "" || n.Href != "" || len(n.Kids) > 0 {
				t.Fatalf("bad text node %+v", n)
			}
			continue
		}
		if !allowed[n.Tag] || n.Text != "" {
			t.Fatalf("bad element %+v", n)
		}
		if n.Tag == "a" {
			u, err := url.Parse(n.Href)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || inA {
				t.Fatalf("bad link %q (inside a link: %v)", n.Href, inA)
			}
		} else if n.Href != "" {
			t.Fatalf("href on %s", n.Tag)
		}
		if inP && blocks[n.Tag] {
			t.Fatalf("%s inside a p", n.Tag)
		}
		if n.Tag == "br" && len(n.Kids) > 0 {
			t.Fatal("br with children")
		}
		check(t, n.Kids, depth+1, inA || n.Tag == "a", inP || n.Tag == "p")
	}
}

func text(ns []Node) string {
	var b strings.Builder
	for _, n := range ns {
		b.WriteString(n.Text)
		b.WriteString(text(n.Kids))
	}
	return b.String()
}
