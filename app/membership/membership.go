// Package membership says where each state stood towards the Collective
// Security Treaty, and later the CSTO, on any day: member, member with its
// participation frozen, suspended, former member, or none.
//
// The history lives in transitions.csv, which editors may change. Each row
// is a change of one state's status:
//
//	date,iso,status,note,source
//	2024-02-22,ARM,frozen,"Pashinyan says ...",ocmedia-2024-02-23 silkway-kremlin-no-notice
//
// date is a full day (YYYY-MM-DD); iso an ISO 3166-1 alpha-3 code known to
// package country; status one of the words of Status; note a sentence for
// the country card; source the keys of one or more reports in package
// sources' sources.csv, separated by spaces or "|". A state's rows must be in date order. Before a
// state's first row its status is none, and a state with no rows was never
// a member.
//
// Decisions the data encodes:
//
//   - A state that signed the treaty (in 1992, or on joining in 1993) counts
//     as a member from the day it signed, although the treaty only entered
//     into force on 20 April 1994: signing is what the sources date, and the
//     map would otherwise show an empty alliance for two years.
//   - Armenia is frozen from 22 February 2024, when Pashinyan said it had
//     frozen its participation. It sent no withdrawal notice, so it remains
//     a member in law; frozen is a kind of membership.
//   - Uzbekistan is suspended from 28 June 2012, the day of its note, and
//     stays suspended: the sources speak of a suspension, which the Council
//     formalised on 19 December 2012 (no change of status, so no row), not of
//     a withdrawal. It is not counted among today's members.
//   - Azerbaijan, Georgia and Uzbekistan are former members from 20 April
//     1999, when the first term ended without their renewing.
package membership

import (
	"fmt"
	"io"
	"sort"

	"explainer/app/country"
	"explainer/app/date"
	"explainer/app/sheet"
	"explainer/app/sources"
)

// Status is where a state stands towards the treaty on a given day.
// The zero Status is None.
type Status uint8

// The statuses. Their words (String) are the values of the map's
// data-status attribute.
const (
	None      Status = iota // not a member: never, not yet, or not since the status shows
	Member                  // a member taking part
	Frozen                  // a member in law that has frozen its participation
	Suspended               // membership suspended by the state
	Former                  // left the treaty
)

var statusWords = [...]string{None: "none", Member: "member", Frozen: "frozen", Suspended: "suspended", Former: "former"}

var statusLabels = [...]string{
	None:      "not a member",
	Member:    "member",
	Frozen:    "member, participation frozen",
	Suspended: "membership suspended",
	Former:    "former member",
}

// Statuses returns every status, in the order a map legend shows them.
func Statuses() []Status { return []Status{Member, Frozen, Suspended, Former, None} }

// String returns the status as the content file and the map's data-status
// attribute write it: "member", "frozen", "suspended", "former" or "none".
func (s Status) String() string {
	if int(s) < len(statusWords) {
		return statusWords[s]
	}
	return fmt.Sprintf("Status(%d)", uint8(s))
}

// Label describes the status for readers: "member", "member, participation
// frozen", "membership suspended", "former member" or "not a member".
func (s Status) Label() string {
	if int(s) < len(statusLabels) {
		return statusLabels[s]
	}
	return s.String()
}

// IsMember reports whether a state with this status is a member in law:
// Member or Frozen.
func (s Status) IsMember() bool { return s == Member || s == Frozen }

// ParseStatus returns the status String writes as s.
func ParseStatus(s string) (Status, bool) {
	for i, w := range statusWords {
		if w == s {
			return Status(i), true
		}
	}
	return None, false
}

// Source is a cited report: outlet, title, date and address.
type Source = sources.Report

// Transition is a change in one state's status.
type Transition struct {
	ISO     string    // ISO 3166-1 alpha-3
	Date    date.Date // the day from which Status holds
	Status  Status
	Note    string // what happened, for the country card
	Sources []Source
	Line    int // line in the content file, for messages
}

