// Package richtext reads the small HTML that newsroom editors put in a
// TimelineJS sheet's Text and Headline cells (paragraphs, links, bold) into
// a tree of allowed nodes, so the page can show it as they wrote it without
// ever running it.
//
// The tree is the only form the UI gets: both the server's prerendered page
// and the client build their elements from it, so neither ever parses an
// editor's string as HTML. The allowlist is
//
//	p, br, b, strong, i, em, ul, ol, li, blockquote, and a with an
//	absolute http or https href
//
// Any other tag, every attribute but a's href, comments and doctype-like
// markup are dropped while the text inside them is kept; script, style and
// the other elements whose contents a browser never shows as text lose
// their contents too. The parser is a small tokenizer of its own, not
// golang.org/x/net/html: the tree it builds must be tiny in the wasm, and
// it need not repair all of HTML, only keep what it keeps well nested, so
// that the HTML the server writes from the tree reads back as the same tree
// in the browser.
package richtext

import (
	"net/url"
	"strings"
)

// Node is text (Tag empty) or an allowed element with its children.
type Node struct {
	Tag  string // one of the allowed tags in lower case, or "" for text
	Text string // a text node's characters, entities decoded
	Href string // an a element's absolute http(s) address
	Kids []Node
}

// Text is a cell read into nodes. The zero Text is empty.
type Text []Node

// maxDepth bounds nesting, so a hostile cell cannot make rendering recurse
// without end; tags deeper than this are dropped and their text kept.
const maxDepth = 16

// allowed are the elements kept.
var allowed = map[string]bool{
	"p": true, "br": true, "a": true, "b": true, "strong": true, "i": true, "em": true,
	"ul": true, "ol": true, "li": true, "blockquote": true,
}

// blocks close an open p, as the HTML parser does: a p cannot hold them.
var blocks = map[string]bool{"p": true, "ul": true, "ol": true, "li": true, "blockquote": true}

// dropContents are elements whose contents are code, not words, or that a
// browser never shows as text where they stand.
var dropContents = map[string]bool{
	"script": true, "style": true, "template": true, "iframe": true, "noembed": true,
	"noframes": true, "noscript": true, "xmp": true, "object": true, "svg": true, "math": true,
}

// Parse reads a cell's HTML. It accepts anything: what it does not allow
// it drops, keeping the words.
func Parse(s string) Text {
	b := builder{}
	for len(s) > 0 {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.text(decode(s))
			break
		}
		if i > 0 {
			b.text(decode(s[:i]))
			s = s[i:]
		}
		// s starts with '<'.
		switch {
		case strings.HasPrefix(s, "<!--"):
			end := strings.Index(s[4:], "-->")
			if end < 0 {
				return b.done()
			}
			s = s[4+end+3:]
		case len(s) > 1 && (s[1] == '!' || s[1] == '?'):
			s = skipPast(s, '>')
		case len(s) > 2 && s[1] == '/' && isLetter(s[2]):
			name, rest := tagName(s[2:])
			b.end(name)
			s = skipPast(rest, '>')
		case len(s) > 1 && isLetter(s[1]):
			name, rest := tagName(s[1:])
			attrs, rest, closed := attributes(rest)
			s = rest
			if !closed {
				// A browser drops a tag the text ends inside.
				return b.done()
			}
			if dropContents[name] {
				s = skipElement(s, name)
				continue
			}
			b.start(name, attrs)
		case len(s) > 1 && s[1] == '/':
			// "</>" and "</ ..." are bogus markup to a browser: dropped.
			s = skipPast(s, '>')
		default:
			// A '<' that starts no tag ("a < b") is text.
			b.text("<")
			s = s[1:]
		}
	}
	return b.done()
}

// Plain returns the text's words without markup: each paragraph, list
// item, quotation and line break separated by a space.
func (t Text) Plain() string {
	var b strings.Builder
	var walk func(ns []Node)
	walk = func(ns []Node) {
		for _, n := range ns {
			if n.Tag == "" {
				b.WriteString(n.Text)
				continue
			}
			if n.Tag == "br" || blocks[n.Tag] {
				b.WriteByte(' ')
			}
			walk(n.Kids)
			if blocks[n.Tag] {
				b.WriteByte(' ')
			}
		}
	}
	walk(t)
	return strings.Join(strings.Fields(b.String()), " ")
}

// IsEmpty reports whether the text has no words.
func (t Text) IsEmpty() bool { return strings.TrimSpace(t.Plain()) == "" }

// HasBlocks reports whether the text is in paragraphs, lists or
// quotations, rather than a run of words: such text cannot sit inside a p.
func (t Text) HasBlocks() bool {
	for _, n := range t {
		if blocks[n.Tag] {
			return true
		}
	}
	return false
}

// builder assembles the tree, keeping it well nested.
type builder struct {
	root  Node
	stack []*Node // open elements, innermost last; root is below them
}

func (b *builder) top() *Node {
	if len(b.stack) == 0 {
		return &b.root
	}
	return b.stack[len(b.stack)-1]
}

