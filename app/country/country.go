// Package country lists the states the explainer knows by name: the CSTO's
// members past and present and their neighbours in the map's region.
//
// Codes are ISO 3166-1 alpha-3, the form the content files, the URL
// and the map's data-iso attributes all use.
package country

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Country is one state the explainer can name and link to.
type Country struct {
	Code string // ISO 3166-1 alpha-3, e.g. "ARM"
	Name string // short English name, e.g. "Armenia"
}

// known is the curated list. Keep it sorted by code; TestSorted checks it.
var known = []Country{
	{"AFG", "Afghanistan"},
	{"ARM", "Armenia"},
	{"AZE", "Azerbaijan"},
	{"BGR", "Bulgaria"},
	{"BLR", "Belarus"},
	{"CHN", "China"},
	{"CYP", "Cyprus"},
	{"EST", "Estonia"},
	{"FIN", "Finland"},
	{"GEO", "Georgia"},
	{"GRC", "Greece"},
	{"HUN", "Hungary"},
	{"IND", "India"},
	{"IRN", "Iran"},
	{"IRQ", "Iraq"},
	{"KAZ", "Kazakhstan"},
	{"KGZ", "Kyrgyzstan"},
	{"LTU", "Lithuania"},
	{"LVA", "Latvia"},
	{"MDA", "Moldova"},
	{"MNG", "Mongolia"},
	{"NOR", "Norway"},
	{"PAK", "Pakistan"},
	{"POL", "Poland"},
	{"ROU", "Romania"},
	{"RUS", "Russia"},
	{"SVK", "Slovakia"},
	{"SYR", "Syria"},
	{"TJK", "Tajikistan"},
	{"TKM", "Turkmenistan"},
	{"TUR", "Turkey"},
	{"UKR", "Ukraine"},
	{"UZB", "Uzbekistan"},
}

// Lookup returns the country with the given alpha-3 code, and whether it is known.
func Lookup(code string) (Country, bool) {
	i := sort.Search(len(known), func(i int) bool { return known[i].Code >= code })
	if i < len(known) && known[i].Code == code {
		return known[i], true
	}
	return Country{}, false
}

// Known reports whether code is a country the explainer knows.
func Known(code string) bool {
	_, ok := Lookup(code)
	return ok
}

// wantCode is what every bad-code error asks for instead.
const wantCode = "want an ISO 3166-1 alpha-3 code the explainer knows, e.g. ARM"

// Check returns nil if code is a country the explainer knows, and otherwise
// says what is wrong with it. Every content file's reader reports a bad code
// through Check, at the code's file:line:column, so an editor sees the same
// words whichever file the code is in.
func Check(code string) error {
	switch upper := strings.ToUpper(code); {
	case code == "":
		return errors.New("missing country code (" + wantCode + ")")
	case Known(code):
		return nil
	case Known(upper):
		// Codes are matched exactly, so the URL, the map's data-iso
		// attributes and the content agree on one spelling.
		return fmt.Errorf("unknown country code %q (want it in upper case: %s)", code, upper)
	}
	return fmt.Errorf("unknown country code %q (%s)", code, wantCode)
}

// Name returns the country's short name, or the code itself if it is unknown,
// so a caller always has something readable to show.
func Name(code string) string {
	if c, ok := Lookup(code); ok {
		return c.Name
	}
	return code
}

// All returns every known country, sorted by code. The slice is a copy.
func All() []Country {
	return append([]Country(nil), known...)
}
