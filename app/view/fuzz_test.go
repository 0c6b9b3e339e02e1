package view_test

import (
	"strings"
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

// FuzzParsePath does the same for the path form: whatever the path and
// query, ParsePath returns a valid view, and its canonical Path reads back
// as the same view and is written the same way again.
func FuzzParsePath(f *testing.F) {
	for _, s := range [][2]string{
		{"/", ""}, {"/", "event=armenia-freezes"}, {"/event/armenia-freezes/", "country=arm"},
		{"/country/AZE/", "at=2024-02"}, {"/at/1999-06-01/", ""}, {"/at/1999-06/", "view=map"},
		{"/event/nope/", "at=1990"}, {"/at/%zz/", "country=ARM"}, {"/country/a%2Fb/", ""}, {"/event/a/b/", ""},
	} {
		f.Add(s[0], s[1])
	}
	c := content.Default()
	f.Fuzz(func(t *testing.T, p, q string) {
		v, ok := view.ParsePath(p, q, c)
		if !ok {
			if view.IsPath(p) {
				t.Fatalf("ParsePath(%q) refused a path IsPath accepts", p)
			}
			return
		}
		checkValid(t, p+"?"+q, v, c)
		canonical := v.Path(c)
		cp, cq, _ := strings.Cut(canonical, "?")
		if !view.IsPath(cp) {
			t.Fatalf("Path %q is not a view's path", canonical)
		}
		back, ok := view.ParsePath(cp, cq, c)
		v.Asked = date.Date{}
		if !ok || back != v {
			t.Fatalf("ParsePath(%q, %q) = %+v; its Path %q reads back as %+v", p, q, v, canonical, back)
		}
		if again := back.Path(c); again != canonical {
			t.Fatalf("Path is not canonical: %q, then %q", canonical, again)
		}
	})
}
