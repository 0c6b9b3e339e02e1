package server

import (
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"explainer/components"
)

// export writes the whole site to out, for any static host: each file is
// the body the server itself answers for the file's route (see
// exportRoutes), so a static host behind a CDN serves the same explainer as
// `serve` does. s.prefix is the URL path the site will be served under (""
// for a host's root); s.origin makes the link previews' addresses absolute.
func export(out string, s site, a *assets, stdout, stderr io.Writer) error {
	if s.origin == "" {
		fmt.Fprintln(stderr, "export: warning: no -origin given: link previews (Open Graph) will have no absolute URL, so social networks show no image")
	}
	s.static = true
	h := newServer(a, s, frameAnyone)
	routes, err := exportRoutes(a)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	for _, route := range routes {
		body, err := answer(h, s, route)
		if err != nil {
			return fmt.Errorf("export: %w", err)
		}
		file := filepath.Join(out, filepath.FromSlash(exportFile(route)))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		if err := os.WriteFile(file, body, 0o644); err != nil {
			return fmt.Errorf("export: %w", err)
		}
	}
	fmt.Fprintf(stdout, "exported the explainer to %s (%d files, URL prefix %q)\n", out, len(routes), s.prefix)
	return nil
}

// exportRoutes lists every route a static site needs: the pages, go-app's
// scripts and styles, the service worker, the manifests, the data files,
// robots.txt, and
// every file of the web folder, precompressed copies included (a static
// host sends those itself, by Accept-Encoding), and the build's files
// again at their content-hashed paths, which the pages name.
func exportRoutes(a *assets) ([]string, error) {
	routes := append(components.Paths(),
		"/app.js", "/app-worker.js", "/wasm_exec.js", "/app.css",
		"/manifest.webmanifest", "/manifest.json")
	routes = append(routes, dataPaths()...)
	if _, err := os.Stat(filepath.Join(a.dir, "robots.txt")); err == nil {
		routes = append(routes, "/robots.txt") // the server answers it from the web folder
	}
	err := filepath.WalkDir(a.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(a.dir, p)
		if err != nil {
			return err
		}
		routes = append(routes, "/web/"+filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("listing %s: %w", a.dir, err)
	}
	routes = append(routes, a.hashedRoutes()...)
	sort.Strings(routes)
	return routes, nil
}

// exportFile is the file of the export that a static host serves at route:
// a page is an .html file, "/" index.html; anything else keeps its path.
func exportFile(route string) string {
	switch {
	case route == "/":
		return "index.html"
	case components.IsPage(route):
		return strings.TrimPrefix(route, "/") + ".html"
	}
	return strings.TrimPrefix(route, "/")
}

// answer is the body h sends for a plain GET of route (no compression
// asked for), as a reader at s's origin would get it.
func answer(h http.Handler, s site, route string) ([]byte, error) {
	r := httptest.NewRequest(http.MethodGet, route, nil)
	if u, err := url.Parse(s.origin); err == nil && u.Host != "" {
		r.Host = u.Host
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != http.StatusOK {
		return nil, fmt.Errorf("%s answered %d %s", route, w.Code, http.StatusText(w.Code))
	}
	if enc := w.Header().Get("Content-Encoding"); enc != "" {
		return nil, fmt.Errorf("%s answered in %s to a request that accepted no encoding", route, enc)
	}
	return w.Body.Bytes(), nil
}
