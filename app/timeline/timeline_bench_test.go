package timeline

import (
	"strings"
	"testing"

	"explainer/app/date"
	"explainer/app/sources"
)

func BenchmarkParseEvents(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("events.csv", strings.NewReader(eventsCSV), Known{Paragraphs: IsArticleParagraph, Sources: sources.Default().Lookup}); err != nil {
			b.Fatal(err)
		}
	}
}

// What the client does instead of BenchmarkParseEvents: build the same
// timeline from the literals contentgen wrote.
func BenchmarkGeneratedEvents(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		generated()
	}
}

// What selecting a date asks of the timeline: the event shown for it.
func BenchmarkForDate(b *testing.B) {
	t := Default()
	d := date.MustParse("2024-05-08")
	b.ReportAllocs()
	for b.Loop() {
		t.ForDate(d)
	}
}
