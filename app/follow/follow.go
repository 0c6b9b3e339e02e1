// Package follow decides what the map and the timeline show while the
// reader reads the article: the moment of the paragraph being read (its
// date, the states it names, the events it speaks of), unless the reader
// has chosen a view since, or has switched following off.
//
// The rules, which the browser glue only reports to:
//
//   - The paragraph being read is the one at the reading line. When a
//     different one reaches the line by the reader's own scrolling (or
//     focus), the panels follow it.
//   - A choice (a click on an event, a state, the date slider; any
//     navigation) stands until the reader reads into another paragraph.
//   - When the app scrolls the article itself (to show a selected event's
//     passage), the paragraph it brings to the line is noted, not
//     followed: that is not reading.
//   - The view the page opened with is the reader's choice too: the
//     paragraph at the line on arrival is noted, not followed.
//   - Above the first paragraph, the panels show the reader's own view.
package follow

import (
	"explainer/app/content"
	"explainer/app/view"
)

// Follow is the state of following for one page. The zero value is on,
// with the reader's view shown until they read into a paragraph.
type Follow struct {
	// Off is the reader's switch: when set, the panels show their view alone.
	Off bool

	atLine   string // the paragraph at the reading line, "" above the article
	followed string // the paragraph the panels follow, when not chosen
	noted    bool   // the line has been reported at least once
	reading  bool   // the panels follow the text (no choice since the line moved)
}

// Read notes that paragraph id (or "" above the article) is now at the
// reading line. byApp is true when the app's own scrolling put it there.
// It reports whether what the panels follow changed.
func (f *Follow) Read(id string, byApp bool) bool {
	if f.noted && id == f.atLine {
		return false
	}
	first := !f.noted
	f.atLine, f.noted = id, true
	if byApp || first {
		return false
	}
	changed := !f.reading || f.followed != id
	f.followed, f.reading = id, true
	return changed && !f.Off
}

// Choose records that the reader chose a view: it stands until they read
// into another paragraph. It reports whether the panels stop following.
func (f *Follow) Choose() bool {
	was := f.Paragraph()
	f.reading = false
	return was != ""
}

// Switch turns following on or off. Turned on, the panels follow the
// paragraph at the line at once: that is what the reader asked for.
func (f *Follow) Switch(on bool) {
	f.Off = !on
	if on && f.noted {
		f.followed, f.reading = f.atLine, true
	}
}

// Paragraph is the paragraph whose moment the panels show, "" when they
// show the reader's view.
func (f Follow) Paragraph() string {
	if f.Off || !f.reading {
		return ""
	}
	return f.followed
}

// Shown is what the panels show.
type Shown struct {
	View      view.View // the reader's view, at the moment's date while following
	Paragraph string    // the paragraph followed, "" for none
	States    []string  // the states it names, ISO alpha-3, in order of mention
	Events    []string  // the events it speaks of, in timeline order
}

// Following reports whether the panels show a paragraph's moment rather
// than the reader's own view alone.
func (s Shown) Following() bool { return s.Paragraph != "" }

// Show returns what the panels show for the reader's view v. A paragraph
// without a moment shows the reader's view.
func (f Follow) Show(v view.View, c *content.Content) Shown {
	p, ok := c.Article.Paragraph(f.Paragraph())
	if !ok || p.Moment.IsZero() {
		return Shown{View: v}
	}
	s := Shown{View: v.Reading(p.Moment), Paragraph: p.ID, States: p.Mentions()}
	for _, e := range c.Timeline.ForParagraph(p.ID) {
		s.Events = append(s.Events, e.ID)
	}
	return s
}
