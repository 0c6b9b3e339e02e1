package story

import (
	"errors"
	"strings"
	"testing"

	"explainer/app/date"
)

func TestDefaultArticle(t *testing.T) {
	a := Default()
	if a.Headline != "Armenia Refuses to Attend CSTO Summit in Bishkek" || a.Outlet != "Times Tengri" {
		t.Errorf("headline %q outlet %q", a.Headline, a.Outlet)
	}
	if a.Published != date.MustParse("2025-11-26") {
		t.Errorf("published %v", a.Published)
	}
	wantIDs := []string{"summit", "escalation", "path", "post-soviet", "russia", "external", "manoeuvre", "conclusion"}
	if len(a.Paragraphs) != len(wantIDs) {
		t.Fatalf("%d paragraphs, want %d", len(a.Paragraphs), len(wantIDs))
	}
	for i, id := range wantIDs {
		if a.Paragraphs[i].ID != id {
			t.Errorf("paragraph %d id %q, want %q", i+1, a.Paragraphs[i].ID, id)
		}
	}
	// The stated reading time should match the text at an ordinary 200-250 words a minute.
	if w := a.Words(); w < a.ReadingMinutes*180 || w > a.ReadingMinutes*260 {
		t.Errorf("%d words do not fit a %d-minute read", w, a.ReadingMinutes)
	}
}

func TestDefaultArticleHasNoScrapeFurniture(t *testing.T) {
	a := Default()
	var all strings.Builder
	for _, p := range a.Paragraphs {
		all.WriteString(p.Plain() + "\n")
	}
	text := all.String()
	for _, junk := range []string{"top of page", "bottom of page", "Comments", "Writer:", "min read", "\nree\n", "Search"} {
		if strings.Contains(text, junk) {
			t.Errorf("article text still holds scrape furniture %q", junk)
		}
	}
	for _, p := range a.Paragraphs {
		if strings.Contains(p.Plain(), "](") || strings.Contains(p.Plain(), "{#") {
			t.Errorf("paragraph %s leaks markup: %q", p.ID, p.Plain())
		}
	}
}

// The issue lists the mentions the map and timeline link to; all must be marked up.
func TestDefaultArticleMarksMentions(t *testing.T) {
	a := Default()
	countries := map[string]bool{}
	dates := map[string]bool{}
	for _, p := range a.Paragraphs {
		for _, s := range p.Spans {
			switch s.Kind {
			case Country:
				countries[s.Country] = true
			case Date:
				key := s.From.String()
				if !s.To.IsZero() {
					key += "/" + s.To.String()
				}
				dates[key] = true
			}
		}
	}
	for _, c := range []string{"ARM", "RUS", "KGZ", "BLR", "KAZ", "TJK", "AZE", "TUR", "IRN"} {
		if !countries[c] {
			t.Errorf("no marked-up mention of %s", c)
		}
	}
	for _, d := range []string{"2023-01", "2024-02", "2024-05", "2025-11-27", "2021/2022", "1991"} {
		if !dates[d] {
			t.Errorf("no marked-up mention of date %s", d)
		}
	}
}

func TestParseSpans(t *testing.T) {
	src := "---\nheadline: H\noutlet: O\npublished: 2025-11-26\nreading-minutes: 1\n---\n\n{#one}\nIn [May 2024](date:2024-05), [Armenia](country:ARM)\nstopped paying for [2021-2022](date:2021/2022).\n"
	a, err := Parse("t.md", src)
	if err != nil {
		t.Fatal(err)
	}
	p := a.Paragraphs[0]
	if got := p.Plain(); got != "In May 2024, Armenia stopped paying for 2021-2022." {
		t.Errorf("plain text %q", got)
	}
	want := []Span{
		{Kind: Text, Text: "In "},
		{Kind: Date, Text: "May 2024", From: date.MustParse("2024-05")},
		{Kind: Text, Text: ", "},
		{Kind: Country, Text: "Armenia", Country: "ARM"},
		{Kind: Text, Text: " stopped paying for "},
		{Kind: Date, Text: "2021-2022", From: date.MustParse("2021"), To: date.MustParse("2022")},
		{Kind: Text, Text: "."},
	}
	if len(p.Spans) != len(want) {
		t.Fatalf("spans %+v", p.Spans)
	}
	for i := range want {
		if p.Spans[i] != want[i] {
			t.Errorf("span %d = %+v, want %+v", i, p.Spans[i], want[i])
		}
	}
	if a.Author != "O" {
		t.Errorf("author should default to the outlet, got %q", a.Author)
	}
	if m := p.Mentions(); len(m) != 1 || m[0] != "ARM" {
		t.Errorf("mentions %v", m)
	}
}

