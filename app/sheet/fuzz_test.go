package sheet_test

import (
	"errors"
	"explainer/app/sources"
	"strings"
	"testing"

	"explainer/app/membership"
	"explainer/app/sheet"
	"explainer/app/timeline"
)

// The content readers take any file an editor (or a spreadsheet export)
// produces: they never panic, and every problem they report is a
// *sheet.Error naming the file and a line in it. Seeds: testdata/fuzz/<Name>,
// which hold the real events.csv, transitions.csv and a TimelineJS sheet.

func FuzzRead(f *testing.F) {
	f.Add("Year,Headline\n1991,\"Two\nlines\"\n,,\n2024\n")
	f.Add("\ufeffa,A\n")
	f.Add("a,b\n\"x\"y\",1\n")
	f.Fuzz(func(t *testing.T, data string) {
		s, err := sheet.Read("fuzz.csv", strings.NewReader(data))
		if err != nil {
			checkErrors(t, data, err)
			return
		}
		for _, row := range s.Rows() {
			if row.Line < 2 {
				t.Fatalf("a data row on line %d", row.Line)
			}
			for _, c := range []string{"a", "Year", "Headline", "missing"} {
				cell := row.Get(c)
				sheet.List(cell)
				row.Errorf(c, "checked %q", cell)
			}
		}
		if len(s.Rows()) > 0 {
			checkErrors(t, data, s.Err())
		}
	})
}

func FuzzTimeline(f *testing.F) {
	f.Add("ID,Year,Headline,Kind,Text,Sources\nx,1991,H,context,T,tass-2012-06-28\n")
	f.Fuzz(func(t *testing.T, data string) {
		tl, err := timeline.Parse("fuzz.csv", strings.NewReader(data), timeline.Known{Paragraphs: timeline.IsArticleParagraph, Sources: sources.Default().Lookup})
		if err != nil {
			checkErrors(t, data, err)
			return
		}
		for _, e := range tl.Events() {
			if e.ID == "" || e.Date.IsZero() {
				t.Fatalf("accepted event %+v", e)
			}
			if got, ok := tl.Lookup(e.ID); !ok || got.ID != e.ID {
				t.Fatalf("Lookup(%q) = %+v, %v", e.ID, got, ok)
			}
		}
		tl.Path()
		tl.Eras()
	})
}

func FuzzTransitions(f *testing.F) {
	f.Add("date,iso,status,note,source\n1992-05-15,ARM,member,n,tass-2012-06-28\n")
	f.Fuzz(func(t *testing.T, data string) {
		h, err := membership.ParseTransitions("fuzz.csv", strings.NewReader(data), sources.Default().Lookup)
		if err != nil {
			checkErrors(t, data, err)
			return
		}
		for _, iso := range h.States() {
			for _, tr := range h.Transitions(iso) {
				h.StatusAt(iso, tr.Date)
				h.AccessibleName(iso, iso, tr.Date)
			}
		}
	})
}

// checkErrors checks that each joined error is a *sheet.Error in the file,
// at a line that exists.
func checkErrors(t *testing.T, data string, err error) {
	t.Helper()
	if err == nil {
		return
	}
	all := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		all = j.Unwrap()
	}
	lines := strings.Count(data, "\n") + 1
	for _, e := range all {
		var se *sheet.Error
		if !errors.As(e, &se) {
			t.Fatalf("error %T %q is not a *sheet.Error", e, e)
		}
		if se.File != "fuzz.csv" || se.Line < 1 || se.Line > lines || se.Col < 0 || e.Error() == "" {
			t.Fatalf("error at a place not in the file (%d lines): %+v: %v", lines, se, e)
		}
	}
}
