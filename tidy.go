//go:build !wasm

package main

import (
	"bytes"
	"net/http"
	"strings"
)

// tidyHTML repairs two habits of go-app's prerenderer, so the first paint
// says what the client app says:
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
func tidyHTML(b []byte) []byte {
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

// tidyPages applies tidyHTML to the HTML pages next serves, and adds
// head(r) to each page's <head>: markup that depends on the request, which
// go-app's handler cannot vary by page.
func tidyPages(next http.Handler, head func(*http.Request) string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &bufferedResponse{header: http.Header{}}
		next.ServeHTTP(rec, r)
		body := rec.body.Bytes()
		if strings.HasPrefix(rec.header.Get("Content-Type"), "text/html") {
			body = tidyHTML(body)
			if head != nil {
				body = bytes.Replace(body, []byte("</head>"), []byte(head(r)+"</head>"), 1)
			}
			rec.header.Set("Content-Type", "text/html; charset=utf-8")
		}
		// As it is: the page cache around this handler gzips, once per
		// cached page; gzipping here as well would hand it gzip to gzip.
		rec.send(w, r, plainBody(body))
	})
}

// bufferedResponse holds a response so it can be rewritten before sending.
type bufferedResponse struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (b *bufferedResponse) Header() http.Header { return b.header }

func (b *bufferedResponse) WriteHeader(status int) {
	if b.status == 0 {
		b.status = status
	}
}

// send writes the held response to w with body in place of the held one,
// through sendBody: headers, the status (200 if none was set), and the
// body in the coding r accepts, with its Content-Length, unless the
// request was HEAD.
func (b *bufferedResponse) send(w http.ResponseWriter, r *http.Request, body encodedBody) {
	sendBody(w, r, b.header, b.status, body)
}

func (b *bufferedResponse) Write(p []byte) (int, error) {
	if b.status == 0 {
		b.status = http.StatusOK
	}
	return b.body.Write(p)
}
