package view

import (
	"strings"
	"testing"

	"explainer/app/date"
)

func TestPathRoundTrip(t *testing.T) {
	c := fakeCatalog{}
	tests := []struct {
		view View
		path string
	}{
		{Default(), "/"},
		{View{At: date.MustParse("2024-02-22"), Event: "armenia-freezes"}, "/event/armenia-freezes/"},
		{View{At: date.MustParse("2024-02-22"), Event: "armenia-freezes", Country: "ARM"}, "/event/armenia-freezes/?country=ARM"},
		{View{At: date.MustParse("2024-03-01"), Event: "armenia-freezes", Country: "ARM"}, "/event/armenia-freezes/?at=2024-03-01&country=ARM"},
		{View{At: Summit, Country: "UZB"}, "/country/UZB/"},
		{View{At: date.MustParse("2024-02-29"), Period: date.MustParse("2024-02"), Country: "ARM"}, "/country/ARM/?at=2024-02"},
		{View{At: date.MustParse("1999-06-01")}, "/at/1999-06-01/"},
		{View{At: date.MustParse("1999-06-30"), Period: date.MustParse("1999-06")}, "/at/1999-06/"},
		{View{At: date.MustParse("1995-12-31"), Period: date.MustParse("1995")}, "/at/1995/"},
		{View{At: Summit, Extra: "view=map"}, "/?view=map"},
		{View{At: date.MustParse("1999-06-01"), Extra: "utm_source=x"}, "/at/1999-06-01/?utm_source=x"},
		{View{At: date.MustParse("2023-01-31"), Period: date.MustParse("2023-01"), Event: "exercises-refused", Extra: "view=map"},
			"/event/exercises-refused/?at=2023-01&view=map"},
	}
	for _, tt := range tests {
		got := tt.view.Path(c)
		if got != tt.path {
			t.Errorf("%+v.Path() = %q, want %q", tt.view, got, tt.path)
		}
		p, q, _ := strings.Cut(got, "?")
		if back, ok := ParsePath(p, q, c); !ok || back != tt.view {
			t.Errorf("ParsePath(%q, %q) = %+v, %v; want %+v", p, q, back, ok, tt.view)
		}
	}
}

func TestParsePath(t *testing.T) {
	c := fakeCatalog{}
	tests := []struct {
		path, query string
		want        View
		ok          bool
	}{
		{"/", "event=armenia-freezes", View{At: date.MustParse("2024-02-22"), Event: "armenia-freezes"}, true},
		{"/event/armenia-freezes", "", View{At: date.MustParse("2024-02-22"), Event: "armenia-freezes"}, true},
		{"/country/arm/", "", View{At: Summit, Country: "ARM"}, true},
		{"/at/1999-06/", "", View{At: date.MustParse("1999-06-30"), Period: date.MustParse("1999-06")}, true},
		// The path's value wins over the query's.
		{"/country/RUS/", "country=ARM", View{At: Summit, Country: "RUS"}, true},
		// A malformed or unknown path value is dropped; the query's values stay.
		{"/event/nope/", "country=ARM", View{At: Summit, Country: "ARM"}, true},
		{"/country/XXX/", "at=2010-05-01", View{At: date.MustParse("2010-05-01")}, true},
		{"/at/1999-02-30/", "", Default(), true},
		{"/at/%zz/", "country=UZB", View{At: Summit, Country: "UZB"}, true},
		{"/event/" + string(make([]byte, 100)) + "/", "", Default(), true},
		{"/at/1990-06-01/", "", View{At: Earliest, Asked: date.MustParse("1990-06-01")}, true},
		// Not a view's path at all.
		{"/event/", "", Default(), false},
		{"/event/a/b/", "", Default(), false},
		{"/events/armenia-freezes/", "", Default(), false},
		{"/embed", "", Default(), false},
		{"", "", Default(), false},
	}
	for _, tt := range tests {
		got, ok := ParsePath(tt.path, tt.query, c)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParsePath(%.40q, %q) = %+v, %v; want %+v, %v", tt.path, tt.query, got, ok, tt.want, tt.ok)
		}
		if IsPath(tt.path) != tt.ok {
			t.Errorf("IsPath(%.40q) = %v, want %v", tt.path, !tt.ok, tt.ok)
		}
	}
}
