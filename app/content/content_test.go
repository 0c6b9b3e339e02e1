package content

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"explainer/app/geo"
	"explainer/app/story"
	"explainer/app/timeline"
	"explainer/app/view"
)

var _ view.Catalog = (*Content)(nil)

// The timeline package checks paragraph ids against its own list; this is
// the cross-check that the list is the article's.
func TestTimelineKnowsTheArticlesParagraphs(t *testing.T) {
	c := Default()
	var ids []string
	for _, p := range c.Article.Paragraphs {
		ids = append(ids, p.ID)
	}
	if !slices.Equal(ids, timeline.ArticleParagraphs) {
		t.Errorf("timeline.ArticleParagraphs = %v, article has %v", timeline.ArticleParagraphs, ids)
	}
	for _, e := range c.Timeline.Events() {
		if e.Paragraph != "" && !c.Article.HasParagraph(e.Paragraph) {
			t.Errorf("event %s points at missing paragraph %q", e.ID, e.Paragraph)
		}
	}
}

// Every date the article marks must open an event, or the link goes nowhere.
func TestEveryDateMentionHasAnEvent(t *testing.T) {
	c := Default()
	for _, p := range c.Article.Paragraphs {
		for _, s := range p.Spans {
			if s.Kind != story.Date {
				continue
			}
			e, ok := c.EventForMention(s)
			if !ok {
				t.Errorf("paragraph %s: date mention %q has no event", p.ID, s.Text)
				continue
			}
			if s.To.IsZero() && !s.From.Contains(e.Date.First()) {
				t.Errorf("mention %q maps to event %s on %s", s.Text, e.ID, e.Date)
			}
		}
	}
}

// Every state with a membership history and every state the article names
// must be on the map, so the links have something to show.
func TestStatesAreOnTheMap(t *testing.T) {
	c := Default()
	for _, iso := range c.History.States() {
		if _, ok := geo.Lookup(iso); !ok {
			t.Errorf("%s has a membership history but no shape", iso)
		}
	}
	for _, p := range c.Article.Paragraphs {
		for _, iso := range p.Mentions() {
			if _, ok := geo.Lookup(iso); !ok {
				t.Errorf("paragraph %s names %s, which has no shape", p.ID, iso)
			}
		}
	}
	for _, e := range c.Timeline.Events() {
		for _, iso := range e.States {
			if !c.HasCountry(iso) {
				t.Errorf("event %s involves unknown %s", e.ID, iso)
			}
		}
	}
}

func TestCatalog(t *testing.T) {
	c := Default()
	if !c.HasCountry("ARM") || c.HasCountry("XXX") {
		t.Error("HasCountry")
	}
	e := c.Timeline.Events()[0]
	if d, ok := c.EventDate(e.ID); !ok || d != e.Date {
		t.Errorf("EventDate(%s) = %v, %v", e.ID, d, ok)
	}
	if _, ok := c.EventDate("no-such-event"); ok {
		t.Error("EventDate of an unknown id")
	}
}

// A state the article marks in a paragraph must list that paragraph in its
// role, or its card would leave the mention out.
func TestRolesCoverTheMarkedMentions(t *testing.T) {
	c := Default()
	for _, p := range c.Article.Paragraphs {
		for _, iso := range p.Mentions() {
			r, ok := c.Roles.Lookup(iso)
			if !ok {
				t.Errorf("paragraph %s names %s, which has no role", p.ID, iso)
				continue
			}
			if !r.Mentioned(p.ID) {
				t.Errorf("%s's role does not list paragraph %s, which names it", iso, p.ID)
			}
		}
	}
}

func TestParagraphsMentioning(t *testing.T) {
	refs := Default().ParagraphsMentioning("KGZ")
	if len(refs) == 0 || refs[0].ID != "summit" || refs[0].Number != "1" || !strings.HasSuffix(refs[0].Opening, "…") {
		t.Errorf("ParagraphsMentioning(KGZ) = %+v", refs)
	}
	if Default().ParagraphsMentioning("XXX") != nil {
		t.Error("an unknown state mentions paragraphs")
	}
}

func TestDefaultHasEveryPart(t *testing.T) {
	for _, step := range LoadSteps() {
		step()
	}
	c := reflect.ValueOf(*Default())
	for i := range c.NumField() {
		if c.Field(i).IsNil() {
			t.Errorf("Default's %s is nil: no part reads it", c.Type().Field(i).Name)
		}
	}
}

// openingBySplitting is opening as it was first written: clear, and
// slower, as it splits all of the text.
func openingBySplitting(text string, n int) string {
	words := strings.Fields(text)
	if len(words) <= n {
		return text
	}
	return strings.Join(words[:n], " ") + "…"
}

func FuzzOpeningAsBySplitting(f *testing.F) {
	for _, p := range Default().Article.Paragraphs {
		f.Add(p.Plain(), 8)
	}
	f.Add("", 8)
	f.Add("  one  two\tthree\n", 2)
	f.Add("one two", 2)
	f.Add("one two ", 2)
	f.Add("é\u00a0ü x", 1)
	f.Fuzz(func(t *testing.T, text string, n int) {
		if n < 0 || n > 50 {
			return
		}
		if got, want := opening(text, n), openingBySplitting(text, n); got != want {
			t.Errorf("opening(%q, %d) = %q, want %q", text, n, got, want)
		}
	})
}
