package membership

import (
	"strings"
	"testing"

	"explainer/app/country"
	"explainer/app/date"
	"explainer/app/sources"
)

// What the map computes on every date change: the status of every state
// the explainer knows, and the accessible name of each.

var benchDay = date.MustParse("2024-02-22")

func allCodes() []string {
	var codes []string
	for _, c := range country.All() {
		codes = append(codes, c.Code)
	}
	return codes
}

func BenchmarkStatusAtAllStates(b *testing.B) {
	h := Default()
	codes := allCodes()
	b.ReportAllocs()
	for b.Loop() {
		for _, iso := range codes {
			_ = h.StatusAt(iso, benchDay)
		}
	}
}

func BenchmarkAccessibleNameAllStates(b *testing.B) {
	h := Default()
	codes := allCodes()
	b.ReportAllocs()
	for b.Loop() {
		for _, iso := range codes {
			_ = h.AccessibleName(iso, "", benchDay)
		}
	}
}

func BenchmarkParseTransitions(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseTransitions("transitions.csv", strings.NewReader(transitionsCSV), sources.Default().Lookup); err != nil {
			b.Fatal(err)
		}
	}
}

// What the client does instead of BenchmarkParseTransitions: build the same
// history from the literals contentgen wrote.
func BenchmarkGeneratedTransitions(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		generated()
	}
}