// History is every state's transitions. Its methods do not modify it, so
// one History may be shared.
type History struct {
	byState map[string][]Transition // in date order
	states  []string                // sorted
}

// ParseTransitions reads and validates a transitions file; name names it in
// errors. It reports every problem it finds, one per line, as
// "file:line:column: column: problem": a date that is not a real day, a
// state country does not know, an unknown status, a state's rows out of date
// order or repeating its status, a missing or malformed source.
//
// The source column cites reports by their keys in sources.csv; lookup
// finds them (see sources.Catalog.Lookup).
func ParseTransitions(name string, r io.Reader, lookup func(key string) (sources.Report, bool)) (*History, error) {
	s, err := sheet.Read(name, r)
	if err != nil {
		return nil, err
	}
	if err := s.Require("date", "iso", "status", "source"); err != nil {
		return nil, err
	}
	h := &History{byState: make(map[string][]Transition)}
	for _, row := range s.Rows() {
		t := Transition{Line: row.Line, Note: row.Get("note")}
		ok := true
		switch cell := row.Get("date"); {
		case cell == "":
			row.Errorf("date", "missing date")
			ok = false
		default:
			d, err := date.Parse(cell)
			switch {
			case err != nil:
				row.Errorf("date", "%q is not a date (want YYYY-MM-DD)", cell)
				ok = false
			case d.Prec != date.Day:
				row.Errorf("date", "%s is not a full day (want YYYY-MM-DD)", cell)
				ok = false
			}
			t.Date = d
		}
		t.ISO = row.Get("iso")
		if err := country.Check(t.ISO); err != nil {
			row.Errorf("iso", "%w", err)
			ok = false
		}
		cell := row.Get("status")
		var known bool
		if t.Status, known = ParseStatus(cell); !known {
			row.Errorf("status", "%q is not a status (want member, frozen, suspended, former or none)", cell)
			ok = false
		}
		srcs, err := sources.Cite(row.Get("source"), lookup)
		switch {
		case err != nil:
			row.Errorf("source", "%v", err)
			ok = false
		case len(srcs) == 0:
			row.Errorf("source", "missing source (want keys of sources.csv, e.g. \"tass-2012-06-28\")")
			ok = false
		}
		t.Sources = srcs
		if !ok {
			continue
		}
		prev := Transition{Status: None}
		if ts := h.byState[t.ISO]; len(ts) > 0 {
			prev = ts[len(ts)-1]
		}
		switch {
		case prev.Line != 0 && !t.Date.After(prev.Date):
			row.Errorf("date", "%s is not after %s, the date of %s's previous row (line %d): list each state's rows in date order",
				t.Date, prev.Date, t.ISO, prev.Line)
		case t.Status == prev.Status && prev.Line == 0:
			row.Errorf("status", "%s is already %s before its first row", t.ISO, t.Status)
		case t.Status == prev.Status:
			row.Errorf("status", "%s is already %s since line %d", t.ISO, t.Status, prev.Line)
		default:
			h.byState[t.ISO] = append(h.byState[t.ISO], t)
		}
	}
	if err := s.Err(); err != nil {
		return nil, err
	}
	for iso := range h.byState {
		h.states = append(h.states, iso)
	}
	sort.Strings(h.states)
	return h, nil
}

// States returns the ISO codes of the states with any transition, sorted.
func (h *History) States() []string { return append([]string(nil), h.states...) }

// AnyMember reports whether any state was a member in law (IsMember) on
// day: before the treaty, and after a dissolution, none was.
func (h *History) AnyMember(day date.Date) bool {
	for _, iso := range h.states {
		if h.StatusAt(iso, day).IsMember() {
			return true
		}
	}
	return false
}

