package membership

import (
	"strings"
	"testing"

	"explainer/app/country"
	"explainer/app/date"
	"explainer/app/sheet/sheettest"
	"explainer/app/sources"
	"explainer/app/timeline"
)

var d = date.MustParse

// every transition the chronology gives, with the status before and after.
var wantTransitions = []struct {
	iso, date     string
	before, after Status
}{
	{"ARM", "1992-05-15", None, Member},
	{"KAZ", "1992-05-15", None, Member},
	{"KGZ", "1992-05-15", None, Member},
	{"RUS", "1992-05-15", None, Member},
	{"TJK", "1992-05-15", None, Member},
	{"UZB", "1992-05-15", None, Member},
	{"AZE", "1993-09-24", None, Member},
	{"GEO", "1993-12-09", None, Member},
	{"BLR", "1993-12-31", None, Member},
	{"AZE", "1999-04-20", Member, Former},
	{"GEO", "1999-04-20", Member, Former},
	{"UZB", "1999-04-20", Member, Former},
	{"UZB", "2006-06-23", Former, Member},
	{"UZB", "2012-06-28", Member, Suspended},
	{"ARM", "2024-02-22", Member, Frozen},
}

func TestEveryTransition(t *testing.T) {
	h := Default()
	n := 0
	for _, iso := range h.States() {
		n += len(h.Transitions(iso))
	}
	if n != len(wantTransitions) {
		t.Errorf("transitions.csv has %d transitions, the chronology %d", n, len(wantTransitions))
	}
	for _, tt := range wantTransitions {
		day := d(tt.date)
		tests := []struct {
			day  date.Date
			want Status
		}{
			{day.AddDays(-1), tt.before},
			{day, tt.after},
			{day.AddDays(1), tt.after},
		}
		for _, c := range tests {
			if got := h.StatusAt(tt.iso, c.day); got != c.want {
				t.Errorf("StatusAt(%s, %s) = %s, want %s", tt.iso, c.day, got, c.want)
			}
		}
		since, ok := h.Since(tt.iso, day)
		if !ok || since.Date != day || since.Status != tt.after || since.ISO != tt.iso || len(since.Sources) == 0 || since.Note == "" {
			t.Errorf("Since(%s, %s) = %+v, %v", tt.iso, day, since, ok)
		}
	}
}

func TestScenarios(t *testing.T) {
	tests := []struct {
		day    string
		want   Status
		states []string
	}{
		{"1991-12-26", None, []string{"ARM", "AZE", "BLR", "GEO", "KAZ", "KGZ", "RUS", "TJK", "UZB", "TUR", "UKR"}},
		{"1992-05-14", None, []string{"ARM", "KAZ", "KGZ", "RUS", "TJK", "UZB"}},
		{"1998-01-01", Member, []string{"ARM", "AZE", "BLR", "GEO", "KAZ", "KGZ", "RUS", "TJK", "UZB"}},
		{"1998-01-01", None, []string{"TUR", "IRN", "UKR", "TKM"}},
		{"2000-01-01", Former, []string{"AZE", "GEO", "UZB"}},
		{"2000-01-01", Member, []string{"ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"}},
		{"2010-01-01", Member, []string{"UZB", "ARM"}},
		{"2013-01-01", Suspended, []string{"UZB"}},
		{"2025-11-27", Frozen, []string{"ARM"}},
		{"2025-11-27", Member, []string{"BLR", "KAZ", "KGZ", "RUS", "TJK"}},
		{"2025-11-27", Suspended, []string{"UZB"}},
		{"2025-11-27", Former, []string{"AZE", "GEO"}},
		{"2025-11-27", None, []string{"TUR", "IRN", "UKR", "XXX"}},
	}
	h := Default()
	for _, tt := range tests {
		for _, iso := range tt.states {
			if got := h.StatusAt(iso, d(tt.day)); got != tt.want {
				t.Errorf("StatusAt(%s, %s) = %s, want %s", iso, tt.day, got, tt.want)
			}
		}
	}
}

func TestCoarseAndZeroDates(t *testing.T) {
	tests := []struct {
		iso  string
		day  date.Date
		want Status
	}{
		{"ARM", d("2024"), Frozen},    // end of 2024
		{"ARM", d("2024-02"), Frozen}, // end of February 2024
		{"ARM", d("2024-01"), Member},
		{"UZB", d("1999"), Former},
		{"UZB", d("1992"), Member},
		{"BLR", d("1993"), Member},
		{"ARM", date.Date{}, Frozen}, // now
		{"UZB", date.Date{}, Suspended},
		{"TUR", date.Date{}, None},
	}
	h := Default()
	for _, tt := range tests {
		if got := h.StatusAt(tt.iso, tt.day); got != tt.want {
			t.Errorf("StatusAt(%s, %q) = %s, want %s", tt.iso, tt.day, got, tt.want)
		}
	}
}

