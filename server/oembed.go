package server

import (
	"encoding/json"
	"html"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"explainer/app/content"
	"explainer/app/embed"
	"explainer/app/share"
	"explainer/app/view"
	"explainer/components"
)

// oEmbed sizes: a rich embed is as wide as the host allows, up to this.
const (
	oembedWidth    = 800
	oembedMaxWidth = 1200
)

// oembedResponse is an oEmbed 1.0 "rich" response.
type oembedResponse struct {
	Type            string `json:"type"`
	Version         string `json:"version"`
	Title           string `json:"title"`
	ProviderName    string `json:"provider_name"`
	ProviderURL     string `json:"provider_url"`
	HTML            string `json:"html"`
	Width           int    `json:"width"`
	Height          int    `json:"height"`
	ThumbnailURL    string `json:"thumbnail_url"`
	ThumbnailWidth  int    `json:"thumbnail_width"`
	ThumbnailHeight int    `json:"thumbnail_height"`
	CacheAge        int    `json:"cache_age"`
}

// oembedHandler answers /oembed?url=...&format=json for the site's own
// pages: the full explainer or an embed view, with their state.
func oembedHandler(s site) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		if f := q.Get("format"); f != "" && f != "json" {
			http.Error(w, "only format=json is supported", http.StatusNotImplemented)
			return
		}
		raw := q.Get("url")
		if raw == "" {
			http.Error(w, "url is required", http.StatusBadRequest)
			return
		}
		base := s.base(r)
		page, err := url.Parse(raw)
		if err != nil || len(raw) > 2048 || !sameSite(page, base) {
			http.NotFound(w, r)
			return
		}
		path := strings.TrimPrefix(page.Path, s.prefix)
		if path == "" {
			path = "/"
		}
		v, ok := view.ParsePath(path, page.RawQuery, content.Default())
		if path == embed.Path {
			v, ok = view.Parse(page.RawQuery, content.Default()), true
		}
		if !ok {
			http.NotFound(w, r)
			return
		}
		opts := embed.Parse(page.RawQuery)
		v.Extra = ""
		width := clampInt(q.Get("maxwidth"), oembedWidth, 200, oembedMaxWidth)
		height := clampInt(q.Get("maxheight"), opts.View.Height(), 200, opts.View.Height())
		src := embed.URL(base, opts, v.Query(content.Default()))
		resp := oembedResponse{
			Type:         "rich",
			Version:      "1.0",
			Title:        components.Title,
			ProviderName: components.Title,
			ProviderURL:  base + "/",
			HTML:         embed.IFrame(src, components.Title+": "+opts.View.Label(), height),
			Width:        width,
			Height:       height,
			// The view's share card, as its page's og:image.
			ThumbnailURL:    base + share.CardPath(v, content.Default()),
			ThumbnailWidth:  cardWidth,
			ThumbnailHeight: cardHeight,
			CacheAge:        86400,
		}
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Header().Set("Access-Control-Allow-Origin", "*")
		json.NewEncoder(w).Encode(resp)
	})
}

// sameSite reports whether u is an absolute http(s) URL on base's host.
func sameSite(u *url.URL, base string) bool {
	b, err := url.Parse(base)
	if err != nil {
		return false
	}
	return (u.Scheme == "http" || u.Scheme == "https") && strings.EqualFold(u.Host, b.Host)
}

// clampInt reads a positive whole number, or gives def; the result is
// within [lo, hi].
func clampInt(s string, def, lo, hi int) int {
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 {
		n = def
	}
	return max(lo, min(n, hi))
}

// oembedLink is the discovery link for a page, for its <head>.
func oembedLink(s site, r *http.Request) string {
	// The canonical form of the view, not the raw query: short, and only
	// values the explainer understands (others are re-encoded).
	page := s.base(r) + r.URL.Path
	if r.URL.Path == embed.Path {
		if q := view.Parse(r.URL.RawQuery, content.Default()).Query(content.Default()); q != "" {
			page += "?" + q
		}
	} else {
		v, _ := view.ParsePath(r.URL.Path, r.URL.RawQuery, content.Default())
		v.Extra = ""
		page = share.PageURL(s.base(r), v, content.Default())
	}
	href := s.base(r) + "/oembed?url=" + url.QueryEscape(page) + "&format=json"
	return `<link rel="alternate" type="application/json+oembed" href="` + html.EscapeString(href) +
		`" title="` + html.EscapeString(components.Title) + `">`
}
