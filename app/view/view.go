// Package view is the reader's view of the explainer: the date the map
// shows, the selected event and the selected country, and its URL form.
//
// It is not called "state" because in this story a state is a country.
//
// The URL is the one source of truth for a view: every view has a shareable
// address, and a deep link restores it. Unknown or malformed values are
// dropped, so a bad link opens the default view instead of an error.
package view

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

// Catalog answers what the content knows, so a view can drop values that
// point at nothing.
type Catalog interface {
	// EventDate returns the date of the event with that id, if there is one.
	EventDate(id string) (date.Date, bool)
	// HasCountry reports whether the country with that ISO alpha-3 code can be selected.
	HasCountry(iso string) bool
}

// View is one view of the explainer. The zero View is not valid; use
// Default or Parse.
type View struct {
	At      date.Date // day shown on the map; always day precision
	Event   string    // selected event id, or ""
	Country string    // selected country's ISO alpha-3 code, or ""

	// Period is the month or year the URL named ("1999-03", "1995"), or
	// zero when it named a day. At is then the period's last day: the map
	// shows how things stood at its end, as the date slider does for each
	// month, and the URL keeps the reader's shorter form.
	Period date.Date

	// Asked is the date the URL named when it lay outside the map's range
	// and At was clamped into it, so the reader can be told; zero
	// otherwise. It is never written back into a URL.
	Asked date.Date

	// Extra holds the URL's other parameters, encoded and sorted (an embed's
	// view, theme and host ids, say), so that navigating keeps them. They are
	// not interpreted here.
	Extra string

	// InEmbed is set for a view shown at /embed, whose URL keeps the query
	// form (an iframe's address is the host's to write, and its ids live in
	// the query): links and navigation stay on /embed. Parse never sets it.
	InEmbed bool
}

// maxExtra caps the length of Extra; a query with more foreign parameters
// than that keeps none of them.
const maxExtra = 1024

// Default is the opening view: the map at the summit, nothing selected.
func Default() View { return View{At: Summit} }

// setAt shows date d, a day, month or year: a month or year by its last
// day, and a date outside the map's range by the nearest day within it.
func (v *View) setAt(d date.Date) {
	day := d.Last()
	v.At, v.Period, v.Asked = clamp(day), date.Date{}, date.Date{}
	switch {
	case v.At != day:
		v.Asked = d
	case d.Prec != date.Day:
		v.Period = d
	}
}

// DateText names the date the map shows as a reader would say it:
// "27 November 2025", or for a month or year the URL named, "end of March
// 1999" or "end of 1995".
func (v View) DateText() string {
	if !v.Period.IsZero() {
		return "end of " + v.Period.Long()
	}
	return v.At.Long()
}

// Prep is the preposition DateText takes after a verb: "on" (27 November
// 2025) or "at the" (end of March 1999).
func (v View) Prep() string {
	if !v.Period.IsZero() {
		return "at the"
	}
	return "on"
}

// Follow returns next, the view the URL now gives, keeping v's Asked when
// next is v itself: rewriting the URL to the clamped day it shows must not
// lose the note of the day the reader's link asked for.
func (v View) Follow(next View) View {
	same := v
	same.Asked = date.Date{}
	if next.Asked.IsZero() && same == next {
		next.Asked = v.Asked
	}
	return next
}

// Reset returns the default view with v's extra parameters kept.
func (v View) Reset() View { return View{At: Summit, Extra: v.Extra, InEmbed: v.InEmbed} }

// Parse reads a view from a URL query string (without the "?"). Each value
// that is malformed or unknown to c is ignored. The date may be a day, a
// month or a year (see setAt). When an event is selected and no date is
// given, the map shows the event's date.
func Parse(rawQuery string, c Catalog) View {
	// ParseQuery keeps every pair it could read, so a bad pair loses only itself.
	q, _ := url.ParseQuery(rawQuery)
	return parseValues(q, c)
}

