package server

import (
	"bytes"
	"net/http"
	"strings"
)

// withPageHead adds head(r) to the <head> of each HTML page next serves:
// markup that depends on the request, which go-app's handler cannot vary
// by page. A nil head adds nothing.
func withPageHead(next http.Handler, head func(*http.Request) string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &bufferedResponse{header: http.Header{}}
		next.ServeHTTP(rec, r)
		body := rec.body.Bytes()
		if strings.HasPrefix(rec.header.Get("Content-Type"), "text/html") {
			if head != nil {
				body = bytes.Replace(withoutGoAppPreview(body), []byte("</head>"), []byte(head(r)+"</head>"), 1)
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
