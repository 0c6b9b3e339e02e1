package roles

import (
	"strings"
	"testing"

	"explainer/app/date"
	"explainer/app/membership"
	"explainer/app/sheet/sheettest"
	"explainer/app/timeline"
)

func TestDefault(t *testing.T) {
	tests := []struct {
		iso        string
		attendance Attendance
		paragraph  string // one paragraph that must mention the state, or ""
	}{
		{"ARM", Absent, "summit"},
		{"RUS", Attended, "russia"},
		{"KGZ", Attended, "summit"},
		{"BLR", Attended, "summit"},
		{"KAZ", Attended, "summit"},
		{"TJK", Attended, "summit"},
		{"AZE", NotMember, "external"},
		{"TUR", NotMember, "external"},
		{"IRN", NotMember, "external"},
		{"UZB", NotMember, ""},
		{"GEO", NotMember, ""},
		{"UKR", NotMember, "russia"},
		{"AFG", NotMember, "post-soviet"},
	}
	rs := Default()
	if len(rs.All()) != len(tests) {
		t.Errorf("%d roles, want %d", len(rs.All()), len(tests))
	}
	for _, tt := range tests {
		r, ok := rs.Lookup(tt.iso)
		if !ok {
			t.Errorf("no role for %s", tt.iso)
			continue
		}
		if r.Attendance != tt.attendance {
			t.Errorf("%s: attendance %q, want %q", tt.iso, r.Attendance, tt.attendance)
		}
		if tt.paragraph != "" && !r.Mentioned(tt.paragraph) {
			t.Errorf("%s: paragraphs %v lack %q", tt.iso, r.Paragraphs, tt.paragraph)
		}
		if tt.paragraph == "" && (len(r.Paragraphs) != 0 || !strings.HasPrefix(r.Summary, "Not mentioned in the article.")) {
			t.Errorf("%s: a state the article does not mention should say so: %v %q", tt.iso, r.Paragraphs, r.Summary)
		}
		if n := strings.Count(r.Summary+" ", ". "); n < 1 || n > 2 {
			t.Errorf("%s: role has %d sentences, want 1 or 2: %q", tt.iso, n, r.Summary)
		}
	}
	if _, ok := rs.Lookup("CHN"); ok {
		t.Error("Lookup(CHN) found a role")
	}
	if got := isos(rs.Mentioning("external")); got != "ARM AZE TUR IRN" {
		t.Errorf("Mentioning(external) = %s", got)
	}
}

// TestAgreesWithMembership checks each attendance against the state's
// membership on the day of the summit.
func TestAgreesWithMembership(t *testing.T) {
	summit := date.MustParse("2025-11-27")
	h := membership.Default()
	for _, r := range Default().All() {
		st := h.StatusAt(r.ISO, summit)
		var ok bool
		switch r.Attendance {
		case Attended:
			ok = st == membership.Member
		case Absent:
			ok = st.IsMember()
		case NotMember:
			ok = !st.IsMember()
		}
		if !ok {
			t.Errorf("%s: %s at the summit but %s", r.ISO, r.Attendance, st)
		}
	}
}

// TestAgreesWithTimeline checks that the Bishkek summit event involves
// exactly the members, present or absent.
func TestAgreesWithTimeline(t *testing.T) {
	e, ok := timeline.Default().Lookup("bishkek-summit")
	if !ok {
		t.Fatal("no bishkek-summit event")
	}
	for _, r := range Default().All() {
		if e.Involves(r.ISO) != (r.Attendance != NotMember) {
			t.Errorf("%s: %s, but the summit event's states are %v", r.ISO, r.Attendance, e.States)
		}
	}
}

func TestBadFiles(t *testing.T) {
	const header = "iso,attendance,paragraphs,role\n"
	tests := []struct {
		name, csv string
		want      []string
	}{
		{"unknown country code", header + "XYZ,attended,summit,Role.\n", []string{`roles.csv:2:1: iso: unknown country code "XYZ"`}},
		{"missing country code", header + ",attended,summit,Role.\n", []string{"roles.csv:2:1: iso: missing country code"}},
		{"state twice", header + "ARM,absent,summit,Role.\nARM,absent,summit,Role.\n", []string{"roles.csv:3:1: iso: ARM has a row already (line 2)"}},
		{"bad attendance", header + "ARM,host,summit,Role.\n", []string{`roles.csv:2:2: attendance: "host" is not an attendance`}},
		{"unknown paragraph", header + "ARM,absent,summit epilogue,Role.\n", []string{`roles.csv:2:3: paragraphs: unknown paragraph "epilogue"`}},
		{"paragraph twice", header + "ARM,absent,summit summit,Role.\n", []string{`roles.csv:2:3: paragraphs: paragraph "summit" listed twice`}},
		{"missing role", header + "ARM,absent,summit,\n", []string{"roles.csv:2:4: role: missing role"}},
		{"missing column", "iso,attendance,role\n", []string{`roles.csv:1: missing column "paragraphs"`}},
		{"every error reported", header + "XYZ,attended,summit,Role.\nARM,host,,\n", []string{
			`roles.csv:2:1: iso: unknown country code "XYZ"`,
			`roles.csv:3:2: attendance: "host" is not an attendance`,
			"roles.csv:3:4: role: missing role",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("roles.csv", strings.NewReader(tt.csv), timeline.IsArticleParagraph)
			sheettest.WantErrors(t, err, "roles.csv", tt.want)
		})
	}
}

func TestParseAnyParagraph(t *testing.T) {
	rs, err := Parse("x.csv", strings.NewReader("Role,ISO,Paragraphs,Attendance\nHosts.,KGZ,\"intro, summit\",Attended\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	r, ok := rs.Lookup("KGZ")
	if !ok || r.Attendance != Attended || strings.Join(r.Paragraphs, " ") != "intro summit" || r.Summary != "Hosts." {
		t.Errorf("Lookup(KGZ) = %+v, %v", r, ok)
	}
}

func isos(rs []Role) string {
	var out []string
	for _, r := range rs {
		out = append(out, r.ISO)
	}
	return strings.Join(out, " ")
}
