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

func TestCheck(t *testing.T) {
	tests := []struct{ code, want string }{
		{"ARM", ""},
		{"UZB", ""},
		{"ARX", `unknown country code "ARX" (want an ISO 3166-1 alpha-3 code the explainer knows, e.g. ARM)`},
		{"arm", `unknown country code "arm" (want it in upper case: ARM)`},
		{"Arm", `unknown country code "Arm" (want it in upper case: ARM)`},
		{"AM", `unknown country code "AM" (want an ISO 3166-1 alpha-3 code the explainer knows, e.g. ARM)`},
		{"ARM ", `unknown country code "ARM " (want an ISO 3166-1 alpha-3 code the explainer knows, e.g. ARM)`},
		{"<b>", `unknown country code "<b>" (want an ISO 3166-1 alpha-3 code the explainer knows, e.g. ARM)`},
		{"", "missing country code (want an ISO 3166-1 alpha-3 code the explainer knows, e.g. ARM)"},
	}
	for _, tt := range tests {
		got := ""
		if err := Check(tt.code); err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("Check(%q) = %q, want %q", tt.code, got, tt.want)
		}
	}
}

// Check and Known must never disagree, or a reader could accept a code the
// UI then fails to find.
func TestCheckAgreesWithKnown(t *testing.T) {
	for _, c := range All() {
		if err := Check(c.Code); err != nil {
			t.Errorf("Check(%q) = %v for a known country", c.Code, err)
		}
	}
	for _, code := range []string{"XXX", "arm", "", "ARMM"} {
		if (Check(code) == nil) != Known(code) {
			t.Errorf("Check(%q) and Known(%q) disagree", code, code)
		}
	}
}