func (b *builder) text(s string) {
	// A browser drops NUL from markup it reads, so the server's page of
	// the tree would not read back as the tree.
	// It also reads every CR or CRLF as LF.
	s = strings.ReplaceAll(s, "\x00", "\uFFFD")
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	if s == "" {
		return
	}
	p := b.top()
	if k := len(p.Kids); k > 0 && p.Kids[k-1].Tag == "" {
		p.Kids[k-1].Text += s
		return
	}
	p.Kids = append(p.Kids, Node{Text: s})
}

// open returns the depth of the innermost open element named tag, or -1.
func (b *builder) open(tag string) int {
	for i := len(b.stack) - 1; i >= 0; i-- {
		if b.stack[i].Tag == tag {
			return i
		}
	}
	return -1
}

func (b *builder) start(tag string, attrs map[string]string) {
	if !allowed[tag] || len(b.stack) >= maxDepth {
		return
	}
	n := Node{Tag: tag}
	switch tag {
	case "a":
		href, ok := safeHref(attrs["href"])
		if !ok || b.open("a") >= 0 {
			// A link inside a link is not HTML; an address that is not
			// http(s) could run script. The words stay.
			return
		}
		n.Href = href
	case "li":
		list := max(b.open("ul"), b.open("ol"))
		if list < 0 {
			return
		}
		if i := b.open("li"); i > list {
			b.stack = b.stack[:i]
		}
	}
	if blocks[tag] {
		if i := b.open("p"); i >= 0 {
			b.stack = b.stack[:i]
		}
	}
	p := b.top()
	p.Kids = append(p.Kids, n)
	if tag == "br" {
		return
	}
	b.stack = append(b.stack, &p.Kids[len(p.Kids)-1])
}

func (b *builder) end(tag string) {
	if i := b.open(tag); i >= 0 {
		b.stack = b.stack[:i]
	}
}

func (b *builder) done() Text {
	return Text(b.root.Kids)
}

// safeHref returns an a's address if it is an absolute http or https URL,
// re-encoded so that nothing in it can end the attribute.
func safeHref(raw string) (string, bool) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return "", false
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.User != nil {
		return "", false
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
	default:
		return "", false
	}
	u.Scheme = strings.ToLower(u.Scheme)
	return u.String(), true
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// tagName reads a tag's name, lower-cased, up to space, '/' or '>'.
func tagName(s string) (string, string) {
	i := 0
	for i < len(s) && !isSpace(s[i]) && s[i] != '/' && s[i] != '>' {
		i++
	}
	return asciiLower(s[:i]), s[i:]
}

// asciiLower lower-cases ASCII letters only, so that offsets into the
// result are offsets into s, as Unicode case mapping may change lengths.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// attributes reads a start tag's attributes up to and past its '>', and
// reports whether there was one. Values may be in double or single quotes
// or bare; names are lower-cased; the first of a repeated name wins, as in
// browsers.
func attributes(s string) (map[string]string, string, bool) {
	var attrs map[string]string
	for {
		for len(s) > 0 && (isSpace(s[0]) || s[0] == '/') {
			s = s[1:]
		}
		if len(s) == 0 {
			return attrs, s, false
		}
		if s[0] == '>' {
			return attrs, s[1:], true
		}
		i := 1 // a name may start with '=' and may hold quotes
		for i < len(s) && !isSpace(s[i]) && s[i] != '/' && s[i] != '>' && s[i] != '=' {
			i++
		}
		name := asciiLower(s[:i])
		s = s[i:]
		for len(s) > 0 && isSpace(s[0]) {
			s = s[1:]
		}
		value := ""
		if len(s) > 0 && s[0] == '=' {
			s = s[1:]
			for len(s) > 0 && isSpace(s[0]) {
				s = s[1:]
			}
			if len(s) > 0 && (s[0] == '"' || s[0] == '\'') {
				q := s[0]
				end := strings.IndexByte(s[1:], q)
				if end < 0 {
					// An unclosed quote swallows the rest, as in browsers.
					return attrs, "", false
				}
				value, s = s[1:1+end], s[2+end:]
			} else {
				j := 0
				for j < len(s) && !isSpace(s[j]) && s[j] != '>' {
					j++
				}
				value, s = s[:j], s[j:]
			}
		}
		if attrs == nil {
			attrs = make(map[string]string)
		}
		if _, seen := attrs[name]; !seen {
			attrs[name] = decode(value)
		}
	}
}

// skipPast returns s after its first c, or "" if there is none.
func skipPast(s string, c byte) string {
	if i := strings.IndexByte(s, c); i >= 0 {
		return s[i+1:]
	}
	return ""
}

// skipElement returns s after the end tag of the element named, which a
// browser looks for, case-insensitively, as the only way out of it.
func skipElement(s, name string) string {
	lower := asciiLower(s)
	for from := 0; ; {
		i := strings.Index(lower[from:], "</"+name)
		if i < 0 {
			return ""
		}
		at := from + i + 2 + len(name)
		if at == len(s) || isSpace(s[at]) || s[at] == '/' || s[at] == '>' {
			return skipPast(s[at:], '>')
		}
		from = at
	}
}
