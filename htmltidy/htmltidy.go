// Package htmltidy repairs the HTML that go-app's encoder writes: its
// indentation, which adds spaces between inline elements, and its bare
// ARIA attributes. It works on bytes, with no HTML parser, so the client
// can use it as well as the server.
package htmltidy

import "bytes"

// Tidy repairs two habits of go-app's HTML encoder, so that HTML it wrote
// (the server's prerendered pages, the client's static pieces) reads as
// the client app's own elements do:
//
//   - It puts every node on its own line, indented two spaces a level.
//     Between inline elements that is not neutral: "Armenia</a>\n   , on"
//     reads "Armenia , on". Each line break goes, with exactly the
//     indentation of its level; spaces beyond that belong to the text
//     ("</a>\n     has decided" keeps " has decided"). Content text never
//     holds a line break (the story parser joins lines) and attribute values
//     are quoted with line breaks escaped, so every "\n" is formatting.
//   - It writes an attribute whose value is "true" bare. For ARIA that
//     changes the meaning: a bare aria-hidden is aria-hidden="", which is
//     not "true". Inside tags, a bare aria-* attribute gets ="true" back.
func Tidy(b []byte) []byte {
	out := make([]byte, 0, len(b)+len(b)/50)
	inTag, closing, void := false, false, false
	var quote byte
	depth := 0 // elements open at this point
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\n' && !inTag:
			n := 0
			for i+1+n < len(b) && b[i+1+n] == ' ' {
				n++
			}
			level := depth
			if bytes.HasPrefix(b[i+1+n:], []byte("</")) {
				level--
			}
			i += min(n, 2*max(level, 0))
			continue
		case !inTag && c == '<' && i+1 < len(b) && (isASCIILetter(b[i+1]) || b[i+1] == '/'):
			inTag, closing = true, b[i+1] == '/'
			j := i + 1
			if closing {
				j++
			}
			k := j
			for k < len(b) && (isASCIILetter(b[k]) || b[k] >= '0' && b[k] <= '9') {
				k++
			}
			void = voidElements[string(bytes.ToLower(b[j:k]))]
		case inTag && (c == '"' || c == '\''):
			quote = c
		case inTag && c == '>':
			inTag = false
			switch {
			case closing:
				depth--
			case !void && b[i-1] != '/':
				depth++
			}
		case inTag && c == ' ' && bytes.HasPrefix(b[i+1:], []byte("aria-")):
			end := i + 1 + len("aria-")
			for end < len(b) && (b[end] >= 'a' && b[end] <= 'z' || b[end] == '-') {
				end++
			}
			if end < len(b) && (b[end] == ' ' || b[end] == '>' || b[end] == '/') {
				out = append(out, b[i:end]...)
				out = append(out, `="true"`...)
				i = end - 1
				continue
			}
		}
		out = append(out, c)
	}
	// Keep the doctype on its own line, as browsers and people expect.
	return bytes.Replace(out, []byte("<!doctype html>"), []byte("<!doctype html>\n"), 1)
}

// voidElements have no closing tag, so they open no level of indentation.
var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true,
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
