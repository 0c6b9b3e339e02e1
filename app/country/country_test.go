package country

import (
	"sort"
	"testing"
)

func TestSorted(t *testing.T) {
	if !sort.SliceIsSorted(known, func(i, j int) bool { return known[i].Code < known[j].Code }) {
		t.Fatal("known countries must be sorted by code for Lookup's binary search")
	}
	for i := 1; i < len(known); i++ {
		if known[i].Code == known[i-1].Code {
			t.Fatalf("duplicate code %s", known[i].Code)
		}
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		code, name string
		ok         bool
	}{
		{"ARM", "Armenia", true},
		{"AFG", "Afghanistan", true},
		{"UZB", "Uzbekistan", true},
		{"XXX", "", false},
		{"arm", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		c, ok := Lookup(tt.code)
		if ok != tt.ok || c.Name != tt.name {
			t.Errorf("Lookup(%q) = %+v, %v; want name %q, %v", tt.code, c, ok, tt.name, tt.ok)
		}
	}
	if Name("XXX") != "XXX" {
		t.Errorf("Name of an unknown code should fall back to the code")
	}
}
