// Package state is the reader's view of the explainer: the date the map
// shows, the selected event and the selected state, and its URL form.
//
// The URL is the one source of truth for a view: every view has a shareable
// address, and a deep link restores it. Unknown or malformed values are
// dropped, so a bad link opens the default view instead of an error.
package state

import (
	"net/url"
	"strings"

	"explainer/app/date"
)

// Query parameter names (DESIGN.md's URL contract).
const (
	ParamAt      = "at"
	ParamEvent   = "event"
	ParamCountry = "country"
)

// Summit is the date the explainer opens on: the Bishkek summit Armenia stayed away from.
var Summit = date.MustParse("2025-11-27")

// Earliest and Latest bound the dates the map can show.
var (
	Earliest = date.MustParse("1991-01-01")
	Latest   = date.MustParse("2026-12-31")
)

// maxParam caps the length of a parameter value considered at all; longer
// values are hostile or broken and are ignored without being parsed.
const maxParam = 64

// Catalog answers what the content knows, so the state can drop values that
// point at nothing.
type Catalog interface {
	// EventDate returns the date of the event with that id, if there is one.
	EventDate(id string) (date.Date, bool)
	// HasCountry reports whether the state with that ISO alpha-3 code can be selected.
	HasCountry(iso string) bool
}

// State is one view of the explainer. The zero State is not valid; use
// Default or Parse.
type State struct {
	At      date.Date // day shown on the map; always day precision
	Event   string    // selected event id, or ""
	Country string    // selected state's ISO alpha-3 code, or ""

	// Extra holds the URL's other parameters, encoded and sorted (an embed's
	// view, theme and host ids, say), so that navigating keeps them. They are
	// not interpreted here.
	Extra string
}

// maxExtra caps the length of Extra; a query with more foreign parameters
// than that keeps none of them.
const maxExtra = 1024

// Default is the opening view: the map at the summit, nothing selected.
func Default() State { return State{At: Summit} }

// Reset returns the default view with s's extra parameters kept.
func (s State) Reset() State { return State{At: Summit, Extra: s.Extra} }

// Parse reads a view from a URL query string (without the "?"). Each value
// that is malformed or unknown to c is ignored. When an event is selected
// and no date is given, the map shows the event's date.
func Parse(rawQuery string, c Catalog) State {
	s := Default()
	// ParseQuery keeps every pair it could read, so a bad pair loses only itself.
	q, _ := url.ParseQuery(rawQuery)
	atGiven := false
	if v := first(q, ParamAt); v != "" {
		if d, ok := parseAt(v); ok {
			s.At, atGiven = d, true
		}
	}
	if v := first(q, ParamEvent); v != "" {
		if d, ok := c.EventDate(v); ok {
			s.Event = v
			if !atGiven {
				s.At = clamp(d.First())
			}
		}
	}
	if v := strings.ToUpper(first(q, ParamCountry)); v != "" && c.HasCountry(v) {
		s.Country = v
	}
	s.Extra = extra(q)
	return s
}

// extra encodes the parameters that are not the view's own, dropping any
// whose name or value is over maxParam long.
func extra(q url.Values) string {
	keep := url.Values{}
	for k, vs := range q {
		if k == ParamAt || k == ParamEvent || k == ParamCountry || k == "" || len(k) > maxParam {
			continue
		}
		if len(vs) > 0 && len(vs[0]) <= maxParam {
			keep.Set(k, vs[0])
		}
	}
	e := keep.Encode() // sorted by key
	if len(e) > maxExtra {
		return ""
	}
	return e
}

// Query encodes s as a URL query string, canonical and without the "?":
// parameters in a fixed order, the default date left out, and "at" left
// out when it is the selected event's own date, so links stay short.
func (s State) Query(c Catalog) string {
	var parts []string
	if s.Event != "" {
		parts = append(parts, ParamEvent+"="+url.QueryEscape(s.Event))
	}
	// The date is left out when Parse would restore it anyway: the
	// selected event's own date, or the summit when nothing is selected.
	switch {
	case s.At.IsZero(), s.showsOwnDate(c):
	case s.Event == "" && s.At == Summit:
	default:
		parts = append(parts, ParamAt+"="+s.At.String())
	}
	if s.Country != "" {
		parts = append(parts, ParamCountry+"="+url.QueryEscape(s.Country))
	}
	if s.Extra != "" {
		parts = append(parts, s.Extra)
	}
	return strings.Join(parts, "&")
}

func (s State) showsOwnDate(c Catalog) bool {
	if s.Event == "" {
		return false
	}
	d, ok := c.EventDate(s.Event)
	return ok && clamp(d.First()) == s.At
}

// SelectEvent returns s with the event selected and the map moved to its date.
func (s State) SelectEvent(id string, c Catalog) State {
	d, ok := c.EventDate(id)
	if !ok {
		return s
	}
	s.Event, s.At = id, clamp(d.First())
	return s
}

// SelectCountry returns s with that state selected, or none for "".
func (s State) SelectCountry(iso string, c Catalog) State {
	if iso == "" || c.HasCountry(iso) {
		s.Country = iso
	}
	return s
}

// ShowDate returns s with the map at day d (clamped to the map's range).
// The selected event stays selected only if d falls within its date.
func (s State) ShowDate(d date.Date, c Catalog) State {
	s.At = clamp(d.First())
	if s.Event != "" {
		if ed, ok := c.EventDate(s.Event); !ok || !ed.Contains(s.At) {
			s.Event = ""
		}
	}
	return s
}

func parseAt(v string) (date.Date, bool) {
	if len(v) > maxParam {
		return date.Date{}, false
	}
	d, err := date.Parse(v)
	if err != nil || d.Prec != date.Day || d.Before(Earliest) || d.After(Latest) {
		return date.Date{}, false
	}
	return d, true
}

func clamp(d date.Date) date.Date {
	switch {
	case d.Before(Earliest):
		return Earliest
	case d.After(Latest):
		return Latest
	}
	return d
}

func first(q url.Values, key string) string {
	v := q.Get(key)
	if len(v) > maxParam {
		return ""
	}
	return v
}
