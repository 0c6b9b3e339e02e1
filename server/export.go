package server

import (
	"errors"
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

	"explainer/app/content"
	"explainer/app/date"
	"explainer/app/share"
	"explainer/app/story"
	"explainer/app/view"
	"explainer/components"
)

// export writes the whole site to out, for any static host: each file is
// the body the server itself answers for the file's route (see
// exportRoutes), so a static host behind a CDN serves the same explainer as
// `serve` does. s.prefix is the URL path the site will be served under (""
// for a host's root); s.origin makes the link previews' addresses absolute.
func export(out string, s site, a *assets, opts exportOptions, stdout, stderr io.Writer) error {
	if s.origin == "" {
		fmt.Fprintln(stderr, "export: warning: no -origin given: the pages' link previews (og:url, og:image, the canonical link) "+
			"will name http://localhost, so Facebook, X, LinkedIn, Slack and the rest will show no preview; "+
			"export again with -origin https://your.host")
	}
	s.static = true
	h := newServer(a, s, frameAnyone)
	routes, err := exportRoutes(a, opts)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	for _, route := range routes {
		body, err := answer(h, s, route)
		if err != nil {
			return fmt.Errorf("export: %w", err)
		}
		file := filepath.Join(out, filepath.FromSlash(exportFile(route)))
		if route == notFoundPage {
			file = filepath.Join(out, "404.html")
		}
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
func exportRoutes(a *assets, opts exportOptions) ([]string, error) {
	routes := append(components.Paths(), viewRoutes(content.Default(), opts)...)
	routes = append(routes,
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

// exportOptions says which views the export writes beyond those it always
// writes (see viewRoutes).
type exportOptions struct {
	months bool        // every month the date slider steps through
	views  []view.View // the editor's own (-view): say, the dates their coverage links to
}

// viewRoutes lists the views' pages the export writes, and the share
// card each names: the default view, every event, every state the story
// covers (with a membership history or a part in the article), the dates
// the content names (the article's date mentions and paragraph moments,
// the membership changes) and every year the map covers; with months,
// every month too (the date slider's steps); and the editor's own views.
// A static host cannot render a view it was not given: the others fall
// back to 404.html, the app, which reads the view from its path.
func viewRoutes(c *content.Content, opts exportOptions) []string {
	var views []view.View
	views = append(views, view.Default())
	for _, e := range c.Timeline.Events() {
		views = append(views, view.Default().SelectEvent(e.ID, c))
	}
	states := c.History.States()
	for _, r := range c.Roles.All() {
		states = append(states, r.ISO)
	}
	for _, iso := range states {
		views = append(views, view.Default().SelectCountry(iso, c))
	}
	var dates []date.Date
	for _, p := range c.Article.Paragraphs {
		if !p.Moment.IsZero() {
			dates = append(dates, p.Moment)
		}
		for _, s := range p.Spans {
			if s.Kind == story.Date {
				dates = append(dates, s.From)
			}
		}
	}
	for _, iso := range c.History.States() {
		for _, t := range c.History.Transitions(iso) {
			dates = append(dates, t.Date)
		}
	}
	for y := view.Earliest.Year; y <= view.Latest.Year; y++ {
		dates = append(dates, date.Date{Year: y, Prec: date.Year})
		if opts.months {
			for m := 1; m <= 12; m++ {
				dates = append(dates, date.Date{Year: y, Month: m, Prec: date.Month})
			}
		}
	}
	for _, d := range dates {
		if v, ok := view.ParsePath(view.PathAt+d.String()+"/", "", c); ok {
			views = append(views, v)
		}
	}
	views = append(views, opts.views...)
	seen := map[string]bool{}
	var routes []string
	for _, v := range views {
		for _, r := range []string{v.Path(c), share.CardPath(v, c)} {
			if !seen[r] {
				seen[r] = true
				routes = append(routes, r)
			}
		}
	}
	return append(routes, notFoundPage)
}

// exportView reads an editor's -view (the flag package names the value
// in its error): a view's path within the site
// ("/at/1999-06-01/") or the query form of "/" ("/?at=1999-06-01"). Unlike
// a reader's URL, a value that names nothing is an error, not dropped: the
// editor asked for that page by name. So is a view with more than a
// subject, as a static host answers a path with one file whatever its query.
func exportView(s string, c *content.Content) (view.View, error) {
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "" || u.Host != "" || !strings.HasPrefix(u.Path, "/") {
		return view.View{}, errors.New("want a view's path within the site, such as /at/1999-06-01/ or /?event=armenia-freezes")
	}
	v, ok := view.ParsePath(u.Path, u.RawQuery, c)
	if !ok {
		return view.View{}, fmt.Errorf("%s is not a view's path (/event/ID/, /country/ISO3/, /at/DATE/)", u.Path)
	}
	p := v.Path(c)
	if subject, rest, found := strings.Cut(p, "?"); found {
		return view.View{}, fmt.Errorf("a static host serves %s whatever its query, so the export cannot write ?%s as a page of its own", subject, rest)
	}
	if p == "/" && (u.Path != "/" || u.RawQuery != "") {
		return view.View{}, errors.New("names no view: its value is malformed, or not an event, a state or a date the map covers")
	}
	return v, nil
}

// notFoundPage is the route whose answer the export writes as 404.html:
// the app at the default view, which static hosts (GitHub Pages, Netlify,
// Cloudflare Pages; deploy/ for Caddy and nginx under the views' folders)
// send for a path they have no file for. The app reads the view from the
// path, so a date the export did not write still opens at that date.
const notFoundPage = "/?404"

// exportFile is the file of the export that a static host serves at route:
// a page is an .html file, "/" index.html, a view's path the index.html of
// its folder; anything else keeps its path.
func exportFile(route string) string {
	switch {
	case route == "/":
		return "index.html"
	case strings.HasSuffix(route, "/") && components.IsPage(route):
		return strings.TrimPrefix(route, "/") + "index.html"
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
