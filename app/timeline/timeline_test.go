package timeline

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"explainer/app/country"
	"explainer/app/date"
	"explainer/app/media"
	"explainer/app/sheet"
	"explainer/app/sheet/sheettest"
	"explainer/app/sources"
)

var article = Known{Paragraphs: IsArticleParagraph, Sources: sources.Default().Lookup}

func TestDefault(t *testing.T) {
	tl := Default()
	events := tl.Events()
	if len(events) < 25 {
		t.Fatalf("%d events, want at least 25", len(events))
	}
	ids := make(map[string]bool)
	for i, e := range events {
		if ids[e.ID] {
			t.Errorf("%s: duplicate id", e.ID)
		}
		ids[e.ID] = true
		if i > 0 && e.Date.Before(events[i-1].Date) {
			t.Errorf("%s (%s) sorted after %s (%s)", e.ID, e.Date, events[i-1].ID, events[i-1].Date)
		}
		if e.Date.Prec != date.Day {
			t.Errorf("%s: date %s is not a day", e.ID, e.Date)
		}
		if e.Headline == "" || e.Summary == "" {
			t.Errorf("%s: missing headline or summary", e.ID)
		}
		if len(e.Sources) == 0 {
			t.Errorf("%s: no sources", e.ID)
		}
		for _, s := range e.Sources {
			if sources.CheckReportURL(s.URL) != nil || s.Outlet == "" || s.Title == "" || s.Date.IsZero() {
				t.Errorf("%s: source %s is not a dated, titled report", e.ID, s.Key)
			}
		}
		if len(e.States) == 0 {
			t.Errorf("%s: no states", e.ID)
		}
		for _, s := range e.States {
			if !country.Known(s) {
				t.Errorf("%s: unknown state %s", e.ID, s)
			}
		}
		if e.Paragraph != "" && !IsArticleParagraph(e.Paragraph) {
			t.Errorf("%s: unknown paragraph %q", e.ID, e.Paragraph)
		}
		// Kind colours the chart's markers; a Group would draw lanes that
		// only repeat it.
		if e.Group != "" {
			t.Errorf("%s: Group %q: the explainer's own events are classified by Kind", e.ID, e.Group)
		}
		if tl.Index(e.ID) != i {
			t.Errorf("Index(%s) = %d, want %d", e.ID, tl.Index(e.ID), i)
		}
		if got, ok := tl.Lookup(e.ID); !ok || got.ID != e.ID {
			t.Errorf("Lookup(%s) = %v, %v", e.ID, got.ID, ok)
		}
	}
	if _, ok := tl.Lookup("no-such-event"); ok || tl.Index("no-such-event") != -1 {
		t.Error("an unknown id should not be found")
	}
}

// TestHeader checks that events.csv starts with the TimelineJS template's
// columns, exactly and in order, so the sheet loads in TimelineJS.
func TestHeader(t *testing.T) {
	file, err := os.ReadFile("events.csv")
	if err != nil {
		t.Fatal(err)
	}
	header, _, _ := strings.Cut(string(file), "\n")
	want := strings.Join(append(append([]string(nil), templateColumns...), ownColumns...), ",")
	if header != want {
		t.Errorf("events.csv header\n got %s\nwant %s", header, want)
	}
}

