package server

import (
	"bytes"
	"encoding/json"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"explainer/app/content"
	"explainer/components"
	"explainer/internal/copytree"
)

// exportRoute is the route whose body file holds: exportFile's inverse.
func exportRoute(file string) string {
	file = path.Clean("/" + filepath.ToSlash(file))
	if file == "/index.html" || file == "/404.html" { // 404.html is the default page
		return "/"
	}
	if dir, ok := strings.CutSuffix(file, "/index.html"); ok && components.IsPage(dir+"/") {
		return dir + "/"
	}
	if page := strings.TrimSuffix(file, ".html"); page != file && components.IsPage(page) {
		return page
	}
	return file
}

// oembedDiscovery is the one part of a served page the export leaves out:
// a static host has no /oembed endpoint to discover.
var oembedDiscovery = regexp.MustCompile(`<link rel="alternate" type="application/json\+oembed" [^>]*>`)

// TestExportIsWhatTheServerAnswers exports the site and asks the server
// (as `serve -origin` runs it) for each exported file's route: the bodies
// must be the same bytes, but for the oEmbed discovery link. Every route
// the service worker caches for offline use must be in the export.
func TestExportIsWhatTheServerAnswers(t *testing.T) {
	for _, prefix := range []string{"", "/csto"} {
		t.Run("prefix="+prefix, func(t *testing.T) {
			routesOnce.Do(components.Routes)
			a, err := loadAssets(webWithFakeWasm(t))
			if err != nil {
				t.Fatal(err)
			}
			s, err := newSite("https://explainer.example", prefix)
			if err != nil {
				t.Fatal(err)
			}
			out := t.TempDir()
			if err := export(out, s, a, exportOptions{}, io.Discard, io.Discard); err != nil {
				t.Fatal(err)
			}
			srv := newServer(a, s, frameAnyone)
			var files []string
			err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				rel, _ := filepath.Rel(out, p)
				files = append(files, filepath.ToSlash(rel))
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{"index.html", "embed.html", "app.js", "app-worker.js", "wasm_exec.js", "app.css",
				"manifest.webmanifest", "robots.txt", "web/app.wasm", "web/app.wasm.br", "web/app.wasm.gz", "web/explainer.css", "web/icon.svg"} {
				if !slices.Contains(files, want) {
					t.Errorf("the export lacks %s; it has %v", want, files)
				}
			}
			for _, f := range files {
				route := exportRoute(f)
				exported, err := os.ReadFile(filepath.Join(out, f))
				if err != nil {
					t.Fatal(err)
				}
				res := get(t, srv, route, "Host", "explainer.example")
				served := []byte(body(t, res))
				if res.StatusCode != http.StatusOK {
					t.Errorf("%s (exported as %s): the server answers %d", route, f, res.StatusCode)
					continue
				}
				if strings.HasSuffix(f, ".html") {
					if n := len(oembedDiscovery.FindAll(served, -1)); n != 1 {
						t.Errorf("%s: the served page has %d oEmbed discovery links, want 1", route, n)
					}
					served = oembedDiscovery.ReplaceAll(served, nil)
				}
				if !bytes.Equal(exported, served) {
					t.Errorf("%s: the exported %s (%d bytes) is not what the server answers (%d bytes)\n%s",
						route, f, len(exported), len(served), firstDifference(exported, served))
				}
			}
			worker, err := os.ReadFile(filepath.Join(out, "app-worker.js"))
			if err != nil {
				t.Fatal(err)
			}
			cached := cachedResources(t, worker)
			if !slices.Contains(cached, prefix+"/embed") || !slices.Contains(cached, prefix+"/") {
				t.Errorf("the service worker caches %v: want / and /embed among them", cached)
			}
			for _, c := range cached {
				route, ok := strings.CutPrefix(c, prefix)
				if !ok || route == "" {
					t.Errorf("the service worker caches %q, outside the prefix %q", c, prefix)
					continue
				}
				if !slices.Contains(files, exportFile(route)) {
					t.Errorf("the service worker caches %s, which the export lacks (%s): offline install would fail", c, exportFile(route))
				}
			}
		})
	}
}

// webWithFakeWasm is a copy of the repository's web folder with a few
// known bytes for the wasm and its compressed copies, so the test needs no
// build.
func webWithFakeWasm(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if _, err := copytree.Copy(filepath.Join("..", "web"), dir); err != nil {
		t.Fatal(err)
	}
	for name, body := range map[string]string{"app.wasm": "raw-wasm", "app.wasm.br": "brotli-wasm", "app.wasm.gz": "gzip-wasm"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// cachedResources reads the service worker's list of files to cache.
func cachedResources(t *testing.T, worker []byte) []string {
	t.Helper()
	m := regexp.MustCompile(`(?m)^const resourcesToCache = (\[.*\]);$`).FindSubmatch(worker)
	if m == nil {
		t.Fatalf("no resourcesToCache in the service worker:\n%s", worker)
	}
	var list []string
	if err := json.Unmarshal(m[1], &list); err != nil {
		t.Fatalf("resourcesToCache: %v", err)
	}
	return list
}

// firstDifference shows where two bodies part.
func firstDifference(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-60)
	return "at byte " + strconv.Itoa(i) + ":\n  export: " + string(a[from:min(len(a), i+60)]) + "\n  server: " + string(b[from:min(len(b), i+60)])
}

// An editor's -view names a page: what a reader's URL would drop quietly
// is an error here.
func TestExportViewNamesAPage(t *testing.T) {
	c := content.Default()
	for in, want := range map[string]string{
		"/at/1999-06-01/":         "/at/1999-06-01/",
		"/?at=1999-06-01":         "/at/1999-06-01/",
		"/country/aze/":           "/country/AZE/",
		"/?event=armenia-freezes": "/event/armenia-freezes/",
	} {
		v, err := exportView(in, c)
		if err != nil || v.Path(c) != want {
			t.Errorf("exportView(%q) = %q, %v; want %q", in, v.Path(c), err, want)
		}
	}
	for in, want := range map[string]string{
		"https://x.example/at/1999/":          "want a view's path within the site",
		"at/1999/":                            "want a view's path within the site",
		"/events/armenia-freezes/":            "is not a view's path",
		"/event/nope/":                        "names no view",
		"/?at=1999-13-01":                     "names no view",
		"/event/armenia-freezes/?country=ARM": "cannot write ?country=ARM",
	} {
		if _, err := exportView(in, c); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("exportView(%q): %v, want an error saying %q", in, err, want)
		}
	}
}
