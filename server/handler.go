package server

import (
	_ "embed"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/content"
	"explainer/app/embed"
	"explainer/app/media"
	"explainer/components"
)

// The app's name on a home screen and its colours, shared by go-app's
// handler and the manifest.
const (
	shortName       = "CSTO explainer"
	backgroundColor = "#fbfaf7"
	themeColor      = "#7a2e1d"
)

// newAppHandler configures go-app's handler: names, icons, styles and the
// version that tells installed copies an update is out. s.prefix is the URL
// path the site lives under ("" at the root of its host); s.origin, if set,
// makes the link previews' (Open Graph) addresses absolute.
func newAppHandler(a *assets, s site) *app.Handler {
	domain := ""
	if u, err := url.Parse(s.origin); err == nil {
		domain = u.Host
	}
	resolver := assetResolver{prefix: prefixResolver(strings.TrimRight(s.prefix, "/")), assets: a}
	return &app.Handler{
		Domain:          domain,
		Image:           "/web/screenshots/wide.png",
		Name:            components.Title,
		ShortName:       shortName,
		Title:           components.Title,
		Description:     components.Description,
		Author:          "Times Tengri",
		Lang:            "en",
		BackgroundColor: backgroundColor,
		ThemeColor:      themeColor,
		LoadingLabel:    "Loading the interactive map and timeline",
		Icon: app.Icon{
			Default:  "/web/icon-192.png",
			Large:    "/web/icon-512.png",
			Maskable: "/web/icon-maskable-512.png",
			SVG:      "/web/icon.svg",
		},
		// Listed after go-app's own /app.css, so ours restyles its loader.
		Styles: []string{"/web/explainer.css"},
		// Sends the page\'s height to a host page when it is in an iframe.
		Scripts:               []string{"/web/embed-child.js defer"},
		Resources:             resolver,
		Version:               a.version,
		WasmContentLength:     strconv.FormatInt(a.wasmSize, 10),
		ServiceWorkerTemplate: appWorkerJS,
		// Without JavaScript, hide the loading bar and the controls that need it.
		RawHeaders:         []string{`<noscript><link rel="stylesheet" href="` + resolver.Resolve("/web/noscript.css") + `"></noscript>`},
		CacheableResources: offlineResources(a.dir),
	}
}

// appWorkerJS is the service worker; see the comment at its top.
//
//go:embed app-worker.js
var appWorkerJS string

// offlineResources are cached on install, beside go-app's own list (the
// page at /, its scripts, app.wasm, the icons and the styles), so every
// page works offline after one visit: with the timeline's local images in
// web (dir), and the data files, which weigh little and the page links. A
// static host must serve embed.html at /embed (the configurations in
// deploy/ do): one failed request would fail the whole install, which is
// also why an image missing from dir is left out (the content check
// reports it).
func offlineResources(dir string) []string {
	res := append([]string{"/web/icon.svg", "/web/icon-maskable.svg", "/web/icon-512.png", embed.Path}, dataPaths()...)
	seen := make(map[string]bool)
	add := func(m media.Media) {
		if m.Kind != media.Local || seen[m.Src] {
			return
		}
		seen[m.Src] = true
		if info, err := os.Stat(filepath.Join(dir, filepath.FromSlash(m.WebPath()))); err == nil && info.Mode().IsRegular() {
			res = append(res, m.Src)
		}
	}
	tl := content.Default().Timeline
	add(tl.Title().Media.Media)
	for _, e := range tl.Events() {
		add(e.Media.Media)
		add(e.Media.Thumbnail)
	}
	return res
}

// prefixResolver places the site's own files under a URL path prefix. Unlike
// go-app's LocalDir it does not serve files itself (LocalDir("") would serve
// the whole working directory under /web/); the server's assets handler does.
type prefixResolver string

// Resolve maps a site path such as "/web/app.wasm" to its URL path.
func (p prefixResolver) Resolve(location string) string {
	switch {
	case strings.HasPrefix(location, "https://"), strings.HasPrefix(location, "http://"):
		return location
	case location == "" || location == "/":
		return string(p) + "/"
	case !strings.HasPrefix(location, "/") && !strings.HasPrefix(location, "web/"):
		// "#article", "?event=x": relative to the page, so already right.
		return location
	}
	return string(p) + "/" + strings.TrimLeft(location, "/")
}

// assetResolver is prefixResolver with the build's files at their
// content-hashed URLs (see assets.hashedPath): what go-app resolves is
// what the pages, app.js and the service worker's cache list name, so
// they all fetch the hashed, immutable URLs.
type assetResolver struct {
	prefix prefixResolver
	assets *assets
}

// Resolve maps a site path to its URL path, hashed where it can be.
func (r assetResolver) Resolve(location string) string {
	return r.prefix.Resolve(r.assets.hashedPath(location))
}
