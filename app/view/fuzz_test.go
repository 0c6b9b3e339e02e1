package state_test

import (
	"testing"

	"explainer/app/content"
	"explainer/app/date"
	"explainer/app/view"
)

// FuzzParse feeds Parse any query string: it never panics, and what it
// returns is always a valid view (a real day within the map's range, an
// event and a state the content knows, or none) whose URL form reads back
// as the same view. Seeds: testdata/fuzz/FuzzParse and those below.
func FuzzParse(f *testing.F) {
	for _, q := range []string{
		"", "event=armenia-freezes", "event=armenia-freezes&at=2025-11-27", "at=2024-02-29&country=arm",
		"event=bishkek-summit&country=KAZ&view=map&childId=c1", "at=2023-02-30", "country=%3Cscript%3E",
	} {
		f.Add(q)
	}
	c := content.Default()
	f.Fuzz(func(t *testing.T, q string) {
		s := state.Parse(q, c)
		checkValid(t, q, s, c)
		canonical := s.Query(c)
		back := state.Parse(canonical, c)
		if back != s {
			t.Fatalf("Parse(%q) = %+v; its Query %q reads back as %+v", q, s, canonical, back)
		}
		if again := back.Query(c); again != canonical {
			t.Fatalf("Query is not canonical: %q, then %q", canonical, again)
		}
	})
}

func checkValid(t *testing.T, q string, s state.State, c *content.Content) {
	t.Helper()
	if s.At.Prec != date.Day || s.At.Before(state.Earliest) || s.At.After(state.Latest) {
		t.Fatalf("Parse(%q): date %+v is not a day within the map's range", q, s.At)
	}
	if d, err := date.Parse(s.At.String()); err != nil || d != s.At {
		t.Fatalf("Parse(%q): date %+v does not exist (%v)", q, s.At, err)
	}
	if s.Event != "" {
		if _, ok := c.EventDate(s.Event); !ok {
			t.Fatalf("Parse(%q): unknown event %q", q, s.Event)
		}
	}
	if s.Country != "" && !c.HasCountry(s.Country) {
		t.Fatalf("Parse(%q): unknown state %q", q, s.Country)
	}
}
