package server

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// assets is the folder of static files served under /web/: CSS, icons and
// the built app.wasm with its precompressed .br and .gz copies.
type assets struct {
	dir      string
	version  string // hash of every source file, so a new build is a new app version
	wasmSize int64  // uncompressed size of app.wasm, for go-app's progress figure
}

// precompressed lists the encodings served from sibling files, best first.
var precompressed = []struct{ encoding, ext string }{
	{"br", ".br"},
	{"gzip", ".gz"},
}

// loadAssets checks the folder holds a built app and hashes it.
func loadAssets(dir string) (*assets, error) {
	wasm, err := os.Stat(filepath.Join(dir, "app.wasm"))
	if err != nil {
		return nil, fmt.Errorf("no built app in %s (run make build): %w", dir, err)
	}
	version, err := hashDir(dir)
	if err != nil {
		return nil, err
	}
	return &assets{dir: dir, version: version, wasmSize: wasm.Size()}, nil
}

// hashDir hashes the names and contents of the files in dir, leaving out the
// compressed copies (they follow from the originals).
func hashDir(dir string) (string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && !isCompressedCopy(p) {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("hashing assets: %w", err)
	}
	sort.Strings(files)
	h := sha256.New()
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return "", fmt.Errorf("hashing assets: %w", err)
		}
		rel, _ := filepath.Rel(dir, f)
		fmt.Fprintf(h, "%s\x00%d\x00", filepath.ToSlash(rel), len(b))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))[:20], nil
}

func isCompressedCopy(name string) bool {
	for _, p := range precompressed {
		if strings.HasSuffix(name, p.ext) {
			return true
		}
	}
	return false
}

// ServeHTTP serves a file of the folder, never a directory listing and never
// anything outside it. Where a .br or .gz copy exists and the client accepts
// that encoding, the copy is sent with Content-Encoding set.
func (a *assets) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name := path.Clean("/" + r.URL.Path)
	if strings.Contains(r.URL.Path, "..") || strings.Contains(name, "\x00") || strings.HasSuffix(r.URL.Path, "/") {
		http.NotFound(w, r)
		return
	}
	file := filepath.Join(a.dir, filepath.FromSlash(name))
	info, err := os.Stat(file)
	if err != nil || !info.Mode().IsRegular() {
		http.NotFound(w, r)
		return
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-cache")
	// The files are public. An embed in an iframe sandboxed without
	// allow-same-origin has an opaque origin, so its fetch of the wasm is
	// cross-origin and needs this, or the app never starts.
	w.Header().Set("Access-Control-Allow-Origin", "*")
	if !isCompressedCopy(name) {
		w.Header().Add("Vary", "Accept-Encoding")
		accepted := acceptedEncodings(r.Header.Get("Accept-Encoding"))
		for _, p := range precompressed {
			if !accepted[p.encoding] {
				continue
			}
			// A copy older than its original is stale (the original was
			// edited since the last build): send the original instead.
			if c, err := os.Stat(file + p.ext); err == nil && c.Mode().IsRegular() && !c.ModTime().Before(info.ModTime()) {
				file, info = file+p.ext, c
				w.Header().Set("Content-Encoding", p.encoding)
				break
			}
		}
	}
	f, err := os.Open(file)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	if w.Header().Get("Content-Encoding") != "" {
		// ServeContent leaves Content-Length out of encoded responses, and
		// ranges of a compressed copy mean nothing to the client: send it whole.
		r.Header.Del("Range")
		w.Header().Set("Content-Length", strconv.FormatInt(info.Size(), 10))
	}
	// ServeContent handles ranges, If-Modified-Since and HEAD; it keeps the
	// Content-Type set above rather than sniffing the compressed bytes.
	http.ServeContent(w, r, name, info.ModTime(), f)
}

// acceptedEncodings reads an Accept-Encoding header, honouring q=0 refusals.
func acceptedEncodings(header string) map[string]bool {
	accepted := map[string]bool{}
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.ToLower(strings.TrimSpace(name))
		q := 1.0
		for _, p := range strings.Split(params, ";") {
			if v, ok := strings.CutPrefix(strings.TrimSpace(p), "q="); ok {
				if f, err := strconv.ParseFloat(v, 64); err == nil {
					q = f
				}
			}
		}
		if name != "" && q > 0 {
			accepted[name] = true
		}
	}
	return accepted
}
