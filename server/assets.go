package server

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
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
	version  string            // hash of every source file, so a new build is a new app version
	wasmSize int64             // uncompressed size of app.wasm, for go-app's progress figure
	hashes   map[string]string // name in dir (of hashedAssets) -> hash of its content
}

// hashedAssets are the files of the build that only the server's pages,
// app.js and the service worker's cache list name: they are also served at
// a content-hashed URL (see hashedPath), which caches may keep for a year
// without asking again. Files named from outside keep only their plain
// URL: embed.js is in newsrooms' embed codes, the icons in the manifest
// and in the client app's own markup (the wasm resolves "/web/icon.svg"
// by itself, plainly), the screenshots in link previews.
var hashedAssets = []string{"app.wasm", "explainer.css", "embed-child.js", "noscript.css"}

// assetHashLen is the length of the hash segment of a hashed URL, in hex
// digits: 48 bits tell a file's versions apart.
const assetHashLen = 12

// immutable is the Cache-Control of a hashed URL: its bytes never change.
const immutable = "public, max-age=31536000, immutable"

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
	hashes := map[string]string{}
	for _, name := range hashedAssets {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if errors.Is(err, fs.ErrNotExist) {
			continue // then it is not referenced either
		}
		if err != nil {
			return nil, fmt.Errorf("hashing assets: %w", err)
		}
		sum := sha256.Sum256(b)
		hashes[name] = hex.EncodeToString(sum[:])[:assetHashLen]
	}
	return &assets{dir: dir, version: version, wasmSize: wasm.Size(), hashes: hashes}, nil
}

// hashedPath maps a site path of a hashed asset ("/web/app.wasm") to its
// content-hashed path ("/web/3f9a1c2b7d0e/app.wasm"); other paths are
// returned as they are. The hash is a folder, not part of the file name,
// so the name, its extension (its Content-Type) and its .br and .gz
// copies stay as they are, and a path, not a query, so that caches which
// ignore or strip queries still keep the versions apart, and a static host
// serves it as a plain file.
func (a *assets) hashedPath(location string) string {
	if a == nil {
		return location
	}
	name, ok := strings.CutPrefix(location, "/web/")
	if !ok {
		return location
	}
	if h, ok := a.hashes[name]; ok {
		return "/web/" + h + "/" + name
	}
	return location
}

// hashedRoutes lists the hashed URL paths of the hashed assets and of
// their compressed copies (for the export).
func (a *assets) hashedRoutes() []string {
	var routes []string
	for name, h := range a.hashes {
		for _, ext := range []string{"", ".br", ".gz"} {
			if _, err := os.Stat(filepath.Join(a.dir, name+ext)); err == nil {
				routes = append(routes, "/web/"+h+"/"+name+ext)
			}
		}
	}
	return routes
}

// unhash reads a request path under /web/ ("/3f9a1c2b7d0e/app.wasm.br"):
// a hash segment followed by a hashed asset (or a compressed copy of one)
// whose content has that hash gives the plain path ("/app.wasm.br") and
// true. A hash segment that matches no current file gives "" (not found:
// an old release's file is not served under its hash, which caches would
// keep for a year); any other path is returned as it is.
func (a *assets) unhash(p string) (string, bool) {
	seg, rest, ok := strings.Cut(strings.TrimPrefix(p, "/"), "/")
	if !ok || !isHash(seg) {
		return p, false
	}
	name := rest
	for _, c := range precompressed {
		name = strings.TrimSuffix(name, c.ext)
	}
	if h, ok := a.hashes[name]; ok && h == seg {
		return "/" + rest, true
	}
	return "", false
}

func isHash(s string) bool {
	if len(s) != assetHashLen {
		return false
	}
	for _, c := range s {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
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
	cacheControl := "no-cache"
	if plain, hashed := a.unhash(name); hashed {
		name, cacheControl = plain, immutable
	} else if plain == "" {
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
	w.Header().Set("Cache-Control", cacheControl)
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
