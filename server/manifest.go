package server

import (
	"encoding/json"
	"net/http"

	"explainer/components"
)

// manifestIcon and manifestScreenshot are entries of the web app manifest.
type manifestIcon struct {
	Src     string `json:"src"`
	Sizes   string `json:"sizes"`
	Type    string `json:"type"`
	Purpose string `json:"purpose,omitempty"`
}

type manifestScreenshot struct {
	Src        string `json:"src"`
	Sizes      string `json:"sizes"`
	Type       string `json:"type"`
	FormFactor string `json:"form_factor"`
	Label      string `json:"label"`
}

// webManifest is the explainer's manifest. go-app writes one too, but
// without screenshots, an id or a separate SVG icon entry, which browsers
// use for the richer install dialog; the server and the export send this one.
func webManifest(prefix string) []byte {
	r := prefixResolver(prefix)
	scope := r.Resolve("/")
	m := struct {
		ID              string               `json:"id"`
		Name            string               `json:"name"`
		ShortName       string               `json:"short_name"`
		Description     string               `json:"description"`
		Lang            string               `json:"lang"`
		StartURL        string               `json:"start_url"`
		Scope           string               `json:"scope"`
		Display         string               `json:"display"`
		BackgroundColor string               `json:"background_color"`
		ThemeColor      string               `json:"theme_color"`
		Icons           []manifestIcon       `json:"icons"`
		Screenshots     []manifestScreenshot `json:"screenshots"`
	}{
		ID:              r.Resolve("/"),
		Name:            components.Title,
		ShortName:       shortName,
		Description:     components.Description,
		Lang:            "en",
		StartURL:        r.Resolve("/"),
		Scope:           scope,
		Display:         "standalone",
		BackgroundColor: backgroundColor,
		ThemeColor:      themeColor,
		Icons: []manifestIcon{
			{Src: r.Resolve("/web/icon-192.png"), Sizes: "192x192", Type: "image/png", Purpose: "any"},
			{Src: r.Resolve("/web/icon-512.png"), Sizes: "512x512", Type: "image/png", Purpose: "any"},
			{Src: r.Resolve("/web/icon-maskable-512.png"), Sizes: "512x512", Type: "image/png", Purpose: "maskable"},
			{Src: r.Resolve("/web/icon.svg"), Sizes: "any", Type: "image/svg+xml", Purpose: "any"},
		},
		Screenshots: []manifestScreenshot{
			{Src: r.Resolve("/web/screenshots/wide.png"), Sizes: "1280x800", Type: "image/png", FormFactor: "wide",
				Label: "The article beside the membership map and the timeline"},
			{Src: r.Resolve("/web/screenshots/narrow.png"), Sizes: "390x844", Type: "image/png", FormFactor: "narrow",
				Label: "The article on a phone"},
		},
	}
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		panic(err) // a fixed struct of strings always encodes
	}
	return b
}

// manifestHandler serves webManifest, gzipped once here for clients that
// accept it.
func manifestHandler(prefix string) http.Handler {
	header := http.Header{
		"Content-Type":  {"application/manifest+json"},
		"Cache-Control": {"no-cache"},
	}
	body := encodeBody(header, webManifest(prefix))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sendBody(w, r, header, http.StatusOK, body)
	})
}
