package server

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// site is where the explainer lives: its public origin (scheme and host, as
// readers reach it) and the path prefix it is served under.
type site struct {
	origin string // e.g. "https://explainer.example"; "" takes it from each request
	prefix string // e.g. "/csto"; "" at the host's root
	static bool   // a static export, served by a plain file server: no /oembed endpoint
}

// originOf returns the site's public origin, from the configuration or else
// from the request (behind a proxy, X-Forwarded-Proto says the scheme).
func (s site) originOf(r *http.Request) string {
	if s.origin != "" {
		return strings.TrimRight(s.origin, "/")
	}
	scheme := "http"
	if r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https" {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// base is the origin plus the prefix: where "/" of the site is.
func (s site) base(r *http.Request) string { return s.originOf(r) + s.prefix }

// newSite checks the public origin and path prefix given on the command
// line: an origin is an absolute http(s) URL with a host and nothing after
// it; a prefix is a path starting with "/" (a trailing "/" is dropped).
func newSite(origin, prefix string) (site, error) {
	if origin != "" {
		u, err := url.Parse(origin)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" ||
			strings.Trim(u.Path, "/") != "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
			return site{}, fmt.Errorf("-origin %q: want a scheme and host only, e.g. https://explainer.example", origin)
		}
		origin = u.Scheme + "://" + u.Host
	}
	prefix = strings.TrimRight(prefix, "/")
	if prefix != "" && (!strings.HasPrefix(prefix, "/") || strings.ContainsAny(prefix, "?#\"'<> ")) {
		return site{}, fmt.Errorf("-prefix %q: want a URL path such as /csto", prefix)
	}
	return site{origin: origin, prefix: prefix}, nil
}
