package view

import (
	"strconv"
	"strings"
	"testing"

	"explainer/app/date"
)

// fakeCatalog knows three events and three countries.
type fakeCatalog struct{}

func (fakeCatalog) EventDate(id string) (date.Date, bool) {
	switch id {
	case "armenia-freezes":
		return date.MustParse("2024-02-22"), true
	case "exercises-refused":
		return date.MustParse("2023-01"), true
	case "soviet-collapse":
		return date.MustParse("1991-12-26"), true
	}
	return date.Date{}, false
}

func (fakeCatalog) HasCountry(iso string) bool { return iso == "ARM" || iso == "RUS" || iso == "UZB" }

func TestParse(t *testing.T) {
	c := fakeCatalog{}
	tests := []struct {
		query string
		want  View
	}{
		{"", Default()},
		{"at=2010-05-01", View{At: date.MustParse("2010-05-01")}},
		{"country=ARM", View{At: Summit, Country: "ARM"}},
		{"country=arm", View{At: Summit, Country: "ARM"}},
		{"event=armenia-freezes", View{At: date.MustParse("2024-02-22"), Event: "armenia-freezes"}},
		{"event=exercises-refused", View{At: date.MustParse("2023-01-01"), Event: "exercises-refused"}},
		{"event=armenia-freezes&at=2000-01-01&country=RUS", View{At: date.MustParse("2000-01-01"), Event: "armenia-freezes", Country: "RUS"}},
		// Each bad value is dropped on its own; the good ones stay.
		{"event=nope&at=2010-05-01", View{At: date.MustParse("2010-05-01")}},
		{"at=2023-02-30&country=RUS", View{At: Summit, Country: "RUS"}},
		{"at=2024-02-30&country=XXX", Default()},
		{"at=1999-3", Default()},
		{"at=0999", Default()},
		{"at=1999-03-01T00", Default()},
		// A month or a year stands for its last day, and keeps its form.
		{"at=1999-03", View{At: date.MustParse("1999-03-31"), Period: date.MustParse("1999-03")}},
		{"at=2024-02&country=XXX", View{At: date.MustParse("2024-02-29"), Period: date.MustParse("2024-02")}},
		{"at=1995", View{At: date.MustParse("1995-12-31"), Period: date.MustParse("1995")}},
		{"at=2026", View{At: Latest, Period: date.MustParse("2026")}},
		// A real date outside the map's range clamps, and is remembered
		// so the reader can be told.
		{"at=1990-06-01", View{At: Earliest, Asked: date.MustParse("1990-06-01")}},
		{"at=1990", View{At: Earliest, Asked: date.MustParse("1990")}},
		{"at=1900-01-01", View{At: Earliest, Asked: date.MustParse("1900-01-01")}},
		{"at=9999-12-31", View{At: Latest, Asked: date.MustParse("9999-12-31")}},
		{"at=2027-01", View{At: Latest, Asked: date.MustParse("2027-01")}},
		{"at=" + strings.Repeat("9", 10000), Default()},
		{"country=" + strings.Repeat("A", 1000), Default()},
		{"at=%zz&country=ARM", View{At: Summit, Country: "ARM"}},
		{"country=ARM;at=2010-05-01", Default()},
		{"country=%3Cscript%3E", Default()},
		{"event=..%2F..%2Fetc%2Fpasswd", Default()},
		{"at=2010-05-01&at=2012-01-01", View{At: date.MustParse("2010-05-01")}},
		// Foreign parameters are kept, sorted and re-encoded, so an embed's
		// options survive navigation.
		{"view=map&country=ARM&childId=c1", View{At: Summit, Country: "ARM", Extra: "childId=c1&view=map"}},
		{"theme=%3Cb%3E", View{At: Summit, Extra: "theme=%3Cb%3E"}},
		{"utm=" + strings.Repeat("x", 100), Default()},
		{manyParams(60), Default()},
	}
	for _, tt := range tests {
		if got := Parse(tt.query, c); got != tt.want {
			t.Errorf("Parse(%.40q) = %+v, want %+v", tt.query, got, tt.want)
		}
	}
}

func TestQueryRoundTrip(t *testing.T) {
	c := fakeCatalog{}
	tests := []struct {
		view  View
		query string
	}{
		{Default(), ""},
		{View{At: date.MustParse("2010-05-01")}, "at=2010-05-01"},
		{View{At: date.MustParse("2024-02-22"), Event: "armenia-freezes"}, "event=armenia-freezes"},
		{View{At: date.MustParse("2024-03-01"), Event: "armenia-freezes", Country: "ARM"}, "event=armenia-freezes&at=2024-03-01&country=ARM"},
		{View{At: Summit, Country: "UZB"}, "country=UZB"},
		{View{At: Summit, Event: "armenia-freezes", Extra: "view=map"}, "event=armenia-freezes&at=2025-11-27&view=map"},
		{View{At: date.MustParse("1999-03-31"), Period: date.MustParse("1999-03")}, "at=1999-03"},
		{View{At: date.MustParse("1995-12-31"), Period: date.MustParse("1995"), Country: "ARM"}, "at=1995&country=ARM"},
		{View{At: date.MustParse("2023-01-31"), Period: date.MustParse("2023-01"), Event: "exercises-refused"}, "event=exercises-refused&at=2023-01"},
	}
	for _, tt := range tests {
		if got := tt.view.Query(c); got != tt.query {
			t.Errorf("%+v.Query() = %q, want %q", tt.view, got, tt.query)
		}
		if back := Parse(tt.query, c); back != tt.view {
			t.Errorf("Parse(%q) = %+v, want %+v", tt.query, back, tt.view)
		}
	}
}

