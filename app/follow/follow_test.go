package follow

import (
	"slices"
	"testing"

	"explainer/app/content"
	"explainer/app/date"
	"explainer/app/view"
)

// step is one thing that happens on the page and what the panels follow
// after it.
type step struct {
	do     func(*Follow) bool
	change bool   // whether the step reports a change
	want   string // the paragraph followed after it
}

func read(id string) func(*Follow) bool { return func(f *Follow) bool { return f.Read(id, false) } }
func appScroll(id string) func(*Follow) bool {
	return func(f *Follow) bool { return f.Read(id, true) }
}
func choose(f *Follow) bool { return f.Choose() }

func run(t *testing.T, f *Follow, steps []step) {
	t.Helper()
	for i, s := range steps {
		if got := s.do(f); got != s.change {
			t.Errorf("step %d: reported change %v, want %v", i+1, got, s.change)
		}
		if got := f.Paragraph(); got != s.want {
			t.Errorf("step %d: follows %q, want %q", i+1, got, s.want)
		}
	}
}

func TestReadingFollowsTheLine(t *testing.T) {
	run(t, &Follow{}, []step{
		{read("summit"), false, ""}, // the view the page opened with stands
		{read("summit"), false, ""},
		{read("escalation"), true, "escalation"},
		{read("escalation"), false, "escalation"},
		{read("path"), true, "path"},
		{read("escalation"), true, "escalation"}, // back up the same way
		{read("summit"), true, "summit"},
		{read(""), true, ""}, // above the article: the reader's view
		{read("summit"), true, "summit"},
	})
}

func TestAChoiceStandsUntilTheReaderReadsOn(t *testing.T) {
	run(t, &Follow{}, []step{
		{read("summit"), false, ""},
		{read("escalation"), true, "escalation"},
		{choose, true, ""},
		{choose, false, ""},
		// The app scrolls the chosen event's passage to the line: noted, not followed.
		{appScroll("post-soviet"), false, ""},
		{appScroll("post-soviet"), false, ""},
		{read("post-soviet"), false, ""}, // still the same paragraph
		{read("russia"), true, "russia"}, // the reader reads on
	})
}

func TestSwitchedOffNothingFollows(t *testing.T) {
	f := &Follow{}
	f.Switch(false)
	run(t, f, []step{
		{read("summit"), false, ""},
		{read("escalation"), false, ""},
		{read("path"), false, ""},
	})
	// Switched back on, the panels follow the paragraph being read at once.
	f.Switch(true)
	if got := f.Paragraph(); got != "path" {
		t.Errorf("switched on, follows %q, want path", got)
	}
}

func TestShow(t *testing.T) {
	c := content.Default()
	v := view.Parse("event=armenia-freezes&country=RUS", c)
	f := &Follow{}
	if s := f.Show(v, c); s.View != v || s.Following() {
		t.Errorf("before reading, shows %+v, want the reader's view", s)
	}
	f.Read("summit", false)
	f.Read("post-soviet", false)
	s := f.Show(v, c)
	if s.View.At != date.MustParse("1992-12-31") {
		t.Errorf("post-soviet shows %v, want the end of 1992", s.View.At)
	}
	if s.View.Event != v.Event || s.View.Country != v.Country {
		t.Errorf("reading lost the reader's choices: %+v", s.View)
	}
	if !slices.Contains(s.States, "ARM") || !slices.Contains(s.States, "RUS") {
		t.Errorf("post-soviet names %v, want Armenia and Russia among them", s.States)
	}
	if !slices.Contains(s.Events, "treaty-signed") {
		t.Errorf("post-soviet marks %v, want the treaty's signature among them", s.Events)
	}
	f.Read("", false)
	if s := f.Show(v, c); s.View != v || s.Following() {
		t.Errorf("above the article, shows %+v, want the reader's view", s)
	}
}
