package view_test

import (
	"testing"

	"explainer/app/content"
	"explainer/app/date"
	"explainer/app/view"
)

// FuzzParse feeds Parse any query string: it never panics, and what it
// returns is always a valid view (a real day within the map's range, an
// event and a country the content knows, or none) whose URL form reads back
// as the same view. Seeds: testdata/fuzz/FuzzParse and those below.
func FuzzParse(f *testing.F) {
	for _, q := range []string{
		"", "event=armenia-freezes", "event=armenia-freezes&at=2025-11-27", "at=2024-02-29&country=arm",
		"event=bishkek-summit&country=KAZ&view=map&childId=c1", "at=2023-02-30", "country=%3Cscript%3E",
		"at=1999-03", "at=1995", "at=1990-06-01", "at=2026", "event=armenia-freezes&at=2024-02",
	} {
		f.Add(q)
	}
	c := content.Default()
	f.Fuzz(func(t *testing.T, q string) {
		v := view.Parse(q, c)
		checkValid(t, q, v, c)
		canonical := v.Query(c)
		back := view.Parse(canonical, c)
		// The clamped date the URL asked for is told once, not kept.
		v.Asked = date.Date{}
		if back != v {
			t.Fatalf("Parse(%q) = %+v; its Query %q reads back as %+v", q, v, canonical, back)
		}
		if again := back.Query(c); again != canonical {
			t.Fatalf("Query is not canonical: %q, then %q", canonical, again)
		}
	})
}

func checkValid(t *testing.T, q string, v view.View, c *content.Content) {
	t.Helper()
	if v.At.Prec != date.Day || v.At.Before(view.Earliest) || v.At.After(view.Latest) {
		t.Fatalf("Parse(%q): date %+v is not a day within the map's range", q, v.At)
	}
	if d, err := date.Parse(v.At.String()); err != nil || d != v.At {
		t.Fatalf("Parse(%q): date %+v does not exist (%v)", q, v.At, err)
	}
	if !v.Period.IsZero() && (v.Period.Prec == date.Day || v.Period.Last() != v.At) {
		t.Fatalf("Parse(%q): period %+v does not end on %+v", q, v.Period, v.At)
	}
	if v.Event != "" {
		if _, ok := c.EventDate(v.Event); !ok {
			t.Fatalf("Parse(%q): unknown event %q", q, v.Event)
		}
	}
	if v.Country != "" && !c.HasCountry(v.Country) {
		t.Fatalf("Parse(%q): unknown country %q", q, v.Country)
	}
}
