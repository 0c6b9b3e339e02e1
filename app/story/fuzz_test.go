package story_test

import (
	"errors"
	"strings"
	"testing"

	"explainer/app/story"
)

// FuzzParse feeds the article parser any file: it never panics; a file it
// accepts has paragraphs with valid ids, and every problem it reports is a
// *story.Error at a line of the file. Seeds: testdata/fuzz/FuzzParse, the
// real article and the ones below.
func FuzzParse(f *testing.F) {
	f.Add("---\nheadline: H\noutlet: O\npublished: 2025-11-26\nreading-minutes: 5\n---\n\n{#a}\nIn [Armenia](country:ARM) on [May 2024](date:2024-05).\n")
	f.Add("---\nheadline: H\n---\n{#a}\n[x](date:2021/2020) [y](country:XXX) ] [z](http://x)\n")
	f.Add("")
	f.Fuzz(func(t *testing.T, src string) {
		a, err := story.Parse("fuzz.md", src)
		lines := strings.Count(strings.ReplaceAll(src, "\r\n", "\n"), "\n") + 1
		if err != nil {
			if a != nil {
				t.Fatalf("an article and an error: %v", err)
			}
			var all []error
			if j, ok := err.(interface{ Unwrap() []error }); ok {
				all = j.Unwrap()
			} else {
				all = []error{err}
			}
			for _, e := range all {
				var se *story.Error
				if !errors.As(e, &se) {
					t.Fatalf("error %T %q is not a *story.Error", e, e)
				}
				if se.File != "fuzz.md" || se.Line < 1 || se.Line > lines || se.Col < 0 || se.Msg == "" {
					t.Fatalf("error at a place not in the file (%d lines): %+v", lines, se)
				}
			}
			return
		}
		if a == nil || len(a.Paragraphs) == 0 || a.Headline == "" || a.Published.IsZero() {
			t.Fatalf("accepted an article without paragraphs, headline or date: %+v", a)
		}
		ids := map[string]bool{}
		for _, p := range a.Paragraphs {
			if p.ID == "" || ids[p.ID] || strings.Trim(p.ID, "abcdefghijklmnopqrstuvwxyz0123456789-") != "" {
				t.Fatalf("paragraph id %q is empty, repeated or malformed", p.ID)
			}
			ids[p.ID] = true
			for _, s := range p.Spans {
				if s.Kind == story.Date && (s.From.IsZero() || !s.To.IsZero() && !s.From.Before(s.To)) {
					t.Fatalf("date span %+v", s)
				}
			}
		}
	})
}