func TestAccessibleName(t *testing.T) {
	tests := []struct {
		iso, name, day, want string
	}{
		{"ARM", "", "2025-11-27", "Armenia: member, participation frozen since 22 February 2024"},
		{"ARM", "Armenia", "2024-02-21", "Armenia: member since 15 May 1992"},
		{"ARM", "", "1991-12-26", "Armenia: not a member"},
		{"UZB", "", "2000-01-01", "Uzbekistan: former member since 20 April 1999"},
		{"UZB", "", "2010-01-01", "Uzbekistan: member since 23 June 2006"},
		{"UZB", "", "2025-11-27", "Uzbekistan: membership suspended since 28 June 2012"},
		{"RUS", "", "2025-11-27", "Russia: member since 15 May 1992"},
		{"RUS", "the Russian Federation", "2025-11-27", "the Russian Federation: member since 15 May 1992"},
		{"TUR", "", "2025-11-27", "Turkey: never a member"},
		{"TUR", "", "1991", "Turkey: never a member"},
	}
	h := Default()
	for _, tt := range tests {
		if got := h.AccessibleName(tt.iso, tt.name, d(tt.day)); got != tt.want {
			t.Errorf("AccessibleName(%s, %q, %s) = %q, want %q", tt.iso, tt.name, tt.day, got, tt.want)
		}
	}
}

func TestStatus(t *testing.T) {
	tests := []struct {
		s           Status
		word, label string
		memberInLaw bool
	}{
		{None, "none", "not a member", false},
		{Member, "member", "member", true},
		{Frozen, "frozen", "member, participation frozen", true},
		{Suspended, "suspended", "membership suspended", false},
		{Former, "former", "former member", false},
	}
	for _, tt := range tests {
		if tt.s.String() != tt.word || tt.s.Label() != tt.label || tt.s.IsMember() != tt.memberInLaw {
			t.Errorf("%d: %q %q %v", tt.s, tt.s.String(), tt.s.Label(), tt.s.IsMember())
		}
		if got, ok := ParseStatus(tt.word); !ok || got != tt.s {
			t.Errorf("ParseStatus(%q) = %v, %v", tt.word, got, ok)
		}
	}
	if len(Statuses()) != len(tests) {
		t.Errorf("Statuses() = %v", Statuses())
	}
	if _, ok := ParseStatus("Member"); ok {
		t.Error("ParseStatus should be exact")
	}
	if Status(9).String() != "Status(9)" {
		t.Errorf("Status(9).String() = %q", Status(9).String())
	}
}

func TestHistoryAPI(t *testing.T) {
	h := Default()
	if got := strings.Join(h.States(), " "); got != "ARM AZE BLR GEO KAZ KGZ RUS TJK UZB" {
		t.Errorf("States() = %s", got)
	}
	uzb := h.Transitions("UZB")
	var got []string
	for _, tr := range uzb {
		got = append(got, tr.Date.String()+" "+tr.Status.String())
	}
	if strings.Join(got, ", ") != "1992-05-15 member, 1999-04-20 former, 2006-06-23 member, 2012-06-28 suspended" {
		t.Errorf("Transitions(UZB) = %v", got)
	}
	if !strings.Contains(uzb[2].Note, "16 August 2006") || !strings.Contains(uzb[3].Note, "19 December 2012") {
		t.Errorf("Uzbekistan's notes should give the 2006 protocol and the 2012 formalisation: %q, %q", uzb[2].Note, uzb[3].Note)
	}
	uzb[0].Status = Former // a copy: must not change the history
	if h.StatusAt("UZB", d("1993-01-01")) != Member {
		t.Error("Transitions should return a copy")
	}
	if h.Transitions("TUR") != nil {
		t.Error("Transitions(TUR) should be nil")
	}
	if _, ok := h.Since("ARM", d("1992-05-14")); ok {
		t.Error("Since before the first transition should report false")
	}
	for _, iso := range h.States() {
		if !country.Known(iso) {
			t.Errorf("unknown state %s", iso)
		}
		for _, tr := range h.Transitions(iso) {
			for _, s := range tr.Sources {
				if sources.CheckReportURL(s.URL) != nil || s.Title == "" || s.Date.IsZero() {
					t.Errorf("%s %s: source %s is not a dated, titled report", iso, tr.Date, s.Key)
				}
			}
		}
	}
}

// TestAgreesWithTimeline checks that every transition and key date has its
// event on the timeline, so the map and the timeline tell one story.
func TestAgreesWithTimeline(t *testing.T) {
	tl := timeline.Default()
	h := Default()
	for _, iso := range h.States() {
		for _, tr := range h.Transitions(iso) {
			found := false
			for _, e := range tl.Events() {
				found = found || e.Date == tr.Date && e.Involves(iso)
			}
			if !found {
				t.Errorf("no timeline event on %s involving %s", tr.Date, iso)
			}
		}
	}
	kd := KeyDates()
	for i, k := range kd {
		if k.Label == "" || k.Date.Prec != date.Day {
			t.Errorf("key date %d: %+v", i, k)
		}
		if i > 0 && !kd[i-1].Date.Before(k.Date) {
			t.Errorf("key dates out of order at %s", k.Date)
		}
		if e, ok := tl.ForDate(k.Date); !ok || e.Date != k.Date {
			t.Errorf("key date %s (%s) has no timeline event", k.Date, k.Label)
		}
	}
	if len(kd) != 8 {
		t.Errorf("%d key dates", len(kd))
	}
}

