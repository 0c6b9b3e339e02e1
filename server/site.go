package server

import (
	"fmt"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
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
	host := r.Host
	if !validHost(host) {
		// The page would name it in its link preview and oEmbed link: a
		// hostile Host must not reach the HTML, or the page cache.
		host = fallbackHost
	}
	return scheme + "://" + host
}

// fallbackHost stands in for a request's Host that is not a plain host
// name or address: an absolute address still, on the machine itself.
const fallbackHost = "localhost"

// validHost reports whether h is a host name (letters, digits, "-" and
// "." in labels of at most 63), an IPv4 address or a bracketed IPv6
// address, with an optional port.
func validHost(h string) bool {
	if h == "" || len(h) > 255 {
		return false
	}
	name := h
	if i := strings.LastIndexByte(h, ':'); i >= 0 && !strings.HasSuffix(h, "]") {
		port := h[i+1:]
		if port == "" || len(port) > 5 || port[0] == '0' || strings.Trim(port, "0123456789") != "" {
			return false
		}
		if n, _ := strconv.Atoi(port); n > 65535 {
			return false
		}
		name = h[:i]
	}
	if ip, found := strings.CutPrefix(name, "["); found {
		addr, err := netip.ParseAddr(strings.TrimSuffix(ip, "]"))
		return strings.HasSuffix(ip, "]") && err == nil && addr.Is6() && addr.Zone() == ""
	}
	for _, label := range strings.Split(name, ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' ||
			strings.Trim(label, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") != "" {
			return false
		}
	}
	return true
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
