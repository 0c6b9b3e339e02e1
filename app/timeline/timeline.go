// Package timeline holds the events of the Armenia-CSTO story, from the
// Soviet collapse to the Bishkek summit of 27 November 2025, and the eras
// that band them.
//
// The events live in events.csv, a file editors keep in a spreadsheet. Its
// leading columns are exactly those of the TimelineJS Google Sheets template,
//
//	Year, Month, Day, Time, End Year, End Month, End Day, End Time,
//	Display Date, Headline, Text, Media, Media Credit, Media Caption,
//	Media Thumbnail, Type, Group, Background
//
// so the sheet also loads in TimelineJS, followed by the explainer's own:
//
//	ID         stable slug used in URLs and data-event attributes
//	Kind       treaty, membership, conflict, estrangement, summit or context
//	States     ISO 3166-1 alpha-3 codes of the states involved, e.g. "ARM AZE"
//	Sources    keys of the cited reports in package sources' sources.csv
//	           (outlet, title, date, URL), e.g. "tass-2012-06-28 tass-2012-12-19"
//	Paragraph  id of the article paragraph that discusses the event, if any
//	Path       "yes" if the event is a step on Armenia's estrangement path
//	Step       the step's rung on the escalation staircase (1, 2, ...)
//	Note       "single source", "context" or empty: how firm the sourcing is
//
// Headline becomes the event's headline and Text its summary; Text may hold
// the HTML TimelineJS allows, which package richtext keeps to a safe few
// tags. Group puts events in lanes of the chart, as TimelineJS draws one
// row per group. Rows whose Type is
// "era" are eras (Eras) rather than events; a "title" row gives the title.
// Media, its credit, caption, Alt Text and thumbnail are read by package
// media (see Media); Background gives an event its accent where it can be
// seen (see Event.Accent). Time and End Time are read by TimelineJS only.
//
// Columns are found by header name, case-insensitively, in any order. A
// sheet without an ID column is read in TimelineJS compatibility mode: see
// Parse.
package timeline

import (
	"slices"
	"sort"

	"explainer/app/date"
	"explainer/app/media"
	"explainer/app/richtext"
	"explainer/app/sources"
)

// Kind classifies an event.
type Kind string

// The kinds of event.
const (
	KindTreaty       Kind = "treaty"       // the treaty and the organisation's founding texts
	KindMembership   Kind = "membership"   // a state joins, leaves or suspends
	KindConflict     Kind = "conflict"     // fighting that tested the alliance
	KindEstrangement Kind = "estrangement" // Armenia's steps away, and answers to them
	KindSummit       Kind = "summit"       // a CSTO summit
	KindContext      Kind = "context"      // background to the story
)

// Kinds lists every kind, in the order a legend shows them.
func Kinds() []Kind {
	return []Kind{KindTreaty, KindMembership, KindConflict, KindEstrangement, KindSummit, KindContext}
}

func parseKind(s string) (Kind, bool) {
	for _, k := range Kinds() {
		if string(k) == s {
			return k, true
		}
	}
	return "", false
}

// Note says how firm an event's sourcing is; readers are told when it is
// not the norm.
type Note string

// The notes. NoteNone is the norm: the fact was checked against the sources given.
const (
	NoteNone         Note = ""
	NoteSingleSource Note = "single source" // only one source reports it
	NoteContext      Note = "context"       // widely reported background, cited to a reference work
)

// Source is a cited report: outlet, title, date and address.
type Source = sources.Report

// Media is the TimelineJS media of an event or of the title, if any: the
// Media cell read by package media, with its Media Credit, Media Caption
// and Alt Text (TimelineJS 3.9's column), and the Media Thumbnail.
type Media struct {
	media.Media
	Credit, Caption richtext.Text
	// Alt is the image's text alternative; a local image without one is
	// decorative (alt=""), its caption the only description.
	Alt string
	// Thumbnail is shown in the event list when it is a local image; the
	// list loads nothing from other sites.
	Thumbnail media.Media
}

// Event is one dated event of the story.
type Event struct {
	ID          string    // stable slug, e.g. "armenia-freezes"
	Date        date.Date // when it happened, at the precision known
	End         date.Date // last day of an event that lasted, or the zero Date
	DisplayDate string    // the sheet's own wording of the date, if any; see Display
	Headline    string
	Summary     string        // 1-3 sentences: Text's words, without markup
	Text        richtext.Text // the Text cell as the reader sees it, markup sanitised
	Media       Media
	Group       string // TimelineJS group: its lane in the chart
	// Accent is the sheet's Background colour as "#rrggbb", kept only if
	// it shows as a mark on every background of both themes; else "".
	Accent    string
	Kind      Kind
	States    []string // ISO alpha-3 codes of the states involved
	Sources   []Source
	Paragraph string // id of the article paragraph discussing it, or ""
	Path      bool   // a step on Armenia's estrangement path
	Step      int    // rung on the escalation staircase, or 0
	Note      Note
	Line      int // line in the content file, for messages
}

// Display is the date as readers see it: the sheet's Display Date if set,
// otherwise the date in long form ("22 February 2024").
func (e Event) Display() string {
	if e.DisplayDate != "" {
		return e.DisplayDate
	}
	return e.Date.Long()
}

// Involves reports whether the state with ISO code iso is among e.States.
func (e Event) Involves(iso string) bool {
	for _, s := range e.States {
		if s == iso {
			return true
		}
	}
	return false
}

// Era is a period that bands the timeline, such as "The CSTO".
type Era struct {
	ID          string
	Label       string // the row's Headline
	Text        richtext.Text
	Start, End  date.Date
	DisplayDate string
	Line        int
}

