// Package content bundles everything the explainer shows: the article, the
// timeline of events, the membership history and the map's states. It is
// the one place that knows how they refer to each other, and it answers
// the reader's view's questions (is this an event? can this country be
// selected?).
package content

import (
	"strconv"
	"strings"
	"sync"
	"unicode"

	"explainer/app/country"
	"explainer/app/date"
	"explainer/app/geo"
	"explainer/app/membership"
	"explainer/app/roles"
	"explainer/app/sources"
	"explainer/app/story"
	"explainer/app/timeline"
)

// The client's model is Go data written from the content files at build
// time; make build runs this too.
//go:generate go run explainer/tools/contentgen

// Content is the explainer's whole content, loaded once and shared. Its
// parts are read-only after loading.
type Content struct {
	Article  *story.Article
	Timeline *timeline.Timeline
	History  *membership.History
	Roles    *roles.Roles
}

var (
	defaultOnce sync.Once
	defaultC    *Content
)

// parts reads each part of Default's content, in the order LoadSteps
// runs them: sources before the timeline and the history, which cite them.
var parts = []func(c *Content){
	func(*Content) { sources.Default() },
	func(c *Content) { c.Timeline = timeline.Default() },
	func(c *Content) { c.History = membership.Default() },
	func(c *Content) { c.Roles = roles.Default() },
	func(c *Content) { c.Article = story.Default() },
}

// Default returns the content embedded in the binary.
func Default() *Content {
	defaultOnce.Do(func() {
		c := &Content{}
		for _, read := range parts {
			read(c)
		}
		defaultC = c
	})
	return defaultC
}

// LoadSteps are the reads Default does, one content file each, for a
// caller that runs them apart. Each builds its part from the generated
// literals rather than parsing, but in the browser even that costs time,
// mostly V8 compiling the code on its first call. One step at a time,
// with the browser free between steps, none blocks the reader for long.
// Each read is done once: Default then only assembles.
func LoadSteps() []func() {
	steps := make([]func(), len(parts))
	for i, read := range parts {
		steps[i] = func() { read(&Content{}) }
	}
	return steps
}

// EventDate returns the date of the event with that id; it makes Content a
// view.Catalog.
func (c *Content) EventDate(id string) (date.Date, bool) {
	e, ok := c.Timeline.Lookup(id)
	if !ok {
		return date.Date{}, false
	}
	return e.Date, true
}

// HasCountry reports whether a state can be selected: it is drawn on the
// map or the content names it.
func (c *Content) HasCountry(iso string) bool {
	if _, ok := geo.Lookup(iso); ok {
		return true
	}
	return country.Known(iso)
}

// CountryName returns a state's short name as the explainer shows it.
func (c *Content) CountryName(iso string) string {
	if g, ok := geo.Lookup(iso); ok {
		return g.Name
	}
	return country.Name(iso)
}

// EventForMention returns the event an article date mention refers to: the
// first event within the mentioned date or span.
func (c *Content) EventForMention(s story.Span) (timeline.Event, bool) {
	if s.Kind != story.Date {
		return timeline.Event{}, false
	}
	if s.To.IsZero() {
		return c.Timeline.ForDate(s.From)
	}
	for i := range c.Timeline.Len() {
		if e := c.Timeline.At(i); !e.Date.First().Before(s.From.First()) && !e.Date.First().After(s.To.Last()) {
			return e, true
		}
	}
	return timeline.Event{}, false
}

// Role returns what the article says of a state, or "".
func (c *Content) Role(iso string) string {
	r, _ := c.Roles.Lookup(iso)
	return r.Summary
}

// Summit returns the state's attendance at the Bishkek summit in words
// ("attended", "absent", "not a member"), or "" if the content is silent.
func (c *Content) Summit(iso string) string {
	r, _ := c.Roles.Lookup(iso)
	return string(r.Attendance)
}

// ParagraphRef points at a paragraph of the article for a reader.
type ParagraphRef struct {
	ID      string // paragraph id
	Number  string // its position, from "1"
	Opening string // its first words, to recognise it by
}

// ParagraphsMentioning returns the paragraphs that discuss a state, in
// article order.
func (c *Content) ParagraphsMentioning(iso string) []ParagraphRef {
	r, ok := c.Roles.Lookup(iso)
	if !ok {
		return nil
	}
	var refs []ParagraphRef
	for i, p := range c.Article.Paragraphs {
		if r.Mentioned(p.ID) {
			refs = append(refs, ParagraphRef{ID: p.ID, Number: strconv.Itoa(i + 1), Opening: opening(p.Plain(), 8)})
		}
	}
	return refs
}

// opening returns the first n words of text, with an ellipsis if cut. It
// reads no further than the word after them: a country card asks for the
// opening of every paragraph naming its state on each render, and
// splitting whole paragraphs into words was most of that.
func opening(text string, n int) string {
	var b strings.Builder
	words, start := 0, -1
	for i, r := range text {
		if !unicode.IsSpace(r) {
			if start < 0 {
				if words == n {
					return b.String() + "…"
				}
				start = i
			}
			continue
		}
		if start >= 0 {
			if words > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(text[start:i])
			words, start = words+1, -1
		}
	}
	return text
}
