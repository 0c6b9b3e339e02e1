package sheet

import (
	"errors"
	"strings"
	"testing"
)

func TestError(t *testing.T) {
	tests := []struct {
		err  Error
		want string
	}{
		{Error{File: "events.csv", Line: 12, Col: 2, Column: "Month", Err: errors.New("13 is not a month")}, "events.csv:12:2: Month: 13 is not a month"},
		{Error{File: "events.csv", Line: 1, Err: errors.New(`missing column "ID"`)}, `events.csv:1: missing column "ID"`},
		{Error{File: "events.csv", Err: errors.New("read failed")}, "events.csv: read failed"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}

func TestRead(t *testing.T) {
	csv := "\ufeff Year ,Headline,,Extra\n" +
		"1991,\"Two\nlines\",,\n" +
		",,,\n" + // blank rows are skipped
		"2024\n" // a short row reads as empty cells
	s, err := Read("f.csv", strings.NewReader(csv))
	if err != nil {
		t.Fatal(err)
	}
	if !s.Has("year") || !s.Has("HEADLINE") || s.Has("Text") || s.Has("") {
		t.Error("Has: header names should match case-insensitively, and empty names not at all")
	}
	rows := s.Rows()
	if len(rows) != 2 || rows[0].Get("Headline") != "Two\nlines" || rows[1].Line != 5 || rows[1].Get("Headline") != "" || rows[1].Get("Text") != "" {
		t.Fatalf("rows = %+v", rows)
	}
	rows[1].Errorf("Headline", "missing headline")
	rows[0].Errorf("Extra", "bad")
	rows[0].Errorf("Nope", "not a column")
	want := "f.csv:2: Nope: not a column\nf.csv:3:4: Extra: bad\nf.csv:5:2: Headline: missing headline" // Extra follows a two-line cell
	if err := s.Err(); err == nil || err.Error() != want {
		t.Errorf("Err() =\n%v\nwant\n%s", err, want)
	}
	if err := s.Require("Year", "Text", "Date"); err == nil || err.Error() != "f.csv:1: missing column \"Text\"\nf.csv:1: missing column \"Date\"" {
		t.Errorf("Require = %v", err)
	}
}

func TestList(t *testing.T) {
	got := List(" ARM AZE,RUS; TJK\t")
	if strings.Join(got, "|") != "ARM|AZE|RUS|TJK" {
		t.Errorf("List = %q", got)
	}
	if len(List("  ")) != 0 {
		t.Error("List of a blank cell should be empty")
	}
}

func TestWarningsDoNotFailTheSheet(t *testing.T) {
	s, err := Read("x.csv", strings.NewReader("A,B\n1,2\n3,4\n"))
	if err != nil {
		t.Fatal(err)
	}
	s.Rows()[1].Warnf("B", "not shown")
	if err := s.Err(); err != nil {
		t.Errorf("a warning failed the sheet: %v", err)
	}
	w := s.Warnings()
	if len(w) != 1 || w[0].Error() != "x.csv:3:2: B: not shown" {
		t.Errorf("warnings %v, want x.csv:3:2: B: not shown", w)
	}
}
