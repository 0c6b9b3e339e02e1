package server

import (
	"bytes"
	"net/http"
	"slices"
	"strings"

	"explainer/htmltidy"
)

// tidyPages applies htmltidy.Tidy to the HTML pages next serves, and adds
// head(r) to each page's <head>: markup that depends on the request, which
// go-app's handler cannot vary by page.
func tidyPages(next http.Handler, head func(*http.Request) string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &bufferedResponse{header: http.Header{}}
		next.ServeHTTP(rec, r)
		body := rec.body.Bytes()
		if strings.HasPrefix(rec.header.Get("Content-Type"), "text/html") {
			body = htmltidy.Tidy(body)
			body = lazyLoaderIcon(body)
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

// lazyLoaderIcon marks go-app's loader icon loading="lazy". go-app's
// loader shows an icon; the explainer's loader is a thin bar with no icon
// (explainer.css hides it), so the icon would be 8 KB downloaded for
// nothing, and a lazy image that is never rendered is never loaded. go-app
// writes attributes in no fixed order, so the image is found by its id.
// A page without the icon is returned as it is.
func lazyLoaderIcon(page []byte) []byte {
	id := bytes.Index(page, []byte(`id="app-wasm-loader-icon"`))
	if id < 0 {
		return page
	}
	img := bytes.LastIndex(page[:id], []byte("<img "))
	if img < 0 || bytes.IndexByte(page[img:id], '>') >= 0 {
		return page
	}
	at := img + len("<img ")
	return slices.Concat(page[:at], []byte(`loading="lazy" `), page[at:])
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