// TestChronology checks that every dated fact of the chronology has its
// event, with the paragraph, path and sourcing note it should have.
func TestChronology(t *testing.T) {
	tests := []struct {
		id, date, paragraph string
		path                bool
		note                Note
	}{
		{"soviet-union-dissolved", "1991-12-26", "post-soviet", false, NoteNone},
		{"treaty-signed", "1992-05-15", "post-soviet", false, NoteNone},
		{"azerbaijan-signs", "1993-09-24", "", false, NoteNone},
		{"georgia-signs", "1993-12-09", "", false, NoteNone},
		{"belarus-signs", "1993-12-31", "", false, NoteNone},
		{"treaty-in-force", "1994-04-20", "", false, NoteNone},
		{"treaty-renewed", "1999-04-02", "", false, NoteNone},
		{"three-states-leave", "1999-04-20", "", false, NoteNone},
		{"organisation-decided", "2002-05-14", "", false, NoteNone},
		{"charter-signed", "2002-10-07", "post-soviet", false, NoteNone},
		{"uzbekistan-rejoins", "2006-06-23", "", false, NoteNone},
		{"uzbekistan-suspends", "2012-06-28", "", false, NoteNone},
		{"karabakh-war-2020", "2020-09-27", "", false, NoteContext},
		{"border-incursion", "2021-05-12", "escalation", true, NoteContext},
		{"kazakhstan-deployment", "2022-01-06", "", false, NoteNone},
		{"article-4-invoked", "2022-09-13", "escalation", true, NoteNone},
		{"yerevan-summit", "2022-11-23", "", true, NoteNone},
		{"exercises-refused", "2023-01-10", "escalation", true, NoteNone},
		{"deputy-post-declined", "2023-03-10", "", true, NoteNone},
		{"karabakh-offensive-2023", "2023-09-19", "", false, NoteNone},
		{"minsk-summit-skipped", "2023-11-23", "", true, NoteNone},
		{"armenia-freezes", "2024-02-22", "escalation", true, NoteNone},
		{"funding-stopped", "2024-05-08", "escalation", true, NoteNone},
		{"we-will-leave", "2024-06-12", "", true, NoteNone},
		{"point-of-no-return", "2024-09-18", "", true, NoteNone},
		{"astana-summit-skipped", "2024-11-28", "", true, NoteNone},
		{"russia-on-arrears", "2025-03-07", "", false, NoteNone},
		{"eu-accession-law", "2025-03-26", "external", false, NoteNone},
		{"peace-declaration", "2025-08-08", "", false, NoteContext},
		{"bishkek-summit", "2025-11-27", "summit", true, NoteNone},
	}
	tl := Default()
	if tl.Len() != len(tests) {
		t.Errorf("%d events, the chronology has %d", tl.Len(), len(tests))
	}
	for _, tt := range tests {
		e, ok := tl.Lookup(tt.id)
		if !ok {
			t.Errorf("no event %s", tt.id)
			continue
		}
		if e.Date.String() != tt.date || e.Paragraph != tt.paragraph || e.Path != tt.path || e.Note != tt.note {
			t.Errorf("%s: date %s paragraph %q path %v note %q; want %s %q %v %q",
				tt.id, e.Date, e.Paragraph, e.Path, e.Note, tt.date, tt.paragraph, tt.path, tt.note)
		}
	}
	war, _ := tl.Lookup("karabakh-war-2020")
	if war.End.String() != "2020-11-10" || war.Display() != "27 September to 10 November 2020" {
		t.Errorf("2020 war: end %s, display %q", war.End, war.Display())
	}
	freeze, _ := tl.Lookup("armenia-freezes")
	if freeze.Display() != "22 February 2024" || !freeze.Involves("ARM") || freeze.Involves("RUS") {
		t.Errorf("armenia-freezes: display %q, states %v", freeze.Display(), freeze.States)
	}
}

func TestForDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"1991", "soviet-union-dissolved"},
		{"1992", "treaty-signed"},
		{"1993", "azerbaijan-signs"},
		{"1993-12", "georgia-signs"},
		{"2023-01", "exercises-refused"},
		{"2024-02", "armenia-freezes"},
		{"2024-05", "funding-stopped"},
		{"2024-02-22", "armenia-freezes"},
		{"2025-11-27", "bishkek-summit"},
		{"2025-11", "bishkek-summit"},
		{"2020-10-01", ""}, // within the 2020 war, which started earlier: a mention of a day is not the war
		{"2019", ""},
		{"2024-02-21", ""},
	}
	tl := Default()
	for _, tt := range tests {
		e, ok := tl.ForDate(date.MustParse(tt.in))
		if ok != (tt.want != "") || e.ID != tt.want {
			t.Errorf("ForDate(%s) = %q, %v; want %q", tt.in, e.ID, ok, tt.want)
		}
	}
	if _, ok := tl.ForDate(date.Date{}); ok {
		t.Error("ForDate(zero) found an event")
	}
}

func TestForDateCoarseEvent(t *testing.T) {
	csv := "Year,Month,Headline\n2023,1,A month-long event\n"
	tl, err := Parse("x.csv", strings.NewReader(csv), Known{})
	if err != nil {
		t.Fatal(err)
	}
	if e, ok := tl.ForDate(date.MustParse("2023-01-10")); !ok || e.ID != "a-month-long-event" {
		t.Errorf("ForDate(2023-01-10) = %q, %v; want the January 2023 event", e.ID, ok)
	}
}

func TestPath(t *testing.T) {
	path := Default().Path()
	want := []string{
		"border-incursion", "article-4-invoked", "yerevan-summit", "exercises-refused",
		"deputy-post-declined", "minsk-summit-skipped", "armenia-freezes", "funding-stopped",
		"we-will-leave", "point-of-no-return", "astana-summit-skipped", "bishkek-summit",
	}
	if len(path) != len(want) {
		t.Fatalf("path has %d steps, want %d", len(path), len(want))
	}
	if !Default().HasPath() {
		t.Error("HasPath is false for a timeline with a path")
	}
	if (&Timeline{events: []Event{{ID: "no-step"}}}).HasPath() {
		t.Error("HasPath is true for a timeline without a path")
	}
	for i, e := range path {
		if e.ID != want[i] || e.Step != i+1 {
			t.Errorf("step %d = %s (rung %d), want %s (rung %d)", i+1, e.ID, e.Step, want[i], i+1)
		}
	}
}

