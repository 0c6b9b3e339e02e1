package main

import (
	"encoding/json"
	"strings"
	"testing"

	"explainer/app/timeline"
)

func convert(t *testing.T, tl *timeline.Timeline) tlTimeline {
	t.Helper()
	b, err := timelineJSON(tl)
	if err != nil {
		t.Fatal(err)
	}
	var out tlTimeline
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatalf("the JSON does not read back: %v\n%s", err, b)
	}
	return out
}

// The story's own sheet: every event and era reaches TimelineJS, in the
// explainer's order, with the explainer's ids, dates and headlines.
func TestStorySheetConverts(t *testing.T) {
	tl := timeline.Default()
	out := convert(t, tl)
	events, eras := tl.Events(), tl.Eras()
	if len(out.Events) != len(events) || len(out.Eras) != len(eras) {
		t.Fatalf("%d events and %d eras, want %d and %d", len(out.Events), len(out.Eras), len(events), len(eras))
	}
	for i, e := range events {
		s := out.Events[i]
		if s.UniqueID != e.ID || s.Text == nil || !strings.Contains(s.Text.Headline, firstWord(e.Headline)) {
			t.Errorf("event %d is %+v, want %s %q", i, s, e.ID, e.Headline)
			continue
		}
		d := s.StartDate
		if d == nil || d.Year != e.Date.Year || d.Month != e.Date.Month || d.Day != e.Date.Day {
			t.Errorf("%s: start_date %+v, want %s", e.ID, d, e.Date)
		}
		if (s.EndDate != nil) != !e.End.IsZero() {
			t.Errorf("%s: end_date %+v, want %v", e.ID, s.EndDate, e.End)
		}
		if s.Group != e.Group {
			t.Errorf("%s: group %q, want %q", e.ID, s.Group, e.Group)
		}
	}
	for i, e := range eras {
		if out.Eras[i].StartDate.Year != e.Start.Year || out.Eras[i].EndDate.Year != e.End.Year || out.Eras[i].Text.Headline == "" {
			t.Errorf("era %d is %+v, want %s to %s", i, out.Eras[i], e.Start, e.End)
		}
	}
	if (out.Title != nil) != !tl.Title().IsZero() {
		t.Errorf("title slide %+v, but the sheet's title is %+v", out.Title, tl.Title())
	}
}

func firstWord(s string) string { return strings.Fields(s)[0] }

// A newsroom's sheet: the title slide, a month-precision date, an end date,
// media, and markup that must reach TimelineJS sanitised, as the explainer
// shows it.
func TestSheetWithTitleAndMarkupConverts(t *testing.T) {
	const csv = `Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background
,,,,,,,,,The <i>story</i>,"<p>Intro</p><script>alert(1)</script>",,Agency,A photo,,title,,
2001,5,,,2001,7,3,,Spring 2001,Talks & more,"<p>Said <a href=""https://example.org/a?b=1&c=2"" onclick=""x()"">here</a></p><img src=x onerror=alert(1)>",https://example.org/p.jpg,Credit,Caption,,,Talks,
1999,,,,2003,,,,,An era,"<b>bold</b>",,,,,era,,
2001,,,,2001,,,,,A year,,,,,,era,,
`
	tl, err := timeline.Parse("sheet.csv", strings.NewReader(csv), timeline.Known{})
	if err != nil {
		t.Fatal(err)
	}
	out := convert(t, tl)
	if out.Title == nil || out.Title.Text.Headline != "The <i>story</i>" ||
		out.Title.Text.Text != "<p>Intro</p><p>A photo — Agency</p>" {
		t.Errorf("title %+v", out.Title)
	}
	if len(out.Events) != 1 || len(out.Eras) != 2 {
		t.Fatalf("%d events, %d eras, want 1 and 2", len(out.Events), len(out.Eras))
	}
	e := out.Events[0]
	if *e.StartDate != (tlDate{Year: 2001, Month: 5}) || *e.EndDate != (tlDate{Year: 2001, Month: 7, Day: 3}) {
		t.Errorf("dates %+v to %+v, want 2001-05 to 2001-07-03", e.StartDate, e.EndDate)
	}
	if e.DisplayDate != "Spring 2001" || e.Group != "Talks" || e.UniqueID == "" {
		t.Errorf("display date %q, group %q, id %q", e.DisplayDate, e.Group, e.UniqueID)
	}
	if e.Text.Headline != "Talks &amp; more" {
		t.Errorf("headline %q, want it escaped", e.Text.Headline)
	}
	if want := `<p>Said <a href="https://example.org/a?b=1&amp;c=2">here</a></p>`; e.Text.Text != want {
		t.Errorf("text %q, want %q", e.Text.Text, want)
	}
	if e.Media == nil || e.Media.URL != "https://example.org/p.jpg" || e.Media.Credit != "Credit" || e.Media.Caption != "Caption" {
		t.Errorf("media %+v", e.Media)
	}
	if era := out.Eras[0]; era.StartDate != (tlDate{Year: 1999, Month: 1, Day: 1}) || era.EndDate != (tlDate{Year: 2003, Month: 12, Day: 31}) || era.Text.Text != "<b>bold</b>" {
		t.Errorf("era %+v, want 1999 to the end of 2003", era)
	}
	// TimelineJS refuses an era whose end equals its start.
	if era := out.Eras[1]; era.StartDate.Year == era.EndDate.Year && era.StartDate.Month == era.EndDate.Month && era.StartDate.Day == era.EndDate.Day {
		t.Errorf("era %+v ends as it starts", era)
	}
}