// Each malformed file must fail with the file, line, column and the problem.
func TestParseErrors(t *testing.T) {
	const head = "---\nheadline: H\noutlet: O\npublished: 2025-11-26\nreading-minutes: 5\n---\n"
	tests := []struct {
		name, src, want string
	}{
		{"no front matter", "{#a}\ntext\n", `bad.md:1: want front matter starting with "---"`},
		{"unclosed front matter", "---\nheadline: H\n", `front matter is not closed`},
		{"missing key", "---\nheadline: H\n---\n{#a}\nx\n", `bad.md:3: front matter lacks "outlet"`},
		{"unknown key", "---\nheadlin: H\noutlet: O\npublished: 2025-11-26\nreading-minutes: 5\nheadline: H\n---\n{#a}\nx\n", `bad.md:2:1: unknown front matter key "headlin"`},
		{"bad published date", "---\nheadline: H\noutlet: O\npublished: 2025-02-30\nreading-minutes: 5\n---\n{#a}\nx\n", `bad.md:4:12: published: date "2025-02-30": no such date`},
		{"month-only published date", "---\nheadline: H\noutlet: O\npublished: 2025-02\nreading-minutes: 5\n---\n{#a}\nx\n", `bad.md:4:12: published: want a full date`},
		{"bad reading time", "---\nheadline: H\noutlet: O\npublished: 2025-11-26\nreading-minutes: five\n---\n{#a}\nx\n", `bad.md:5:18: reading-minutes: want a whole number`},
		{"empty paragraph", head + "{#a}\n\n{#b}\ntext\n", `bad.md:7: paragraph "a" is empty`},
		{"duplicate id", head + "{#a}\nx\n\n{#a}\ny\n", `bad.md:10:1: duplicate paragraph id "a" (first on line 7)`},
		{"bad id", head + "{#A b}\nx\n", `bad.md:7:1: want a paragraph id`},
		{"no paragraphs", head + "\n", `the article has no paragraphs`},
		{"bad moment date", head + "{#a at=2024-13}\nx\n", `bad.md:7:8: at: date "2024-13": no such date`},
		{"moment before the map's dates", head + "{#a at=1990-12}\nx\n", `bad.md:7:8: at: 1990-12 is outside the map's dates, 1991-01-01 to 2026-12-31`},
		{"moment after the map's dates", head + "{#a at=2027}\nx\n", `bad.md:7:8: at: 2027 is outside the map's dates`},
		{"moment without a date", head + "{#a at=}\nx\n", `bad.md:7:5: at= needs a date`},
		{"unknown paragraph attribute", head + "{#a  at=2024 events=x}\nx\n", `bad.md:7:14: unknown paragraph attribute "events"`},
		{"two moments", head + "  {#a at=2024 at=2023}\nx\n", `bad.md:7:15: duplicate at=`},
		{"unknown country", head + "{#a}\nIn [Narnia](country:NAR) it rains.\n", `bad.md:8:4: unknown country code "NAR"`},
		{"empty country code", head + "{#a}\nIn [Armenia](country:).\n", `bad.md:8:4: missing country code`},
		{"lower-case country", head + "{#a}\nIn [Armenia](country:arm).\n", `bad.md:8:4: unknown country code "arm" (want it in upper case: ARM)`},
		{"bad date", head + "{#a}\nOn [31 April](date:2024-04-31).\n", `bad.md:8:4: date "2024-04-31": no such date`},
		{"date span backwards", head + "{#a}\nIn [then](date:2022/2021).\n", `bad.md:8:4: date span "2022/2021" ends before it starts`},
		{"unknown scheme", head + "{#a}\nSee [this](https://example.com).\n", `bad.md:8:5: unknown link target "https://example.com"`},
		{"unclosed bracket", head + "{#a}\nA [broken link\n", `bad.md:8:3: "[" without a matching "]"`},
		{"stray bracket", head + "{#a}\nA broken] link\n", `bad.md:8:9: "]" without "["`},
		{"no target", head + "{#a}\nA [word] alone\n", `bad.md:8:3: want "(" right after "]"`},
		{"unclosed target", head + "{#a}\nA [word](country:ARM alone\n", `bad.md:8:3: "(" without a matching ")"`},
		{"column counts characters", head + "{#a}\nArmenia’s [x](country:XXX)\n", `bad.md:8:11: unknown country code "XXX"`},
		{"second line of a paragraph", head + "{#a}\nfine\n  and [x](date:2024-13)\n", `bad.md:9:7: date "2024-13": no such date`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("bad.md", tt.src)
			if err == nil {
				t.Fatalf("no error; want %q", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error\n%v\nwant it to contain\n%s", err, tt.want)
			}
			var perr *Error
			if !errors.As(err, &perr) || perr.File != "bad.md" || perr.Line == 0 {
				t.Errorf("error %v is not a positioned *Error", err)
			}
		})
	}
}

func TestParseMoments(t *testing.T) {
	const head = "---\nheadline: H\noutlet: O\npublished: 2025-11-26\nreading-minutes: 5\n---\n"
	a, err := Parse("ok.md", head+"{#a at=2024-02}\nx\n\n{#b}\ny\n\n{#c at=1992 }\nz\n")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]date.Date{"a": date.MustParse("2024-02"), "b": {}, "c": date.MustParse("1992")}
	for _, p := range a.Paragraphs {
		if p.Moment != want[p.ID] {
			t.Errorf("paragraph %s: moment %v, want %v", p.ID, p.Moment, want[p.ID])
		}
	}
}

// The paragraphs the explainer's checks scroll to speak of their times.
func TestDefaultArticleMoments(t *testing.T) {
	a := Default()
	for id, years := range map[string][2]int{"summit": {2025, 2025}, "escalation": {2021, 2024}, "post-soviet": {1991, 2002}} {
		p, _ := a.Paragraph(id)
		if y := p.Moment.Year; y < years[0] || y > years[1] {
			t.Errorf("paragraph %s speaks of %v, want a date in %d-%d", id, p.Moment, years[0], years[1])
		}
	}
}

func TestParseReportsEveryProblem(t *testing.T) {
	src := "---\nheadline: H\noutlet: O\npublished: 2025-11-26\nreading-minutes: 5\n---\n{#a}\n[x](country:XXX) and [y](date:2024-13)\n"
	_, err := Parse("bad.md", src)
	if err == nil || !strings.Contains(err.Error(), "XXX") || !strings.Contains(err.Error(), "2024-13") {
		t.Fatalf("want both problems reported, got %v", err)
	}
}