func TestForParagraph(t *testing.T) {
	tests := []struct {
		paragraph string
		want      []string
	}{
		{"summit", []string{"bishkek-summit"}},
		{"escalation", []string{"border-incursion", "article-4-invoked", "exercises-refused", "armenia-freezes", "funding-stopped"}},
		{"post-soviet", []string{"soviet-union-dissolved", "treaty-signed", "charter-signed"}},
		{"external", []string{"eu-accession-law"}},
		{"conclusion", nil},
		{"nope", nil},
	}
	tl := Default()
	for _, tt := range tests {
		if got := ids(tl.ForParagraph(tt.paragraph)); strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("ForParagraph(%s) = %v, want %v", tt.paragraph, got, tt.want)
		}
	}
}

func TestForState(t *testing.T) {
	got := ids(Default().ForState("UZB"))
	want := []string{"soviet-union-dissolved", "treaty-signed", "treaty-in-force", "treaty-renewed",
		"three-states-leave", "uzbekistan-rejoins", "uzbekistan-suspends"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("ForState(UZB) = %v, want %v", got, want)
	}
}

func TestEras(t *testing.T) {
	tl := Default()
	eras := tl.Eras()
	want := []struct{ id, start, end string }{
		{"soviet-collapse", "1991", "1991-12-31"},
		{"collective-security-treaty", "1992-05-15", "2002-10-07"},
		{"csto", "2002-10-07", "2025-11-27"},
		{"estrangement", "2021-05-12", "2025-11-27"},
	}
	if len(eras) != len(want) {
		t.Fatalf("%d eras, want %d", len(eras), len(want))
	}
	for i, w := range want {
		e := eras[i]
		if e.ID != w.id || e.Start.String() != w.start || e.End.String() != w.end || e.Label == "" {
			t.Errorf("era %d = %s %s..%s %q, want %s %s..%s", i, e.ID, e.Start, e.End, e.Label, w.id, w.start, w.end)
		}
	}
	for _, e := range tl.Events() {
		in := false
		for _, era := range eras {
			in = in || era.Contains(e.Date.First())
		}
		if !in {
			t.Errorf("%s (%s) falls in no era", e.ID, e.Date)
		}
	}
	// The estrangement era spans the path exactly.
	path := tl.Path()
	est := eras[3]
	if est.Start != path[0].Date || est.End != path[len(path)-1].Date {
		t.Errorf("estrangement era %s..%s, path %s..%s", est.Start, est.End, path[0].Date, path[len(path)-1].Date)
	}
	if !eras[0].Contains(date.MustParse("1991-12-26")) || eras[0].Contains(date.MustParse("1992-01-01")) {
		t.Error("the 1991 era should cover all of 1991 and no more")
	}
}