// First returns the day of the earliest transition of any state: the day
// the treaty's history starts. It reports false for an empty history.
func (h *History) First() (date.Date, bool) {
	var first date.Date
	for _, iso := range h.states {
		if ts := h.byState[iso]; len(ts) > 0 && (first.IsZero() || ts[0].Date.Before(first)) {
			first = ts[0].Date
		}
	}
	return first, !first.IsZero()
}

// Transitions returns the state's transitions in date order, for the
// country card's history; nil if it has none.
func (h *History) Transitions(iso string) []Transition {
	return append([]Transition(nil), h.byState[iso]...)
}

// Since returns the transition that gives the state its status on day: its
// last transition on or before that day. It reports false if there is none,
// that is while the status is None because the state has not joined yet or
// never did.
//
// A day coarser than a day ("2024", "2024-02") is taken at its last day.
// The zero Date means "now": the state's latest transition.
func (h *History) Since(iso string, day date.Date) (Transition, bool) {
	ts := h.byState[iso]
	if day.IsZero() {
		if len(ts) == 0 {
			return Transition{}, false
		}
		return ts[len(ts)-1], true
	}
	last := day.Last()
	i := sort.Search(len(ts), func(i int) bool { return ts[i].Date.After(last) })
	if i == 0 {
		return Transition{}, false
	}
	return ts[i-1], true
}

// StatusAt returns the state's status on day (see Since for coarser dates
// and the zero Date). States with no transitions are None on every day.
func (h *History) StatusAt(iso string, day date.Date) Status {
	if t, ok := h.Since(iso, day); ok {
		return t.Status
	}
	return None
}

// AccessibleName describes a state's status on day in a phrase for screen
// readers and tooltips:
//
//	Armenia: member, participation frozen since 22 February 2024
//	Uzbekistan: former member since 20 April 1999
//	Russia: member since 15 May 1992
//	Armenia: not a member        (before it signed)
//	Turkey: never a member       (no transitions at all)
//
// name is the state's name as the caller shows it; if empty, country.Name
// supplies it.
func (h *History) AccessibleName(iso, name string, day date.Date) string {
	if name == "" {
		name = country.Name(iso)
	}
	t, ok := h.Since(iso, day)
	switch {
	case ok:
		return name + ": " + t.Status.Label() + " since " + t.Date.Long()
	case len(h.byState[iso]) == 0:
		return name + ": never a member"
	}
	return name + ": " + None.Label()
}

// KeyDate is a date worth a column in a "membership by date" table.
type KeyDate struct {
	Date  date.Date
	Label string
}

// KeyDates returns the dates at which membership changed or the story
// turns, in order.
func KeyDates() []KeyDate {
	return []KeyDate{
		{date.MustParse("1991-12-26"), "Soviet Union dissolved"},
		{date.MustParse("1992-05-15"), "Treaty signed in Tashkent"},
		{date.MustParse("1994-04-20"), "Treaty in force"},
		{date.MustParse("1999-04-20"), "First term ends; three states leave"},
		{date.MustParse("2006-06-23"), "Uzbekistan rejoins"},
		{date.MustParse("2012-06-28"), "Uzbekistan suspends its membership"},
		{date.MustParse("2024-02-22"), "Armenia freezes its participation"},
		{date.MustParse("2025-11-27"), "Bishkek summit"},
	}
}

// NewHistory returns the history of these transitions, each state's in date
// order, as ParseTransitions builds it; the generated content calls it.
func NewHistory(transitions []Transition) *History {
	h := &History{byState: make(map[string][]Transition)}
	for _, t := range transitions {
		if _, ok := h.byState[t.ISO]; !ok {
			h.states = append(h.states, t.ISO)
		}
		h.byState[t.ISO] = append(h.byState[t.ISO], t)
	}
	sort.Strings(h.states)
	return h
}

// All returns every state's transitions, the states sorted.
func (h *History) All() []Transition {
	var all []Transition
	for _, iso := range h.states {
		all = append(all, h.byState[iso]...)
	}
	return all
}
