package sources

import (
	"strings"
	"testing"

	"explainer/app/sheet/sheettest"
)

func TestDefault(t *testing.T) {
	c := Default()
	if len(c.Keys()) == 0 {
		t.Fatal("no reports")
	}
	r, ok := c.Lookup("ocmedia-2024-02-23")
	if !ok || r.Outlet != "OC Media" || r.Date.String() != "2024-02-23" || r.Consulted || r.Title == "" {
		t.Errorf("Lookup = %+v, %v", r, ok)
	}
	if r, _ := c.Lookup("wp-csto"); !r.Consulted || r.DateText() != "consulted 29 November 2026" {
		t.Errorf("wp-csto date = %q", r.DateText())
	}
}

func TestCheckReportURL(t *testing.T) {
	for _, good := range []string{"https://tass.com/archive/678014", "https://asiaplus.news/?p=380439", "http://tass.com/russia/687141"} {
		if err := CheckReportURL(good); err != nil {
			t.Errorf("CheckReportURL(%q) = %v", good, err)
		}
	}
	for _, bad := range []string{"https://oc-media.org", "https://aa.com.tr/", "https://24.kg/#top", "oc-media.org/x", "ftp://tass.com/x", ""} {
		if err := CheckReportURL(bad); err == nil {
			t.Errorf("CheckReportURL(%q) accepted it", bad)
		}
	}
}

func TestBadFiles(t *testing.T) {
	const header = "key,outlet,title,date,url\n"
	const good = "a,TASS,A title,2024-02-23,https://tass.com/a\n"
	tests := []struct {
		name, csv string
		want      []string
	}{
		{"homepage", header + "a,OC Media,Title,2024-02-23,https://oc-media.org\n", []string{`sources.csv:2:5: url: "https://oc-media.org" is a homepage`}},
		{"homepage with slash", header + "a,AA,Title,2024-09-18,https://aa.com.tr/\n", []string{`sources.csv:2:5: url: "https://aa.com.tr/" is a homepage`}},
		{"missing url", header + "a,AA,Title,2024-09-18,\n", []string{"sources.csv:2:5: url: missing URL"}},
		{"relative url", header + "a,AA,Title,2024-09-18,aa.com.tr/x\n", []string{`sources.csv:2:5: url: "aa.com.tr/x" is not an absolute`}},
		{"missing title", header + "a,TASS,,2024-02-23,https://tass.com/a\n", []string{"sources.csv:2:3: title: missing title"}},
		{"missing outlet", header + "a,,T,2024-02-23,https://tass.com/a\n", []string{"sources.csv:2:2: outlet: missing outlet"}},
		{"missing date", header + "a,TASS,T,,https://tass.com/a\n", []string{"sources.csv:2:4: date: missing date"}},
		{"malformed date", header + "a,TASS,T,23 Feb 2024,https://tass.com/a\n", []string{`sources.csv:2:4: date: "23 Feb 2024" is not a date`}},
		{"no such day", header + "a,TASS,T,2023-02-29,https://tass.com/a\n", []string{`sources.csv:2:4: date: "2023-02-29" is not a date`}},
		{"consulted month", header + "a,Wikipedia,T,consulted 2026-11,https://en.wikipedia.org/wiki/X\n", []string{"sources.csv:2:4: date: \"consulted 2026-11\": the day a page was consulted must be a full date"}},
		{"bad key", header + "A Key,TASS,T,2024,https://tass.com/a\n", []string{`sources.csv:2:1: key: "A Key" is not a key`}},
		{"duplicate key", header + good + good, []string{`sources.csv:3:1: key: duplicate key "a" (first on line 2)`}},
		{"missing column", "key,outlet,date,url\n", []string{`sources.csv:1: missing column "title"`}},
		{"every error reported", header + "a,,,,https://oc-media.org\n", []string{
			"sources.csv:2:2: outlet: missing outlet",
			"sources.csv:2:3: title: missing title",
			"sources.csv:2:4: date: missing date",
			`sources.csv:2:5: url: "https://oc-media.org" is a homepage`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("sources.csv", strings.NewReader(tt.csv))
			sheettest.WantErrors(t, err, "sources.csv", tt.want)
		})
	}
}

func TestCite(t *testing.T) {
	c := Default()
	rs, err := Cite("tass-2012-06-28 | tass-2012-12-19", c.Lookup)
	if err != nil || len(rs) != 2 || rs[1].Key != "tass-2012-12-19" {
		t.Errorf("Cite = %v, %v", rs, err)
	}
	if rs, err := Cite(" ", c.Lookup); rs != nil || err != nil {
		t.Errorf("Cite(blank) = %v, %v", rs, err)
	}
	for _, bad := range []string{"nope", "tass-2012-06-28 tass-2012-06-28", "TASS https://tass.com/archive/678014"} {
		if _, err := Cite(bad, c.Lookup); err == nil {
			t.Errorf("Cite(%q) accepted it", bad)
		}
	}
}