func TestBadFiles(t *testing.T) {
	const header = "date,iso,status,note,source\n"
	const src = "tass-2012-06-28"
	tests := []struct {
		name, csv string
		want      []string
	}{
		{"bad date", header + "1992-13-01,ARM,member,," + src + "\n", []string{`transitions.csv:2:1: date: "1992-13-01" is not a date`}},
		{"no such day", header + "1993-02-29,ARM,member,," + src + "\n", []string{`transitions.csv:2:1: date: "1993-02-29" is not a date`}},
		{"month only", header + "1992-05,ARM,member,," + src + "\n", []string{"transitions.csv:2:1: date: 1992-05 is not a full day"}},
		{"missing date", header + ",ARM,member,," + src + "\n", []string{"transitions.csv:2:1: date: missing date"}},
		{"unknown country code", header + "1992-05-15,XYZ,member,," + src + "\n", []string{`transitions.csv:2:2: iso: unknown country code "XYZ"`}},
		{"missing country code", header + "1992-05-15,,member,," + src + "\n", []string{"transitions.csv:2:2: iso: missing country code"}},
		{"unknown status", header + "1992-05-15,ARM,observer,," + src + "\n", []string{`transitions.csv:2:3: status: "observer" is not a status`}},
		{"missing source", header + "1992-05-15,ARM,member,signs,\n", []string{"transitions.csv:2:5: source: missing source"}},
		{"unknown source", header + "1992-05-15,ARM,member,signs,tass-x\n", []string{`transitions.csv:2:5: source: unknown source "tass-x" (not a key of sources.csv)`}},
		{"old outlet-and-URL form", header + "1992-05-15,ARM,member,signs,TASS https://tass.com/archive/678014\n", []string{`transitions.csv:2:5: source: unknown source "TASS"`}},
		{"out of order", header + "2024-02-22,ARM,frozen,," + src + "\n1992-05-15,ARM,member,," + src + "\n",
			[]string{"transitions.csv:3:1: date: 1992-05-15 is not after 2024-02-22, the date of ARM's previous row (line 2)"}},
		{"same day twice", header + "1992-05-15,ARM,member,," + src + "\n1992-05-15,ARM,frozen,," + src + "\n",
			[]string{"transitions.csv:3:1: date: 1992-05-15 is not after 1992-05-15"}},
		{"status repeated", header + "1992-05-15,ARM,member,," + src + "\n1994-04-20,ARM,member,," + src + "\n",
			[]string{"transitions.csv:3:3: status: ARM is already member since line 2"}},
		{"none first", header + "1992-05-15,ARM,none,," + src + "\n", []string{"transitions.csv:2:3: status: ARM is already none before its first row"}},
		{"missing column", "date,iso,status,note\n", []string{`transitions.csv:1: missing column "source"`}},
		{"columns reordered still checked", "source,status,iso,date\n" + src + ",member,ARM,1992-05-40\n", []string{`transitions.csv:2:4: date: "1992-05-40" is not a date`}},
		{"every error reported", header + "1992-13-01,ARM,member,," + src + "\n1992-05-15,XYZ,member,," + src + "\n1992-05-15,RUS,observer,,\n", []string{
			`transitions.csv:2:1: date: "1992-13-01" is not a date`,
			`transitions.csv:3:2: iso: unknown country code "XYZ"`,
			`transitions.csv:4:3: status: "observer" is not a status`,
			"transitions.csv:4:5: source: missing source",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseTransitions("transitions.csv", strings.NewReader(tt.csv), sources.Default().Lookup)
			sheettest.WantErrors(t, err, "transitions.csv", tt.want)
		})
	}
}

func TestGoodFile(t *testing.T) {
	csv := "ISO,Date,Status,Source\nARM,1992-05-15,member,wp-csto\nARM,2024-02-22,frozen,ocmedia-2024-02-23 | silkway-kremlin-no-notice\n"
	h, err := ParseTransitions("x.csv", strings.NewReader(csv), sources.Default().Lookup)
	if err != nil {
		t.Fatal(err)
	}
	if h.StatusAt("ARM", d("2025-01-01")) != Frozen || len(h.States()) != 1 {
		t.Errorf("parsed %v", h.Transitions("ARM"))
	}
}

func TestAnyMemberAndFirst(t *testing.T) {
	h := Default()
	first, ok := h.First()
	if !ok || first.String() != "1992-05-15" {
		t.Fatalf("First() = %s, %v; want the treaty's signature, 1992-05-15", first, ok)
	}
	for _, tt := range []struct {
		day  string
		want bool
	}{{"1990-06-01", false}, {"1992-05-14", false}, {"1992-05-15", true}, {"1999-03", true}, {"2025-11-27", true}} {
		if got := h.AnyMember(date.MustParse(tt.day)); got != tt.want {
			t.Errorf("AnyMember(%s) = %v, want %v", tt.day, got, tt.want)
		}
	}
	var empty History
	if _, ok := empty.First(); ok {
		t.Error("an empty history has a first day")
	}
}
