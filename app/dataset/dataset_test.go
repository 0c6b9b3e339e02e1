package dataset

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"explainer/app/membership"
	"explainer/app/sources"
	"explainer/app/timeline"
)

func TestTransitionsHasEveryRowWithItsSources(t *testing.T) {
	h := membership.Default()
	f := Transitions(h)
	want := 0
	for _, iso := range h.States() {
		want += len(h.Transitions(iso))
	}
	if len(f.Transitions) != want || want == 0 {
		t.Fatalf("%d transitions, want %d", len(f.Transitions), want)
	}
	listed := map[string]Report{}
	for _, r := range f.Sources {
		if r.URL == "" || r.Outlet == "" || r.Title == "" || r.Date == "" {
			t.Errorf("report %+v lacks a field", r)
		}
		listed[r.Key] = r
	}
	for i, tr := range f.Transitions {
		if i > 0 && tr.Date < f.Transitions[i-1].Date {
			t.Errorf("row %d (%s) comes after %s", i, tr.Date, f.Transitions[i-1].Date)
		}
		if len(tr.Sources) == 0 {
			t.Errorf("%s %s cites nothing", tr.Date, tr.ISO)
		}
		for _, k := range tr.Sources {
			if _, ok := listed[k]; !ok {
				t.Errorf("%s %s cites %q, missing from the sources list", tr.Date, tr.ISO, k)
			}
		}
		if tr.Country == "" || tr.Country == tr.ISO || tr.StatusLabel == "" {
			t.Errorf("row %+v lacks a name or label", tr)
		}
	}
	if len(listed) != len(f.Sources) {
		t.Errorf("a report is listed twice: %d keys, %d entries", len(listed), len(f.Sources))
	}
	arm := h.Transitions("ARM")
	last := arm[len(arm)-1]
	found := false
	for _, tr := range f.Transitions {
		if tr.ISO == "ARM" && tr.Date == last.Date.String() && tr.Status == "frozen" && tr.StatusLabel == "member, participation frozen" {
			found = true
		}
	}
	if !found {
		t.Errorf("Armenia's freeze of %s is missing", last.Date)
	}
}

// The CSV reads back through the content file's own parser as the same history.
func TestTransitionsCSVRoundTrips(t *testing.T) {
	h := membership.Default()
	data := TransitionsCSVBytes(Transitions(h))
	if !bytes.HasPrefix(data, []byte("\uFEFFdate,iso,country,status,status_label,note,source,source_urls\r\n")) {
		t.Fatalf("header: %q", data[:80])
	}
	back, err := membership.ParseTransitions("transitions.csv", bytes.NewReader(data), sources.Default().Lookup)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back.States(), h.States()) {
		t.Fatalf("states %v, want %v", back.States(), h.States())
	}
	for _, iso := range h.States() {
		got, want := withoutLines(back.Transitions(iso)), withoutLines(h.Transitions(iso))
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: read back %+v\nwant %+v", iso, got, want)
		}
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rows[1:] {
		keys, urls := strings.Fields(row[6]), strings.Fields(row[7])
		if len(keys) != len(urls) {
			t.Errorf("%v: %d keys, %d URLs", row[:2], len(keys), len(urls))
		}
		for i, k := range keys {
			if r, _ := sources.Default().Lookup(k); r.URL != urls[i] {
				t.Errorf("%v: %s's URL is %q, want %q", row[:2], k, urls[i], r.URL)
			}
		}
	}
}

func withoutLines(ts []membership.Transition) []membership.Transition {
	out := append([]membership.Transition(nil), ts...)
	for i := range out {
		out[i].Line = 0
		srcs := append([]sources.Report(nil), out[i].Sources...)
		for j := range srcs {
			srcs[j].Line = 0
		}
		out[i].Sources = srcs
	}
	return out
}

