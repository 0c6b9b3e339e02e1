package date

import "testing"

// FuzzParse: Parse never panics, accepts only the canonical forms (the
// date it returns prints back as the input) and only days that exist.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"1991", "2023-01", "2024-02-29", "2023-02-29", "0999", "2024-13", "2024-1-1", "-001", "２０２４"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Parse(s)
		if err != nil {
			if !d.IsZero() {
				t.Fatalf("Parse(%q) = %+v and an error", s, d)
			}
			return
		}
		if d.String() != s {
			t.Fatalf("Parse(%q) prints back as %q", s, d.String())
		}
		first, last := d.First(), d.Last()
		if first.After(last) || !d.Contains(first) || !d.Contains(last) || d.Long() == "" {
			t.Fatalf("Parse(%q): first %v, last %v, long %q", s, first, last, d.Long())
		}
		if back := FromOrdinal(last.Ordinal()); back != last {
			t.Fatalf("Parse(%q): the last day %v does not exist (it reads back as %v)", s, last, back)
		}
	})
}
