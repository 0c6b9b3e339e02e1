package view

import (
	"net/url"
	"strings"
)

// A view's canonical URL is a path a static host serves as a folder's
// index.html: its subject (the event, else the country, else the date) is
// in the path, so every view with a subject is a file of the export with
// its own title and share card; the rest of the view stays in the query.
// The trailing slash is what lets a plain file server answer the path
// from the folder's index.html without a redirect.
const (
	PathEvent   = "/event/"
	PathCountry = "/country/"
	PathAt      = "/at/"
)

// pathParams maps each subject folder to the query parameter it stands for.
var pathParams = [...]struct{ prefix, param string }{
	{PathEvent, ParamEvent},
	{PathCountry, ParamCountry},
	{PathAt, ParamAt},
}

// IsPath reports whether p has the form of a view's path: "/", or one of the
// subject folders followed by one non-empty segment and an optional "/".
// Whether the value names anything is ParsePath's business.
func IsPath(p string) bool {
	if p == "/" {
		return true
	}
	_, _, ok := splitPath(p)
	return ok
}

// splitPath returns the parameter a subject path stands for and its raw
// (still escaped) value.
func splitPath(p string) (param, value string, ok bool) {
	for _, pp := range pathParams {
		if rest, found := strings.CutPrefix(p, pp.prefix); found {
			rest = strings.TrimSuffix(rest, "/")
			if rest == "" || strings.Contains(rest, "/") {
				return "", "", false
			}
			return pp.param, rest, true
		}
	}
	return "", "", false
}

// ParsePath reads a view from a URL path (without the site's prefix) and its
// query string. The path's value takes the place of the query parameter of
// the same name and is read as that would be: a malformed or unknown value
// is dropped and the rest of the view stays. ok is false when p is not a
// view's path at all.
func ParsePath(p, rawQuery string, c Catalog) (v View, ok bool) {
	q, _ := url.ParseQuery(rawQuery)
	if p != "/" {
		param, raw, found := splitPath(p)
		if !found {
			return Default(), false
		}
		value, err := url.PathUnescape(raw)
		if err != nil || len(value) > maxParam {
			value = ""
		}
		q.Set(param, value)
	}
	return parseValues(q, c), true
}

// Path is v's canonical URL within the site: its path, then "?" and the
// rest of the view when there is any (in Query's order, defaults left out).
// The site's path prefix is not included.
func (v View) Path(c Catalog) string {
	parts := strings.Split(v.Query(c), "&")
	for _, pp := range pathParams {
		for i, part := range parts {
			raw, found := strings.CutPrefix(part, pp.param+"=")
			if !found {
				continue
			}
			value, err := url.QueryUnescape(raw)
			if err != nil { // Query escaped it itself; cannot happen
				break
			}
			rest := strings.Join(append(parts[:i:i], parts[i+1:]...), "&")
			p := pp.prefix + url.PathEscape(value) + "/"
			if rest == "" {
				return p
			}
			return p + "?" + rest
		}
	}
	if parts[0] == "" {
		return "/"
	}
	return "/?" + strings.Join(parts, "&")
}