// The events CSV reads back through the timeline's parser as the same
// events, text markup included.
func TestEventsCSVRoundTrips(t *testing.T) {
	tl := timeline.Default()
	data := EventsCSVBytes(tl)
	back, err := timeline.Parse("events.csv", bytes.NewReader(data),
		timeline.Known{Paragraphs: timeline.IsArticleParagraph, Sources: sources.Default().Lookup})
	if err != nil {
		t.Fatal(err)
	}
	got, want := back.Events(), tl.Events()
	if len(got) != len(want) || len(want) == 0 {
		t.Fatalf("%d events read back, want %d", len(got), len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		g.Line, w.Line = 0, 0
		g.Sources, w.Sources = nil, nil
		if !reflect.DeepEqual(g, w) {
			t.Errorf("event %d read back as\n%+v\nwant\n%+v", i, g, w)
		}
		if len(got[i].Sources) != len(want[i].Sources) {
			t.Errorf("%s: %d sources read back, want %d", w.ID, len(got[i].Sources), len(want[i].Sources))
		}
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if h := rows[0]; h[0] != "\uFEFFYear" || h[17] != "Background" || h[18] != "ID" || h[26] != "Alt Text" || h[len(h)-1] != "Source URLs" {
		t.Errorf("header %q", h)
	}
	for i, row := range rows[1:] {
		if row[27] != want[i].Date.String() {
			t.Errorf("%s: Date %q, want %q", want[i].ID, row[27], want[i].Date)
		}
		if n := len(strings.Fields(row[28])); n != len(want[i].Sources) {
			t.Errorf("%s: %d source URLs, want %d", want[i].ID, n, len(want[i].Sources))
		}
	}
}

func TestJSONCarriesLicenceSourcesAndEveryRow(t *testing.T) {
	var tf struct {
		Licence     string           `json:"licence"`
		SourcesNote string           `json:"sources_note"`
		Transitions []map[string]any `json:"transitions"`
		Sources     []map[string]any `json:"sources"`
	}
	if err := json.Unmarshal(JSON(Transitions(membership.Default())), &tf); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(tf.Licence, "CC BY 4.0") || tf.SourcesNote == "" || len(tf.Sources) == 0 {
		t.Errorf("licence %q, note %q, %d sources", tf.Licence, tf.SourcesNote, len(tf.Sources))
	}
	for _, row := range tf.Transitions {
		for _, k := range []string{"date", "iso", "country", "status", "status_label", "note", "sources"} {
			if _, ok := row[k]; !ok {
				t.Errorf("transition %v has no %q", row, k)
			}
		}
	}
	var ef EventsFile
	if err := json.Unmarshal(JSON(Events(timeline.Default())), &ef); err != nil {
		t.Fatal(err)
	}
	if len(ef.Events) != timeline.Default().Len() || ef.Licence == "" || len(ef.Sources) == 0 {
		t.Fatalf("%d events (want %d), licence %q, %d sources", len(ef.Events), timeline.Default().Len(), ef.Licence, len(ef.Sources))
	}
	freeze := ef.Events[timeline.Default().Index("armenia-freezes")]
	if freeze.Date != "2024-02-22" || !freeze.Path || len(freeze.States) == 0 || len(freeze.Sources) == 0 || freeze.TextHTML == "" {
		t.Errorf("armenia-freezes: %+v", freeze)
	}
}

func TestReadmeNamesFilesSourcesAndLicence(t *testing.T) {
	r := string(ReadmeText(Transitions(membership.Default()), Events(timeline.Default())))
	for _, want := range []string{"transitions.csv", "events.json", "Sources", Licence, "Natural Earth"} {
		if !strings.Contains(r, want) {
			t.Errorf("README lacks %q", want)
		}
	}
}

// What the shipped events do not use yet (media, credits with markup,
// thumbnails, text alternatives, accents, groups) comes back too.
func TestEventsCSVRoundTripsMediaAndAccents(t *testing.T) {
	sheet := "Year,Month,Day,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Alt Text,Group,Background,ID,Kind,States,Sources\n" +
		`2024,2,22,A freeze,"<p>One <b>two</b></p>",https://www.youtube.com/watch?v=dQw4w9WgXcQ,"<i>Agency</i> &amp; co",A caption,/web/media/thumb.jpg,,Diplomacy,#1A73E8,a-freeze,estrangement,ARM,tass-2012-06-28` + "\n" +
		`2023,,,A picture,Words,/web/media/photo.jpg,,,,"A hall, empty",,,a-picture,context,ARM,tass-2012-06-28` + "\n"
	known := timeline.Known{Sources: sources.Default().Lookup}
	tl, err := timeline.Parse("events.csv", strings.NewReader(sheet), known)
	if err != nil {
		t.Fatal(err)
	}
	back, err := timeline.Parse("events.csv", bytes.NewReader(EventsCSVBytes(tl)), known)
	if err != nil {
		t.Fatal(err)
	}
	got, want := back.Events(), tl.Events()
	if len(want) != 2 || want[1].Accent == "" || want[1].Media.IsZero() || want[0].Media.Alt == "" {
		t.Fatalf("the sheet did not give what the test needs: %+v", want)
	}
	for i := range want {
		g, w := got[i], want[i]
		g.Line, w.Line = 0, 0
		g.Sources, w.Sources = nil, nil
		if !reflect.DeepEqual(g, w) {
			t.Errorf("event %d read back as\n%+v\nwant\n%+v", i, g, w)
		}
	}
	f := Events(tl)
	if m := f.Events[1].Media; m == nil || m.URL != want[1].Media.URL || m.Credit != "Agency & co" || m.Thumbnail != "/web/media/thumb.jpg" || f.Events[1].Accent != "#1a73e8" {
		t.Errorf("JSON media %+v, accent %q", m, f.Events[1].Accent)
	}
}
