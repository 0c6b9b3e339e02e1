package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha512"
	"encoding/base64"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"

	"github.com/andybalholm/brotli"
)

// The TimelineJS release measured against, pinned: the tarball's sha512 is
// the registry's (npm view @knight-lab/timelinejs@3.9.11 dist.integrity),
// so a tarball that differs is refused, whatever npm fetched.
const (
	timelineJSPackage   = "@knight-lab/timelinejs"
	timelineJSVersion   = "3.9.11"
	timelineJSIntegrity = "sha512-+jUuY1OJ+9zSO5O3AfYSLd1yB0vQkm22zyIElz8BWT5DQ9mL0rsxlQkBKAqLbWpJjFuAAJeqzLY35xFIg6GW4g=="
	timelineJSTarball   = "knight-lab-timelinejs-" + timelineJSVersion + ".tgz"
)

// fetchTimelineJS returns the files a page needs from the TimelineJS
// package (its built script, stylesheet and icon fonts), by the path they
// are served at. The tarball is fetched once with npm pack into cache.
func fetchTimelineJS(cache string) (map[string][]byte, error) {
	tarball := filepath.Join(cache, timelineJSTarball)
	if _, err := os.Stat(tarball); err != nil {
		if _, err := exec.LookPath("npm"); err != nil {
			return nil, fmt.Errorf("npm is needed to fetch %s@%s", timelineJSPackage, timelineJSVersion)
		}
		if err := os.MkdirAll(cache, 0o755); err != nil {
			return nil, err
		}
		cmd := exec.Command("npm", "pack", "--silent", "--pack-destination", cache, timelineJSPackage+"@"+timelineJSVersion)
		if out, err := cmd.CombinedOutput(); err != nil {
			return nil, fmt.Errorf("npm pack %s@%s: %v\n%s", timelineJSPackage, timelineJSVersion, err, out)
		}
	}
	b, err := os.ReadFile(tarball)
	if err != nil {
		return nil, err
	}
	if got := integrity(b); got != timelineJSIntegrity {
		return nil, fmt.Errorf("%s has checksum %s, want %s: delete it to fetch it again", tarball, got, timelineJSIntegrity)
	}
	return untarDist(bytes.NewReader(b))
}

// integrity is a file's checksum in npm's form, "sha512-" and base64.
func integrity(b []byte) string {
	sum := sha512.Sum512(b)
	return "sha512-" + base64.StdEncoding.EncodeToString(sum[:])
}

// untarDist reads the package's dist/js/timeline.js and dist/css/ (less
// the source maps, the optional fonts and themes, which the page does not
// load), served at /js/ and /css/: the stylesheet finds its icons at
// ../js/../css/icons/.
func untarDist(r io.Reader) (map[string][]byte, error) {
	z, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{}
	tr := tar.NewReader(z)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		name, ok := strings.CutPrefix(h.Name, "package/dist/")
		if !ok || h.Typeflag != tar.TypeReg || strings.HasSuffix(name, ".map") {
			continue
		}
		if name != "js/timeline.js" && name != "css/timeline.css" && !strings.HasPrefix(name, "css/icons/") {
			continue
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			return nil, err
		}
		files["/"+name] = b
	}
	for _, need := range []string{"/js/timeline.js", "/css/timeline.css"} {
		if files[need] == nil {
			return nil, fmt.Errorf("the TimelineJS package has no dist%s", need)
		}
	}
	return files, nil
}

// timelinePage is the whole TimelineJS side: its stylesheet and script in
// the head, as TimelineJS's own embed page has them, and the converted
// sheet fetched as JSON. script_path and font keep every request on this
// origin: by default TimelineJS loads its font CSS from its CDN, and that
// CSS loads Google Fonts.
const timelinePage = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Armenia and the CSTO: the timeline (TimelineJS)</title>
<meta name="description" content="The Armenia-CSTO timeline in TimelineJS, for a side-by-side benchmark.">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/css/timeline.css">
<script src="/js/timeline.js"></script>
<style>html, body { height: 100%; margin: 0; } #timeline-embed { height: 100%; }</style>
</head>
<body>
<div id="timeline-embed"></div>
<script>
window.timeline = new TL.Timeline("timeline-embed", "/timeline.json", { script_path: location.origin + "/js/", font: null });
timeline.on("loaded", function () { if (window.__peer) window.__peer.ready = performance.now(); });
</script>
</body>
</html>
`

// pageGzipLevel is the level server/compress.go gzips pages at.
const pageGzipLevel = 5

// staticFile is a file served with its compressed copies.
type staticFile struct {
	typ          string
	raw, br, gzp []byte
}

// serveStatic serves files on a free loopback port (see staticHandler).
// It returns the base URL and a stop function.
func serveStatic(files map[string][]byte) (string, func(), error) {
	return listen(staticHandler(files))
}

// staticHandler serves files compressed as the explainer's server
// compresses: the page with gzip at the level of its page cache, scripts,
// styles, data and the wasm with brotli at its best (as tools/precompress
// does for the wasm and CSS) or gzip for clients without brotli.
func staticHandler(files map[string][]byte) http.Handler {
	served := map[string]*staticFile{}
	for name, b := range files {
		typ := mime.TypeByExtension(path.Ext(name))
		if name == "/" {
			typ = "text/html; charset=utf-8"
		}
		if typ == "" {
			typ = "application/octet-stream"
		}
		f := &staticFile{typ: typ, raw: b}
		var br, gz bytes.Buffer
		level := gzip.BestCompression
		if name == "/" {
			level = pageGzipLevel
		} else {
			bw := brotli.NewWriterLevel(&br, brotli.BestCompression)
			bw.Write(b)
			bw.Close()
			f.br = br.Bytes()
		}
		gw, _ := gzip.NewWriterLevel(&gz, level) // the levels are valid
		gw.Write(b)
		gw.Close()
		f.gzp = gz.Bytes()
		served[name] = f
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f := served[r.URL.Path]
		if f == nil {
			http.NotFound(w, r)
			return
		}
		h := w.Header()
		h.Set("Content-Type", f.typ)
		h.Set("Vary", "Accept-Encoding")
		body := f.raw
		accept := r.Header.Get("Accept-Encoding")
		switch {
		case f.br != nil && strings.Contains(accept, "br"):
			h.Set("Content-Encoding", "br")
			body = f.br
		case strings.Contains(accept, "gzip"):
			h.Set("Content-Encoding", "gzip")
			body = f.gzp
		}
		w.Write(body)
	})
}

// listen serves h on a free loopback port; it returns the base URL and a
// stop function.
func listen(h http.Handler) (string, func(), error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: h}
	go srv.Serve(ln)
	return "http://" + ln.Addr().String(), func() { srv.Close() }, nil
}