func parseValues(q url.Values, c Catalog) View {
	v := Default()
	atGiven := false
	if at := first(q, ParamAt); at != "" {
		if d, ok := parseAt(at); ok {
			v.setAt(d)
			atGiven = true
		}
	}
	if id := first(q, ParamEvent); id != "" {
		if d, ok := c.EventDate(id); ok {
			v.Event = id
			if !atGiven {
				v.At = clamp(d.First())
			}
		}
	}
	if iso := strings.ToUpper(first(q, ParamCountry)); iso != "" && c.HasCountry(iso) {
		v.Country = iso
	}
	v.Extra = extra(q)
	return v
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

// Query encodes v as a URL query string, canonical and without the "?":
// parameters in a fixed order, the default date left out, and "at" left
// out when it is the selected event's own date, so links stay short.
func (v View) Query(c Catalog) string {
	var parts []string
	if v.Event != "" {
		parts = append(parts, ParamEvent+"="+url.QueryEscape(v.Event))
	}
	// The date is left out when Parse would restore it anyway: the
	// selected event's own date, or the summit when nothing is selected.
	switch {
	case v.At.IsZero():
	case !v.Period.IsZero() && clamp(v.Period.Last()) == v.At:
		parts = append(parts, ParamAt+"="+v.Period.String())
	case v.showsOwnDate(c):
	case v.Event == "" && v.At == Summit:
	default:
		parts = append(parts, ParamAt+"="+v.At.String())
	}
	if v.Country != "" {
		parts = append(parts, ParamCountry+"="+url.QueryEscape(v.Country))
	}
	if v.Extra != "" {
		parts = append(parts, v.Extra)
	}
	return strings.Join(parts, "&")
}

func (v View) showsOwnDate(c Catalog) bool {
	if v.Event == "" {
		return false
	}
	d, ok := c.EventDate(v.Event)
	return ok && clamp(d.First()) == v.At
}

// SelectEvent returns v with the event selected and the map moved to its date.
func (v View) SelectEvent(id string, c Catalog) View {
	d, ok := c.EventDate(id)
	if !ok {
		return v
	}
	v.Event, v.At, v.Period, v.Asked = id, clamp(d.First()), date.Date{}, date.Date{}
	return v
}

// SelectCountry returns v with that country selected, or none for "".
func (v View) SelectCountry(iso string, c Catalog) View {
	if iso == "" || c.HasCountry(iso) {
		v.Country = iso
	}
	return v
}

// ShowDate returns v with the map at day d (clamped to the map's range).
// The selected event stays selected only if d falls within its date.
func (v View) ShowDate(d date.Date, c Catalog) View {
	v.At, v.Period, v.Asked = clamp(d.First()), date.Date{}, date.Date{}
	if v.Event != "" {
		if ed, ok := c.EventDate(v.Event); !ok || !ed.Contains(v.At) {
			v.Event = ""
		}
	}
	return v
}

// ShowPeriod returns v with the map at d, a day, a month or a year, as
// the URL's at= puts it (a month or a year by its last day). The selected
// event stays selected only if that day falls within its date.
func (v View) ShowPeriod(d date.Date, c Catalog) View {
	v.setAt(d)
	if v.Event != "" {
		if ed, ok := c.EventDate(v.Event); !ok || !ed.Contains(v.At) {
			v.Event = ""
		}
	}
	return v
}

// Reading returns v with the map at d as ShowPeriod puts it, and the
// selected event and state kept: reading the article moves the map, never
// the reader's own choices, which stay in the URL.
func (v View) Reading(d date.Date) View {
	v.setAt(d)
	v.Asked = date.Date{} // the article, not a link, asked for it: no note
	return v
}

// parseAt reads the URL's date: a day, a month or a year, any that exists
// (setAt brings it within the map's range).
func parseAt(raw string) (date.Date, bool) {
	if len(raw) > maxParam {
		return date.Date{}, false
	}
	d, err := date.Parse(raw)
	if err != nil {
		return date.Date{}, false
	}
	return d, true
}

func clamp(d date.Date) date.Date { return d.Clamp(Earliest, Latest) }

func first(q url.Values, key string) string {
	v := q.Get(key)
	if len(v) > maxParam {
		return ""
	}
	return v
}