// Contains reports whether the day-precision date day falls within the era.
func (e Era) Contains(day date.Date) bool {
	return !day.Before(e.Start.First()) && !e.End.Last().Before(day)
}

// Title is the sheet's TimelineJS title slide, if it has one: the
// timeline's introduction.
type Title struct {
	Headline, Text richtext.Text
	Media          Media
}

// IsZero reports whether there is no title to show.
func (t Title) IsZero() bool {
	return t.Headline.IsEmpty() && t.Text.IsEmpty() && t.Media.IsZero() &&
		t.Media.Caption.IsEmpty() && t.Media.Credit.IsEmpty()
}

// Timeline is a validated set of events and eras. Its methods do not modify
// it, so one Timeline may be shared; callers must not modify the slices
// inside the events it returns.
type Timeline struct {
	events []Event // sorted by date, then file order
	eras   []Era   // sorted by start
	title  Title
	groups []string       // the events' groups, in the order they first appear
	warns  []error        // see Warnings
	full   bool           // the sheet has the explainer's own columns
	index  map[string]int // event id -> position in events
}

// Full reports whether the sheet is in the explainer's full format, with
// ids, sources and the rest of its own columns; a plain TimelineJS sheet
// is not, and what needs those columns (the corrections log's events) must
// do without them.
func (t *Timeline) Full() bool { return t.full }

// Events returns every event, sorted by date (events on the same date in
// file order).
func (t *Timeline) Events() []Event { return append([]Event(nil), t.events...) }

// Len returns the number of events.
func (t *Timeline) Len() int { return len(t.events) }

// At returns the i-th event of Events. The panels read every event on
// each render, as the reader's scroll moves them: reading them one by one
// copies no list (Events' copy was a fifth of a follow update's garbage).
func (t *Timeline) At(i int) Event { return t.events[i] }

// HasPath reports whether any event is a step of the path, without
// copying the path as Path does.
func (t *Timeline) HasPath() bool {
	return slices.ContainsFunc(t.events, func(e Event) bool { return e.Path })
}

// Lookup returns the event with the given id.
func (t *Timeline) Lookup(id string) (Event, bool) {
	if i, ok := t.index[id]; ok {
		return t.events[i], true
	}
	return Event{}, false
}

// Index returns the position of the event with the given id in Events,
// or -1 if there is none.
func (t *Timeline) Index(id string) int {
	if i, ok := t.index[id]; ok {
		return i
	}
	return -1
}

// Path returns the steps of Armenia's estrangement, in date order.
func (t *Timeline) Path() []Event {
	return t.filter(func(e Event) bool { return e.Path })
}

// ForParagraph returns the events the article paragraph with the given id
// discusses, in date order.
func (t *Timeline) ForParagraph(id string) []Event {
	return t.filter(func(e Event) bool { return e.Paragraph == id })
}

// ForState returns the events involving the state with ISO code iso, in date order.
func (t *Timeline) ForState(iso string) []Event {
	return t.filter(func(e Event) bool { return e.Involves(iso) })
}

func (t *Timeline) filter(keep func(Event) bool) []Event {
	// Counted first, so the result is one allocation of its size: the
	// panels ask for the path several times a render, and appending
	// events (large structs) grew and copied it each time.
	n := 0
	for _, e := range t.events {
		if keep(e) {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]Event, 0, n)
	for _, e := range t.events {
		if keep(e) {
			out = append(out, e)
		}
	}
	return out
}

// ForDate returns the event a date mentioned in the article refers to: the
// first event whose date falls within d ("2023-01" gives the event of
// 10 January 2023). If no event starts within d, it returns the first event
// whose own date, coarser than d, contains it. It reports false if none does.
func (t *Timeline) ForDate(d date.Date) (Event, bool) {
	if d.IsZero() {
		return Event{}, false
	}
	for _, e := range t.events {
		if d.Contains(e.Date.First()) {
			return e, true
		}
	}
	for _, e := range t.events {
		if e.Date.Contains(d.First()) {
			return e, true
		}
	}
	return Event{}, false
}

// Eras returns the eras, sorted by start date. Eras may overlap: Armenia's
// estrangement falls within the CSTO's era.
func (t *Timeline) Eras() []Era { return append([]Era(nil), t.eras...) }

// Title returns the sheet's title slide, or a zero Title.
func (t *Timeline) Title() Title { return t.title }

// Groups returns the events' groups (TimelineJS's Group column) in the
// order they first appear in the sheet, or nil if no event has one. When
// some events have a group and others not, the others' group is "", last.
func (t *Timeline) Groups() []string { return append([]string(nil), t.groups...) }

// Warnings lists what the sheet asks for that readers will not be shown,
// each as "file:line:column: Column: what and why" (see sheet.Error):
// media that cannot be shown, a local image without Alt Text, remote
// thumbnails, Background colours that would not be seen. They do not stop
// the sheet loading; the content check prints them.
func (t *Timeline) Warnings() []error { return append([]error(nil), t.warns...) }

func (t *Timeline) sort() {
	sort.SliceStable(t.events, func(i, j int) bool { return t.events[i].Date.Before(t.events[j].Date) })
	sort.SliceStable(t.eras, func(i, j int) bool { return t.eras[i].Start.Before(t.eras[j].Start) })
	t.index = make(map[string]int, len(t.events))
	for i, e := range t.events {
		t.index[e.ID] = i
	}
}

// Assemble builds the Timeline that Parse would give for these parts, in
// Parse's order; the generated content (see Generated) calls it, so the
// client gets the model without parsing. Warnings are not carried: they are
// the content check's, which parses.
func Assemble(events []Event, eras []Era, title Title, groups []string, full bool) *Timeline {
	t := &Timeline{events: events, eras: eras, title: title, groups: groups, full: full}
	t.sort()
	return t
}
