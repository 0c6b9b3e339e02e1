package main

import (
	"encoding/json"
	"strings"
	"testing"

	"explainer/app/timeline"
)

func convert(t *testing.T, tl *timeline.Timeline) (tlTimeline, converted) {
	t.Helper()
	c, err := timelineJSON(tl)
	if err != nil {
		t.Fatal(err)
	}
	var out tlTimeline
	if err := json.Unmarshal(c.JSON, &out); err != nil {
		t.Fatalf("the JSON does not read back: %v\n%s", err, c.JSON)
	}
	return out, c
}

// The story's own sheet: every event and era reaches TimelineJS, in the
// explainer's order, with the explainer's ids, dates and headlines.
func TestStorySheetConverts(t *testing.T) {
	tl := timeline.Default()
	out, _ := convert(t, tl)
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
	const csv = `Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background,Alt Text
,,,,,,,,,The <i>story</i>,"<p>Intro</p><script>alert(1)</script>",media/title.jpg,Agency,A <b>photo</b>,,title,,,The summit hall
2001,5,,,2001,7,3,,Spring 2001,Talks & more,"<p>Said <a href=""https://example.org/a?b=1&c=2"" onclick=""x()"">here</a></p><img src=x onerror=alert(1)>",/web/media/talks.png,Credit,Caption,media/talks-small.png,,Talks,#1A73E8,Delegates
2002,1,1,,,,,,,A video,Words.,https://www.youtube.com/watch?v=dQw4w9WgXcQ,,,,,Talks,,
2003,1,1,,,,,,,A link,Words.,https://example.org/report,,,,,Talks,,
1999,,,,2003,,,,,An era,"<b>bold</b>",,,,,era,,,
2001,,,,2001,,,,,A year,,,,,,era,,,
`
	tl, err := timeline.Parse("sheet.csv", strings.NewReader(csv), timeline.Known{})
	if err != nil {
		t.Fatal(err)
	}
	out, c := convert(t, tl)
	if out.Title == nil || out.Title.Text.Headline != "The <i>story</i>" || out.Title.Text.Text != "<p>Intro</p>" {
		t.Errorf("title %+v", out.Title)
	}
	if m := out.Title.Media; m == nil || *m != (tlMedia{URL: "/web/media/title.jpg", Caption: "A <b>photo</b>", Credit: "Agency", Alt: "The summit hall"}) {
		t.Errorf("title media %+v", m)
	}
	if len(out.Events) != 3 || len(out.Eras) != 2 {
		t.Fatalf("%d events, %d eras, want 3 and 2", len(out.Events), len(out.Eras))
	}
	e := out.Events[0]
	if *e.StartDate != (tlDate{Year: 2001, Month: 5}) || *e.EndDate != (tlDate{Year: 2001, Month: 7, Day: 3}) {
		t.Errorf("dates %+v to %+v, want 2001-05 to 2001-07-03", e.StartDate, e.EndDate)
	}
	if e.DisplayDate != "Spring 2001" || e.Group != "Talks" || e.UniqueID == "" {
		t.Errorf("display date %q, group %q, id %q", e.DisplayDate, e.Group, e.UniqueID)
	}
	if e.Background == nil || e.Background.Color != "#1a73e8" {
		t.Errorf("background %+v, want the sheet's #1a73e8", e.Background)
	}
	if e.Text.Headline != "Talks &amp; more" {
		t.Errorf("headline %q, want it escaped", e.Text.Headline)
	}
	if want := `<p>Said <a href="https://example.org/a?b=1&amp;c=2">here</a></p>`; e.Text.Text != want {
		t.Errorf("text %q, want %q", e.Text.Text, want)
	}
	if m := e.Media; m == nil || *m != (tlMedia{URL: "/web/media/talks.png", Caption: "Caption", Credit: "Credit", Alt: "Delegates", Thumbnail: "/web/media/talks-small.png"}) {
		t.Errorf("media %+v", e.Media)
	}
	// Media of other sites would load at once in TimelineJS: left out.
	if out.Events[1].Media != nil || out.Events[2].Media != nil || c.RemoteLeftOut != 2 {
		t.Errorf("remote media %+v and %+v, %d left out; want none kept, 2 left out", out.Events[1].Media, out.Events[2].Media, c.RemoteLeftOut)
	}
	var local []string
	for _, m := range c.LocalImages {
		local = append(local, m.Src+"="+m.WebPath())
	}
	if got, want := strings.Join(local, " "), "/web/media/title.jpg=media/title.jpg /web/media/talks.png=media/talks.png /web/media/talks-small.png=media/talks-small.png"; got != want {
		t.Errorf("local images %s, want %s", got, want)
	}
	if era := out.Eras[0]; era.StartDate != (tlDate{Year: 1999, Month: 1, Day: 1}) || era.EndDate != (tlDate{Year: 2003, Month: 12, Day: 31}) || era.Text.Text != "<b>bold</b>" {
		t.Errorf("era %+v, want 1999 to the end of 2003", era)
	}
	// TimelineJS refuses an era whose end equals its start.
	if era := out.Eras[1]; era.StartDate.Year == era.EndDate.Year && era.StartDate.Month == era.EndDate.Month && era.StartDate.Day == era.EndDate.Day {
		t.Errorf("era %+v ends as it starts", era)
	}
}
