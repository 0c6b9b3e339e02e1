package server

import (
	"bytes"
	"compress/gzip"
	"mime"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// minGzipSize is the smallest body worth gzipping: below about a kilobyte
// the saving is a few hundred bytes at most, less than the CPU and the
// 18 bytes of gzip framing are worth.
const minGzipSize = 1024

// gzipLevel trades the CPU of a page cache miss against the bytes of
// every hit. On the 100 KB page, gzip's default (6) saves 0.6% over
// level 5 but takes half as long again, longer than rendering the page;
// level 4 is faster still but 3% bigger.
const gzipLevel = 5

// gzipWriters recycles gzip writers: each holds about a megabyte of
// compressor state, too much to allocate for every response.
var gzipWriters = sync.Pool{New: func() any {
	zw, _ := gzip.NewWriterLevel(nil, gzipLevel) // the level is valid
	return zw
}}

// encodedBody is a response body as it is and, when that is worth sending,
// gzipped. It is made once per body and is read-only afterwards, so a
// cached one serves any number of requests, in either coding, without
// compressing again.
type encodedBody struct {
	plain []byte
	gzip  []byte // nil: the body is always sent as it is
}

// size is the memory the body holds, in both codings.
func (e encodedBody) size() int { return len(e.plain) + len(e.gzip) }

// plainBody is a body that is never compressed.
func plainBody(b []byte) encodedBody { return encodedBody{plain: b} }

// GzipForm is body gzipped as the server sends it to a client that takes
// gzip, or nil where it sends the body as it is (see encodeBody). make
// bench-peer serves go-app's hello world, its floor, by the same rule.
func GzipForm(header http.Header, body []byte) []byte { return encodeBody(header, body).gzip }

// encodeBody gzips body, at gzipLevel, if the response header
// says it is text (see compressible) and it is at least minGzipSize.
// Bodies that already have a Content-Encoding, other media types (images
// and fonts are compressed already) and bodies gzip would not shrink stay
// as they are.
func encodeBody(header http.Header, body []byte) encodedBody {
	e := plainBody(body)
	if len(body) < minGzipSize || header.Get("Content-Encoding") != "" || !compressible(header.Get("Content-Type")) {
		return e
	}
	var buf bytes.Buffer
	buf.Grow(len(body) / 3) // text gzips to about a quarter or a third
	zw := gzipWriters.Get().(*gzip.Writer)
	zw.Reset(&buf)
	zw.Write(body) // a bytes.Buffer does not fail
	zw.Close()
	gzipWriters.Put(zw)
	if buf.Len() < len(body) {
		e.gzip = buf.Bytes()
	}
	return e
}

// compressible reports whether a Content-Type is text that gzip shrinks:
// HTML, CSS, JavaScript, JSON (the manifest and oEmbed among it), SVG.
func compressible(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return false
	}
	switch {
	case strings.HasPrefix(mt, "text/"), strings.HasSuffix(mt, "+json"), strings.HasSuffix(mt, "+xml"):
		return true
	}
	switch mt {
	case "application/javascript", "application/json", "application/xml":
		return true
	}
	return false
}

// sendBody writes a response to w: header, then status (200 if 0), then
// body in the coding r accepts: gzipped with Content-Encoding if it has a
// gzip form and Accept-Encoding allows gzip (a q=0 refusal is honoured),
// otherwise as it is. Content-Length is that of the bytes sent, also for
// HEAD, which gets the headers of the GET without its body.
//
// Vary: Accept-Encoding goes on every response that has a gzip form, in
// either coding, so a shared cache keeps the two apart; and on every 304,
// which must carry the Vary of the 200 it stands for (RFC 9110, 15.4.5)
// but has no body here to tell.
//
// The ETag stays the one go-app set, in both codings. go-app answers
// If-None-Match with a 304 only for that tag, byte for byte; a tag per
// coding would turn every revalidation of a gzipped response into a full
// one. A browser keeps one coding of a URL, and Vary keeps shared caches
// from mixing them.
//
// header is only read, never changed, so a cached one can be passed.
func sendBody(w http.ResponseWriter, r *http.Request, header http.Header, status int, body encodedBody) {
	h := w.Header()
	for k, v := range header {
		h[k] = v
	}
	if status == 0 {
		status = http.StatusOK
	}
	b := body.plain
	if body.gzip != nil || status == http.StatusNotModified {
		varyAcceptEncoding(h)
	}
	if body.gzip != nil && acceptedEncodings(r.Header.Get("Accept-Encoding"))["gzip"] {
		b = body.gzip
		h.Set("Content-Encoding", "gzip")
	}
	if status != http.StatusNotModified && status != http.StatusNoContent {
		h.Set("Content-Length", strconv.Itoa(len(b)))
	}
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(b)
	}
}

// varyAcceptEncoding adds Accept-Encoding to h's Vary unless it is there
// (a response passed on from an inner handler may have it already).
func varyAcceptEncoding(h http.Header) {
	for _, v := range h.Values("Vary") {
		for _, field := range strings.Split(v, ",") {
			if strings.EqualFold(strings.TrimSpace(field), "Accept-Encoding") {
				return
			}
		}
	}
	// Clipped, so the append copies rather than writing into a slice that
	// a cached header may share.
	h["Vary"] = append(slices.Clip(h["Vary"]), "Accept-Encoding")
}