func TestTimelineJSSheet(t *testing.T) {
	f, err := os.Open("testdata/timelinejs.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tl, err := Parse("timelinejs.csv", f, article)
	if err != nil {
		t.Fatal(err)
	}
	if tl.Full() || !Default().Full() {
		t.Errorf("Full() = %v for a plain TimelineJS sheet, %v for events.csv", tl.Full(), Default().Full())
	}
	got := tl.Events()
	want := []struct {
		id   string
		kind Kind
		date string
	}{
		{"collective-security-treaty-signed", KindTreaty, "1992-05-15"}, // kind from Group
		{"armenia-freezes-its-participation", KindContext, "2024-02-22"},
		{"bishkek-summit", KindContext, "2025-11-27"},
	}
	if len(got) != len(want) {
		t.Fatalf("%d events, want %d", len(got), len(want))
	}
	for i, w := range want {
		if got[i].ID != w.id || got[i].Kind != w.kind || got[i].Date.String() != w.date || len(got[i].Sources) != 0 {
			t.Errorf("event %d = %s %s %s, want %s %s %s", i, got[i].ID, got[i].Kind, got[i].Date, w.id, w.kind, w.date)
		}
	}
}

func TestCompatibilityMode(t *testing.T) {
	// Columns in any order, an editor's extra column, a title row, an era,
	// repeated headlines and a headline without letters.
	csv := "Notes for editors,headline,TEXT,year,month,day,Type,End Year\n" +
		"ignore me,Tashkent,,,,,title,\n" +
		"x,Summit,First,2022,11,23,,\n" +
		"x,Summit,Second,2023,11,23,,\n" +
		"x,Armenia’s “freeze”,,2024,2,22,,\n" +
		"x,2025!,,2025,,,,\n" +
		"x,The CSTO,,2002,10,7,era,2025\n"
	tl, err := Parse("x.csv", strings.NewReader(csv), Known{})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(ids(tl.Events()), " "); got != "summit summit-2 armenias-freeze 2025" {
		t.Errorf("ids = %s", got)
	}
	if tl.Title().Headline.Plain() != "Tashkent" {
		t.Errorf("title = %+v", tl.Title())
	}
	if eras := tl.Eras(); len(eras) != 1 || eras[0].ID != "the-csto" || eras[0].End.String() != "2025" {
		t.Errorf("eras = %+v", eras)
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Armenia freezes its participation", "armenia-freezes-its-participation"},
		{"  “We will leave”  ", "we-will-leave"},
		{"Armenia's estrangement", "armenias-estrangement"},
		{"Article 4 — invoked!", "article-4-invoked"},
		{"???", "event"},
		{strings.Repeat("abcdefghi ", 10), "abcdefghi-abcdefghi-abcdefghi-abcdefghi-abcdefghi-abcdefghi"},
	}
	for _, tt := range tests {
		if got := slug(tt.in); got != tt.want || !sheet.IsSlug(got) {
			t.Errorf("slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// full is the header of the explainer's full format.
var full = append(append([]string(nil), templateColumns...), ownColumns...)

// sheetOf makes a full-format CSV of the given rows; each row starts from a
// valid event and overrides the cells named.
func sheetOf(rows ...map[string]string) string {
	return sheetWith(full, func(i int) map[string]string {
		return map[string]string{
			"Year": "2023", "Month": "1", "Day": "10", "Headline": "H", "Text": "T",
			"ID": "e" + string(rune('a'+i)), "Kind": "estrangement", "States": "ARM",
			"Sources": "tass-2012-06-28", "Paragraph": "escalation", "Path": "yes", "Step": "1",
		}
	}, rows)
}

// sheetWith writes a CSV with header whose i-th row is base(i) with the
// cells rows[i] names overridden.
func sheetWith(header []string, base func(i int) map[string]string, rows []map[string]string) string {
	var b strings.Builder
	b.WriteString(strings.Join(header, ",") + "\n")
	for i, over := range rows {
		cells := base(i)
		for k, v := range over {
			cells[k] = v
		}
		var rec []string
		for _, c := range header {
			v := cells[c]
			if strings.ContainsAny(v, ",\"\n") {
				v = `"` + strings.ReplaceAll(v, `"`, `""`) + `"`
			}
			rec = append(rec, v)
		}
		b.WriteString(strings.Join(rec, ",") + "\n")
	}
	return b.String()
}

func TestBadFiles(t *testing.T) {
	type row = map[string]string
	tests := []struct {
		name, csv string
		want      []string // fragments, one per expected error, in order
	}{
		{"month 13", sheetOf(row{"Month": "13"}), []string{"events.csv:2:2: Month: 13 is not a month"}},
		{"31 April", sheetOf(row{"Month": "4", "Day": "31"}), []string{"events.csv:2:3: Day: 31 is not a day of April 2023"}},
		{"29 February 2023", sheetOf(row{"Month": "2", "Day": "29"}), []string{"events.csv:2:3: Day: 29 is not a day of February 2023"}},
		{"no year", sheetOf(row{"Year": ""}), []string{"events.csv:2:1: Year: missing year"}},
		{"short year", sheetOf(row{"Year": "23"}), []string{`events.csv:2:1: Year: "23" is not a year`}},
		{"day no month", sheetOf(row{"Month": ""}), []string{"events.csv:2:3: Day: day 10 given without a month"}},
		{"end before start", sheetOf(row{"End Year": "2022"}), []string{"events.csv:2:5: End Year: the event ends (2022) before it starts (2023-01-10)"}},
		{"unknown country code", sheetOf(row{"States": "ARM XXX"}), []string{`events.csv:2:21: States: unknown country code "XXX"`}},
		{"lower-case country code", sheetOf(row{"States": "arm"}), []string{`events.csv:2:21: States: unknown country code "arm" (want it in upper case: ARM)`}},
		{"state twice", sheetOf(row{"States": "ARM ARM"}), []string{"events.csv:2:21: States: state ARM listed twice"}},
		{"duplicate id", sheetOf(row{"ID": "a"}, row{"ID": "a", "Step": "2"}), []string{`events.csv:3:19: ID: duplicate id "a" (first on line 2)`}},
		{"missing id", sheetOf(row{"ID": ""}), []string{"events.csv:2:19: ID: missing id"}},
		{"bad id", sheetOf(row{"ID": "Armenia Freezes"}), []string{`events.csv:2:19: ID: "Armenia Freezes" is not an id`}},
		{"missing source", sheetOf(row{"Sources": ""}), []string{"events.csv:2:22: Sources: missing source"}},
		{"unknown source", sheetOf(row{"Sources": "tass-2012-06-28 tass-x"}), []string{`events.csv:2:22: Sources: unknown source "tass-x" (not a key of sources.csv)`}},
		{"old outlet-and-URL form", sheetOf(row{"Sources": "TASS https://tass.com/x"}), []string{`events.csv:2:22: Sources: unknown source "TASS"`}},
		{"source cited twice", sheetOf(row{"Sources": "tass-2012-06-28 | tass-2012-06-28"}), []string{`events.csv:2:22: Sources: source "tass-2012-06-28" cited twice`}},
		{"local media outside web/", sheetOf(row{"Media": "/images/x.jpg"}), []string{`events.csv:2:12: Media: local media "/images/x.jpg": a local image must be under /web/`}},
		{"local media out of web/", sheetOf(row{"Media": "media/../../go.mod"}), []string{`events.csv:2:12: Media: local media "media/../../go.mod": segment ".." starts with a dot`}},
		{"local media not an image", sheetOf(row{"Media Thumbnail": "media/notes.txt"}), []string{`events.csv:2:15: Media Thumbnail: local media "media/notes.txt": not an image file`}},
		{"media not an address", sheetOf(row{"Media": "javascript:alert(1)"}), []string{`events.csv:2:12: Media: "javascript:alert(1)" is not an absolute http or https address`}},
		{"bad colour", sheetOf(row{"Background": "#12345"}), []string{`events.csv:2:18: Background: "#12345" is not a colour (want #rgb or #rrggbb`}},
		{"colour name", sheetOf(row{"Background": "lightblue"}), []string{`events.csv:2:18: Background: "lightblue" is not a colour`}},
		{"unknown paragraph", sheetOf(row{"Paragraph": "preamble"}), []string{`events.csv:2:23: Paragraph: unknown paragraph "preamble"`}},
		{"unknown kind", sheetOf(row{"Kind": "war"}), []string{`events.csv:2:20: Kind: "war" is not a kind (want one of treaty, membership, conflict, estrangement, summit, context)`}},
		{"missing kind", sheetOf(row{"Kind": ""}), []string{"events.csv:2:20: Kind: missing kind"}},
		{"unknown note", sheetOf(row{"Note": "rumour"}), []string{`events.csv:2:26: Note: "rumour" is not a note`}},
		{"bad path", sheetOf(row{"Path": "maybe"}), []string{`events.csv:2:24: Path: "maybe" is not yes or no`}},
		{"bad step", sheetOf(row{"Step": "first"}), []string{`events.csv:2:25: Step: "first" is not a step`}},
		{"step off the path", sheetOf(row{"Path": "", "Step": "2"}), []string{"events.csv:2:25: Step: step 2 on an event that is not on the path"}},
		{"step goes down", sheetOf(row{"Step": "3"}, row{"Year": "2024", "Step": "2"}), []string{"events.csv:3:25: Step: step 2 comes after step 3 (line 2)"}},
		{"step missing", sheetOf(row{"Step": "1"}, row{"Year": "2024", "Step": ""}), []string{"events.csv:3:25: Step: missing step"}},
		{"missing headline", sheetOf(row{"Headline": ""}), []string{"events.csv:2:10: Headline: missing headline"}},
		{"missing text", sheetOf(row{"Text": ""}), []string{"events.csv:2:11: Text: missing text"}},
		{"bad type", sheetOf(row{"Type": "slide"}), []string{`events.csv:2:16: Type: "slide" is not a TimelineJS type`}},
		{"era without end", sheetOf(row{"Type": "era"}), []string{"events.csv:2:5: End Year: an era needs an end date"}},
		{"two titles", sheetOf(row{"Type": "title"}, row{"Type": "title"}), []string{"events.csv:3:16: Type: a second title row (the first is on line 2)"}},
		{"missing columns", "Year,Headline,ID\n2023,H,a\n", []string{`events.csv:1: missing column "Kind"`, `events.csv:1: missing column "Text"`, `events.csv:1: missing column "Sources"`}},
		{"column twice", "Year,Headline,year\n", []string{`events.csv:1:3: year: column named twice (also column 1)`}},
		{"empty file", "", []string{"events.csv:1: empty file"}},
		{"too many cells", "Year,Headline\n2023,Armenia, the CSTO\n", []string{"events.csv:2:3: row has 3 cells but the header has 2"}},
		{"bare quote", "Year,Headline\n2023,The \"frozen\" membership\n", []string{`events.csv:2:10: bare " in non-quoted-field`}},
		{"line of a cell after a multi-line cell", sheetOf(row{"Text": "Two\nlines", "Kind": "war"}), []string{`events.csv:3:20: Kind: "war" is not a kind`}},
		{"every error reported", sheetOf(row{"Month": "13", "States": "XXX"}, row{"Kind": "war", "Step": "2"}), []string{
			"events.csv:2:2: Month: 13 is not a month",
			`events.csv:2:21: States: unknown country code "XXX"`,
			`events.csv:3:20: Kind: "war" is not a kind`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl, err := Parse("events.csv", strings.NewReader(tt.csv), article)
			if err == nil {
				t.Fatalf("no error; parsed %d events", tl.Len())
			}
			sheettest.WantErrors(t, err, "events.csv", tt.want)
		})
	}
}

func TestValidRowParses(t *testing.T) {
	// The base row of TestBadFiles must itself be valid, or the cases above
	// prove nothing.
	tl, err := Parse("events.csv", strings.NewReader(sheetOf(nil, map[string]string{"Step": "2"})), article)
	if err != nil {
		t.Fatal(err)
	}
	if tl.Len() != 2 || tl.Events()[1].Step != 2 {
		t.Errorf("events = %+v", tl.Events())
	}
}

func ids(events []Event) []string {
	var out []string
	for _, e := range events {
		out = append(out, e.ID)
	}
	return out
}

// TestGoogleSheetsExport reads a sheet as Google Sheets exports it: a byte
// order mark, CRLF line ends, a title row, HTML in Text with a line break
// inside the cell, a Display Date, a Time, an era and a blank last row.
func TestGoogleSheetsExport(t *testing.T) {
	csv := "\ufeffYear,Month,Day,Time,End Year,Display Date,Headline,Text,Media Credit,Media Caption,Type,Group\r\n" +
		",,,,,,<b>Armenia</b> and the CSTO,\"<p>From the treaty to an <a href=\"\"https://example.org/x\"\">empty chair</a>.</p>\",Kremlin press service,\"Leaders, 2022\",title,\r\n" +
		"1992,5,15,10:00,,Spring 1992,Treaty signed,\"<p>Six states sign the <a href=\"\"https://example.org/treaty\"\">treaty</a>\r\nin <b>Tashkent</b>.</p><script>alert(1)</script>\",,,,Treaty\r\n" +
		"2002,10,7,,2025,,<i>The</i> CSTO,,,,era,\r\n" +
		"2024,2,22,,,,<b>Armenia</b> &amp; the CSTO,,,,,\r\n" +
		",,,,,,,,,,,\r\n"
	tl, err := Parse("sheet.csv", strings.NewReader(csv), Known{})
	if err != nil {
		t.Fatal(err)
	}
	if tl.Len() != 2 {
		t.Fatalf("%d events, want 2: the title row is not an event", tl.Len())
	}
	if e := tl.Events()[1]; e.Headline != "Armenia & the CSTO" || e.ID != "armenia-the-csto" {
		t.Errorf("a headline with markup reads %q, id %q", e.Headline, e.ID)
	}
	e := tl.Events()[0]
	if e.Display() != "Spring 1992" || e.Kind != KindTreaty || e.Summary != "Six states sign the treaty in Tashkent." {
		t.Errorf("event = %q %s %q", e.Display(), e.Kind, e.Summary)
	}
	if len(e.Text) != 1 || e.Text[0].Tag != "p" || len(e.Text[0].Kids) != 5 || e.Text[0].Kids[1].Href != "https://example.org/treaty" {
		t.Errorf("event text = %+v", e.Text)
	}
	title := tl.Title()
	if title.IsZero() || title.Headline.Plain() != "Armenia and the CSTO" || title.Headline[0].Tag != "b" ||
		title.Text.Plain() != "From the treaty to an empty chair." || title.Media.Caption.Plain() != "Leaders, 2022" || title.Media.Credit.Plain() != "Kremlin press service" {
		t.Errorf("title = %+v", title)
	}
	if len(tl.Eras()) != 1 || tl.Eras()[0].Label != "The CSTO" {
		t.Errorf("eras = %+v", tl.Eras())
	}
}

// mediaSheet is a full-format sheet with TimelineJS 3.9's Alt Text column
// and the media, groups and backgrounds the explainer reads.
func mediaSheet(rows ...map[string]string) string {
	header := append(append([]string(nil), full...), "Alt Text")
	return sheetWith(header, func(i int) map[string]string {
		return map[string]string{
			"Year": "2023", "Month": "1", "Day": strconv.Itoa(10 + i), "Headline": "H", "Text": "T",
			"ID": "e" + string(rune('a'+i)), "Kind": "estrangement", "States": "ARM", "Sources": "tass-2012-06-28",
		}
	}, rows)
}

func TestMedia(t *testing.T) {
	csv := mediaSheet(
		map[string]string{"Media": "media/treaty.png", "Alt Text": "Six leaders <i>at a table</i>",
			"Media Caption": "The signing, <b>Tashkent</b>", "Media Credit": "Archive", "Media Thumbnail": "/web/media/treaty-thumb.png"},
		map[string]string{"Media": "https://youtu.be/dQw4w9WgXcQ", "Media Thumbnail": "https://i.ytimg.com/vi/dQw4w9WgXcQ/default.jpg"},
		map[string]string{"Media": "https://example.org/report"},
		map[string]string{"Media": "media/untitled.png"},
	)
	var checked []string
	known := article
	known.LocalFile = func(p string) error {
		checked = append(checked, p)
		return nil
	}
	tl, err := Parse("events.csv", strings.NewReader(csv), known)
	if err != nil {
		t.Fatal(err)
	}
	ev := tl.Events()
	local := ev[0].Media
	if local.Kind != media.Local || local.Src != "/web/media/treaty.png" || local.Alt != "Six leaders at a table" ||
		local.Caption.Plain() != "The signing, Tashkent" || local.Credit.Plain() != "Archive" ||
		local.Thumbnail.Src != "/web/media/treaty-thumb.png" {
		t.Errorf("local image read as %+v", local)
	}
	if v := ev[1].Media; v.Kind != media.Video || v.Provider != "YouTube" || v.Thumbnail.Kind != media.None {
		t.Errorf("video read as %+v; a remote thumbnail must be dropped", v)
	}
	if l := ev[2].Media; l.Kind != media.Link || l.Provider != "example.org" {
		t.Errorf("link read as %+v", l)
	}
	if strings.Join(checked, " ") != "media/treaty.png media/treaty-thumb.png media/untitled.png" {
		t.Errorf("local files checked: %v", checked)
	}
	var warnings []string
	for _, w := range tl.Warnings() {
		warnings = append(warnings, w.Error())
	}
	want := []string{
		`events.csv:3:15: Media Thumbnail: "https://i.ytimg.com/vi/dQw4w9WgXcQ/default.jpg" is not shown: the event list loads nothing from other sites`,
		`events.csv:5:12: Media: a local image without Alt Text: shown as decorative`,
	}
	if len(warnings) != len(want) {
		t.Fatalf("warnings %q, want %d", warnings, len(want))
	}
	for i := range want {
		if !strings.HasPrefix(warnings[i], want[i]) {
			t.Errorf("warning %q, want %q...", warnings[i], want[i])
		}
	}

	known.LocalFile = func(p string) error { return fmt.Errorf("web/%s: no such file", p) }
	_, err = Parse("events.csv", strings.NewReader(mediaSheet(map[string]string{"Media": "media/gone.png", "Alt Text": "A"})), known)
	sheettest.WantErrors(t, err, "events.csv", []string{"events.csv:2:12: Media: web/media/gone.png: no such file"})
}

// In a plain TimelineJS sheet, media that is not an address and colour
// names warn rather than fail, so the newsroom's sheet still loads; a
// wrong local path fails in any sheet.
func TestMediaInCompatibilityMode(t *testing.T) {
	csv := "Year,Headline,Media,Background\n2023,A,<iframe src=x></iframe>,lightblue\n2024,B,ftp://example.org/x.mp4,https://example.org/bg.jpg\n"
	tl, err := Parse("events.csv", strings.NewReader(csv), Known{})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(tl.Warnings()); n != 4 {
		t.Errorf("%d warnings, want 4: %v", n, tl.Warnings())
	}
	for _, e := range tl.Events() {
		if !e.Media.IsZero() || e.Accent != "" {
			t.Errorf("%s: media %+v accent %q shown", e.ID, e.Media, e.Accent)
		}
	}
	_, err = Parse("events.csv", strings.NewReader("Year,Headline,Media\n2023,A,/etc/x.png\n"), Known{})
	sheettest.WantErrors(t, err, "events.csv", []string{`events.csv:2:3: Media: local media "/etc/x.png": a local image must be under /web/`})
}

func TestAccent(t *testing.T) {
	tl, err := Parse("events.csv", strings.NewReader(mediaSheet(
		map[string]string{"Background": "#1A73E8"},
		map[string]string{"Background": "#ffd700"},
		map[string]string{"Background": "media/bg.png"},
	)), article)
	if err != nil {
		t.Fatal(err)
	}
	ev := tl.Events()
	if ev[0].Accent != "#1a73e8" || ev[1].Accent != "" || ev[2].Accent != "" {
		t.Errorf("accents %q %q %q, want #1a73e8 and none", ev[0].Accent, ev[1].Accent, ev[2].Accent)
	}
	w := tl.Warnings()
	if len(w) != 2 || !strings.Contains(w[0].Error(), "events.csv:3:18: Background: #ffd700 is not used as the event's accent: its contrast is 1.") ||
		!strings.Contains(w[1].Error(), "events.csv:4:18: Background: an image background is not shown") {
		t.Errorf("warnings %v", w)
	}
}

func TestGroups(t *testing.T) {
	tl, err := Parse("events.csv", strings.NewReader(mediaSheet(
		map[string]string{"Year": "2024", "Group": "Diplomacy"},
		map[string]string{"Year": "2020", "Group": "<b>War</b>"},
		map[string]string{"Year": "2021"},
		map[string]string{"Year": "2019", "Group": "Diplomacy"},
	)), article)
	if err != nil {
		t.Fatal(err)
	}
	// In the order of the sheet, not of the dates; the ungrouped last.
	if g := tl.Groups(); strings.Join(g, "|") != "Diplomacy|War|" {
		t.Errorf("groups %q", g)
	}
	tl, err = Parse("events.csv", strings.NewReader(mediaSheet(nil)), article)
	if err != nil {
		t.Fatal(err)
	}
	if g := tl.Groups(); g != nil {
		t.Errorf("groups %q without any Group", g)
	}
}

func TestEraTextAndDisplayDate(t *testing.T) {
	tl, err := Parse("events.csv", strings.NewReader(mediaSheet(
		map[string]string{"Display Date": "<i>Spring</i> 2023"},
		map[string]string{"Type": "era", "Headline": "Era", "End Year": "2024", "Text": "<p>An <b>era</b><script>x()</script></p>", "Display Date": "<b>2023-24</b>"},
	)), article)
	if err != nil {
		t.Fatal(err)
	}
	if d := tl.Events()[0].Display(); d != "Spring 2023" {
		t.Errorf("Display = %q", d)
	}
	era := tl.Eras()[0]
	if era.Text.Plain() != "An era" || era.DisplayDate != "2023-24" {
		t.Errorf("era text %q, display date %q", era.Text.Plain(), era.DisplayDate)
	}
}

// An era written "1991 to 1991" is a year to us, but TimelineJS refuses
// the whole sheet over it: the check says so and how to write it.
func TestEraEndingWhereTimelineJSSeesItStartIsAWarning(t *testing.T) {
	const head = "Year,Month,Day,End Year,End Month,End Day,Headline,Type\n"
	tl, err := Parse("events.csv", strings.NewReader(head+
		"1991,,,1991,,,The Soviet collapse,era\n"+
		"1991,1,,1991,,,January,era\n"+
		"1991,,,1991,12,31,The whole year,era\n"+
		"1992,5,15,2002,10,7,The treaty,era\n"+
		"1992,5,15,,,,Tashkent,\n"), Known{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range tl.Warnings() {
		got = append(got, w.Error())
	}
	if len(got) != 2 || !strings.HasPrefix(got[0], "events.csv:2:4: End Year: the era ends where it starts") ||
		!strings.HasPrefix(got[1], "events.csv:3:4: End Year: the era ends where it starts") {
		t.Errorf("warnings %q, want rows 2 and 3 only", got)
	}
}

func TestAtReadsEventsInOrder(t *testing.T) {
	tl := Default()
	events := tl.Events()
	if tl.Len() != len(events) {
		t.Fatalf("Len = %d, Events has %d", tl.Len(), len(events))
	}
	for i, e := range events {
		if got := tl.At(i); got.ID != e.ID || got.Date != e.Date || got.Line != e.Line {
			t.Errorf("At(%d) = %s, want %s", i, got.ID, e.ID)
		}
	}
	// The events are the timeline's own: At's copy, changed, leaves them.
	e := tl.At(0)
	e.Headline = "changed"
	if tl.At(0).Headline == "changed" {
		t.Error("changing At's event changed the timeline")
	}
}

func TestHasPath(t *testing.T) {
	if !Default().HasPath() {
		t.Error("the default timeline has a path, HasPath says it has none")
	}
	// A TimelineJS sheet has no Path column: no path to draw or play.
	csv := "Year,Month,Day,Headline,Text\n2022,11,23,Summit,First\n2024,2,22,Freeze,\n"
	tl, err := Parse("x.csv", strings.NewReader(csv), Known{})
	if err != nil {
		t.Fatal(err)
	}
	if tl.HasPath() || len(tl.Path()) != 0 {
		t.Errorf("HasPath = %v, Path = %v for a sheet without a path", tl.HasPath(), ids(tl.Path()))
	}
}
