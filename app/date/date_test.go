package date

import (
	"errors"
	"sort"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want Date
		err  error
	}{
		{"1991", Date{Year: 1991, Prec: Year}, nil},
		{"2023-01", Date{Year: 2023, Month: 1, Prec: Month}, nil},
		{"2024-02-22", Date{Year: 2024, Month: 2, Day: 22, Prec: Day}, nil},
		{"2024-02-29", Date{Year: 2024, Month: 2, Day: 29, Prec: Day}, nil},
		{"2023-02-29", Date{}, ErrOutOfRange},
		{"2023-13", Date{}, ErrOutOfRange},
		{"2023-00-10", Date{}, ErrOutOfRange},
		{"2023-04-31", Date{}, ErrOutOfRange},
		{"0999", Date{}, ErrSyntax},
		{"", Date{}, ErrSyntax},
		{"2023/01/01", Date{}, ErrSyntax},
		{"2023-1-01", Date{}, ErrSyntax},
		{"20x3", Date{}, ErrSyntax},
		{"+023-01-01", Date{}, ErrSyntax},
		{"2023-01-01T00", Date{}, ErrSyntax},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if !errors.Is(err, tt.err) || got != tt.want {
			t.Errorf("Parse(%q) = %+v, %v; want %+v, %v", tt.in, got, err, tt.want, tt.err)
		}
		if err == nil && got.String() != tt.in {
			t.Errorf("Parse(%q).String() = %q", tt.in, got.String())
		}
	}
}

func TestRange(t *testing.T) {
	tests := []struct{ in, first, last, long string }{
		{"1991", "1991-01-01", "1991-12-31", "1991"},
		{"2024-02", "2024-02-01", "2024-02-29", "February 2024"},
		{"2025-11-27", "2025-11-27", "2025-11-27", "27 November 2025"},
	}
	for _, tt := range tests {
		d := MustParse(tt.in)
		if d.First().String() != tt.first || d.Last().String() != tt.last || d.Long() != tt.long {
			t.Errorf("%s: first %s last %s long %q", tt.in, d.First(), d.Last(), d.Long())
		}
		if !d.Contains(MustParse(tt.first)) || !d.Contains(MustParse(tt.last)) {
			t.Errorf("%s should contain its first and last day", tt.in)
		}
		if d.Contains(MustParse(tt.last).AddDays(1)) || d.Contains(MustParse(tt.first).AddDays(-1)) {
			t.Errorf("%s should not contain the days around it", tt.in)
		}
	}
}

func TestOrdinalRoundTrip(t *testing.T) {
	for _, s := range []string{"1970-01-01", "1991-12-26", "2000-02-29", "2025-11-27"} {
		d := MustParse(s)
		if got := FromOrdinal(d.Ordinal()); got != d {
			t.Errorf("FromOrdinal(Ordinal(%s)) = %s", s, got)
		}
	}
	if n := MustParse("2025-11-27").Ordinal() - MustParse("2025-11-26").Ordinal(); n != 1 {
		t.Errorf("consecutive days differ by %d", n)
	}
}

func TestCompareSortsFinerFirst(t *testing.T) {
	ds := []Date{MustParse("2023"), MustParse("2023-01"), MustParse("2022-12-31"), MustParse("2023-01-10"), MustParse("2023-01-01")}
	sort.Slice(ds, func(i, j int) bool { return ds[i].Before(ds[j]) })
	var got []string
	for _, d := range ds {
		got = append(got, d.String())
	}
	want := []string{"2022-12-31", "2023-01-01", "2023-01", "2023", "2023-01-10"}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("sorted = %v, want %v", got, want)
		}
	}
}

func TestZero(t *testing.T) {
	var d Date
	if !d.IsZero() || d.String() != "" || d.Long() != "" {
		t.Errorf("zero Date: IsZero %v String %q", d.IsZero(), d.String())
	}
}

func TestClamp(t *testing.T) {
	lo, hi := MustParse("1991-01-01"), MustParse("2026-12-31")
	for in, want := range map[string]string{
		"1990-06-01": "1991-01-01",
		"1990":       "1991-01-01",
		"1999-03":    "1999-03-01",
		"1999-03-31": "1999-03-31",
		"2026-12-31": "2026-12-31",
		"2027-01":    "2026-12-31",
		"9999":       "2026-12-31",
	} {
		if got := MustParse(in).Clamp(lo, hi); got != MustParse(want) {
			t.Errorf("%s.Clamp = %v, want %s", in, got, want)
		}
	}
}

// A month or year the reader names stands for its last day.
func TestLastOfPeriod(t *testing.T) {
	for in, want := range map[string]string{"1999-03": "1999-03-31", "1995": "1995-12-31", "2024-02": "2024-02-29", "2024-02-10": "2024-02-10"} {
		if got := MustParse(in).Last(); got != MustParse(want) {
			t.Errorf("%s.Last() = %v, want %s", in, got, want)
		}
	}
}
