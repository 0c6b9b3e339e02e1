package corrections

import (
	"strings"
	"testing"

	"explainer/app/sheet/sheettest"
)

func TestDefault(t *testing.T) {
	es := Default()
	if len(es) == 0 || LastChecked() == "" {
		t.Fatal("empty log")
	}
	for _, id := range []string{"yerevan-summit", "deputy-post-declined", "karabakh-offensive-2023", "bishkek-summit", "organisation-decided"} {
		found := false
		for _, e := range es {
			found = found || e.Event == id
		}
		if !found {
			t.Errorf("no correction logged for %s", id)
		}
	}
}

func TestBadFiles(t *testing.T) {
	const header = "date,event,change,reason\n"
	isEvent := func(id string) bool { return id == "armenia-freezes" }
	tests := []struct {
		name, csv string
		want      []string
	}{
		{"missing date", header + ",armenia-freezes,C,R\n", []string{"corrections.csv:2:1: date: missing date"}},
		{"malformed date", header + "29 Nov 2026,,C,R\n", []string{`corrections.csv:2:1: date: "29 Nov 2026" is not a day`}},
		{"month only", header + "2026-11,,C,R\n", []string{`corrections.csv:2:1: date: "2026-11" is not a day`}},
		{"out of order", header + "2026-11-29,,C,R\n2026-11-01,,C,R\n", []string{"corrections.csv:3:1: date: 2026-11-01 comes before 2026-11-29 (line 2)"}},
		{"unknown event", header + "2026-11-29,armenia-leaves,C,R\n", []string{`corrections.csv:2:2: event: unknown event "armenia-leaves"`}},
		{"missing change", header + "2026-11-29,,,R\n", []string{"corrections.csv:2:3: change: missing change"}},
		{"missing reason", header + "2026-11-29,,C,\n", []string{"corrections.csv:2:4: reason: missing reason"}},
		{"missing column", "date,change,reason\n", []string{`corrections.csv:1: missing column "event"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("corrections.csv", strings.NewReader(tt.csv), isEvent)
			sheettest.WantErrors(t, err, "corrections.csv", tt.want)
		})
	}
}
