// Package story holds the article the explainer is built around: its
// metadata, its paragraphs with stable ids, and the marked-up mentions of
// states and dates that link the text to the map and the timeline.
//
// The article is an editable content file (article.md beside this file).
// Its format is a small subset of Markdown, parsed here in plain Go so the
// wasm carries no Markdown library:
//
//	---
//	headline: Armenia Refuses to Attend CSTO Summit in Bishkek
//	outlet: Times Tengri
//	published: 2025-11-26
//	reading-minutes: 5
//	---
//
//	{#summit}
//	The summit is held in Bishkek, the capital of [Kyrgyzstan](country:KGZ),
//	on [November 27, 2025](date:2025-11-27).
//
// A paragraph starts with a line holding only {#id} and runs to the next
// blank line. {#id at=2024-02} also gives the paragraph's moment: the date
// it speaks of (YYYY, YYYY-MM or YYYY-MM-DD), which the map shows while the
// reader reads it; the events it speaks of are those that name it in the
// timeline's Paragraph column. [text](country:ISO3) marks a state, [text](date:D) a date
// (YYYY, YYYY-MM or YYYY-MM-DD) and [text](date:FROM/TO) a span of dates.
// Text before the first {#id} is a note to editors and is not published.
package story

import (
	"strings"

	"explainer/app/date"
)

// Article is the parsed article.
type Article struct {
	Headline       string
	Outlet         string
	Author         string // optional; the outlet when the writer is not named
	Published      date.Date
	ReadingMinutes int
	Note           string // where and when it was first published
	Paragraphs     []Paragraph
}

// Paragraph is one paragraph of the article body.
type Paragraph struct {
	ID    string // stable id, e.g. "escalation"; used as the HTML id and by timeline events
	Line  int    // line of its {#id} in the content file, for error messages
	Spans []Span
	// Moment is the date the paragraph speaks of (its at=), at the
	// precision the article gives it; zero when it gives none.
	Moment date.Date
}

// Kind says what a Span is.
type Kind uint8

// Span kinds.
const (
	Text    Kind = iota // plain text
	Country             // a mention of a state
	Date                // a mention of a date or a span of dates
)

// Span is a run of text in a paragraph, plain or marked up.
type Span struct {
	Kind    Kind
	Text    string
	Country string    // ISO alpha-3, for Kind Country
	From    date.Date // for Kind Date: the date, or the start of the span
	To      date.Date // for Kind Date: the end of a span; zero for a single date
}

// Plain returns the paragraph's text without markup.
func (p Paragraph) Plain() string {
	var b strings.Builder
	for _, s := range p.Spans {
		b.WriteString(s.Text)
	}
	return b.String()
}

// Paragraph returns the paragraph with the given id.
func (a *Article) Paragraph(id string) (Paragraph, bool) {
	for _, p := range a.Paragraphs {
		if p.ID == id {
			return p, true
		}
	}
	return Paragraph{}, false
}

// HasParagraph reports whether the article has a paragraph with that id.
func (a *Article) HasParagraph(id string) bool {
	_, ok := a.Paragraph(id)
	return ok
}

// Words counts the words of the article body.
func (a *Article) Words() int {
	n := 0
	for _, p := range a.Paragraphs {
		n += len(strings.Fields(p.Plain()))
	}
	return n
}

// Mentions returns the ISO codes of the states a paragraph mentions, in order
// of first mention.
func (p Paragraph) Mentions() []string {
	var codes []string
	seen := map[string]bool{}
	for _, s := range p.Spans {
		if s.Kind == Country && !seen[s.Country] {
			seen[s.Country] = true
			codes = append(codes, s.Country)
		}
	}
	return codes
}

// FileName is the content file's name, as error messages give it.
const FileName = "article.md"