// A clamped date is written back as the day the map shows: the URL says
// what is on screen, and the note about the asked date is said once.
func TestClampedQuery(t *testing.T) {
	c := fakeCatalog{}
	for q, want := range map[string]string{
		"at=1990-06-01":         "at=1991-01-01",
		"at=1990&country=ARM":   "at=1991-01-01&country=ARM",
		"at=2030-05":            "at=2026-12-31",
		"at=1999-03&at=1995":    "at=1999-03",
		"country=arm&at=1995":   "at=1995&country=ARM",
		"at=1999-3&country=RUS": "country=RUS",
	} {
		if got := Parse(q, c).Query(c); got != want {
			t.Errorf("Parse(%q).Query() = %q, want %q", q, got, want)
		}
	}
}

func TestFollowKeepsTheClampNote(t *testing.T) {
	c := fakeCatalog{}
	asked := Parse("at=1990-06-01", c)
	if got := asked.Follow(Parse(asked.Query(c), c)); got != asked {
		t.Errorf("following the normalised URL lost the note: %+v", got)
	}
	if got := asked.Follow(Parse("at=1995", c)); !got.Asked.IsZero() {
		t.Errorf("moving on kept the note: %+v", got)
	}
}

func TestDateText(t *testing.T) {
	c := fakeCatalog{}
	for q, want := range map[string][2]string{
		"":              {"27 November 2025", "on 27 November 2025"},
		"at=1999-03":    {"end of March 1999", "at the end of March 1999"},
		"at=1995":       {"end of 1995", "at the end of 1995"},
		"at=1990-06-01": {"1 January 1991", "on 1 January 1991"},
	} {
		v := Parse(q, c)
		if got := [2]string{v.DateText(), v.Prep() + " " + v.DateText()}; got != want {
			t.Errorf("Parse(%q): DateText, with Prep = %q, want %q", q, got, want)
		}
	}
	// Moving the map by day forgets the month.
	v := Parse("at=1999-03", c).ShowDate(date.MustParse("1999-05-31"), c)
	if !v.Period.IsZero() || v.DateText() != "31 May 1999" {
		t.Errorf("ShowDate kept the month: %+v", v)
	}
	if v := Parse("at=1999-03", c).SelectEvent("armenia-freezes", c); !v.Period.IsZero() {
		t.Errorf("SelectEvent kept the month: %+v", v)
	}
}

func TestTransitions(t *testing.T) {
	c := fakeCatalog{}
	v := Default().SelectEvent("armenia-freezes", c)
	if v.Event != "armenia-freezes" || v.At != date.MustParse("2024-02-22") {
		t.Fatalf("SelectEvent: %+v", v)
	}
	if got := v.SelectEvent("nope", c); got != v {
		t.Errorf("selecting an unknown event changed the view: %+v", got)
	}
	if got := v.ShowDate(date.MustParse("2024-02-22"), c); got.Event != "armenia-freezes" {
		t.Errorf("showing the event's own date dropped the event: %+v", got)
	}
	if got := v.ShowDate(date.MustParse("2010-01-01"), c); got.Event != "" || got.At != date.MustParse("2010-01-01") {
		t.Errorf("moving away from the event's date should drop it: %+v", got)
	}
	if got := v.ShowDate(date.MustParse("1800-01-01"), c); got.At != Earliest {
		t.Errorf("dates before the map's range clamp to it: %+v", got)
	}
	if got := v.SelectCountry("ARM", c).SelectCountry("", c); got.Country != "" {
		t.Errorf("SelectCountry(\"\") should clear: %+v", got)
	}
	if got := v.SelectCountry("XXX", c); got.Country != "" {
		t.Errorf("unknown country selected: %+v", got)
	}
}

// manyParams is a query of n distinct foreign parameters, 22 bytes each.
func manyParams(n int) string {
	var parts []string
	for i := 0; i < n; i++ {
		parts = append(parts, "param"+strconv.Itoa(1000+i)+"=0123456789ab")
	}
	return strings.Join(parts, "&")
}

func TestShowPeriodAndReading(t *testing.T) {
	c := fakeCatalog{}
	v := Parse("event=armenia-freezes&country=ARM&view=all", c)
	feb := date.MustParse("2024-02")

	shown := v.ShowPeriod(feb, c)
	if shown.At != date.MustParse("2024-02-29") || shown.Period != feb {
		t.Errorf("ShowPeriod(2024-02) shows %v (period %v), want the end of February", shown.At, shown.Period)
	}
	if got := shown.Query(c); got != "at=2024-02&country=ARM&view=all" {
		t.Errorf("ShowPeriod(2024-02) query %q: the event of 22 February is not the 29th's", got)
	}
	if got := v.ShowPeriod(date.MustParse("2024-02-22"), c).Event; got != "armenia-freezes" {
		t.Errorf("ShowPeriod on the event's own day dropped it (event %q)", got)
	}

	read := v.Reading(date.MustParse("1992"))
	if read.At != date.MustParse("1992-12-31") || read.Event != v.Event || read.Country != v.Country || read.Extra != v.Extra {
		t.Errorf("Reading(1992) = %+v, want the end of 1992 with the reader's choices kept", read)
	}
	if read := v.Reading(date.MustParse("1980")); read.At != Earliest || !read.Asked.IsZero() {
		t.Errorf("Reading(1980) shows %v, want the map's first day", read.At)
	}
}
