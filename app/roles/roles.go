// Package roles says what the article says of each state, for the map's
// country cards: the state's part in the story, the paragraphs that mention
// it, and whether it attended the CSTO summit in Bishkek on 27 November 2025.
//
// The content lives in roles.csv, one row per state:
//
//	iso,attendance,paragraphs,role
//	KGZ,attended,summit,"The host: the summit meets in Bishkek, ..."
//
// iso is an ISO 3166-1 alpha-3 code known to package country; attendance is
// "attended", "absent" or "not a member"; paragraphs lists article paragraph
// ids separated by spaces (it may be empty: states the article does not
// mention have a row for their membership history); role is one or two
// sentences. Uzbekistan, whose membership is suspended, counts as
// "not a member" at the summit.
package roles

import (
	"io"
	"strings"

	"explainer/app/country"
	"explainer/app/sheet"
)

// Attendance is a state's presence at the Bishkek summit of 27 November 2025.
type Attendance string

// The attendances.
const (
	Attended  Attendance = "attended"     // a member that came
	Absent    Attendance = "absent"       // a member that stayed away: Armenia
	NotMember Attendance = "not a member" // not taking part in the CSTO
)

// Role is what the article says of one state.
type Role struct {
	ISO        string // ISO 3166-1 alpha-3
	Attendance Attendance
	Paragraphs []string // ids of the article paragraphs that mention the state, in file order
	Summary    string   // the state's part in the story, one or two sentences
	Line       int      // line in the content file, for messages
}

// Mentioned reports whether the article paragraph with the given id mentions the state.
func (r Role) Mentioned(paragraph string) bool {
	for _, p := range r.Paragraphs {
		if p == paragraph {
			return true
		}
	}
	return false
}

// Roles is the validated set of roles. Its methods do not modify it, so one
// Roles may be shared; callers must not modify the slices inside the roles
// it returns.
type Roles struct {
	list  []Role // file order
	index map[string]int
}

// Parse reads and validates a roles file; name names it in errors. The
// paragraph function reports whether an id is an article paragraph; if nil,
// any id is accepted. Parse reports every problem it finds, one per line, as
// "file:line:column: column: problem": unknown or repeated states, unknown
// attendance values or paragraphs, a missing role.
func Parse(name string, r io.Reader, paragraph func(id string) bool) (*Roles, error) {
	s, err := sheet.Read(name, r)
	if err != nil {
		return nil, err
	}
	if err := s.Require("iso", "attendance", "paragraphs", "role"); err != nil {
		return nil, err
	}
	rs := &Roles{index: make(map[string]int)}
	lines := make(map[string]int)
	for _, row := range s.Rows() {
		ro := Role{Line: row.Line, ISO: row.Get("iso"), Summary: row.Get("role")}
		ok := true
		switch err := country.Check(ro.ISO); {
		case err != nil:
			row.Errorf("iso", "%w", err)
			ok = false
		case lines[ro.ISO] != 0:
			row.Errorf("iso", "%s has a row already (line %d)", ro.ISO, lines[ro.ISO])
			ok = false
		default:
			lines[ro.ISO] = row.Line
		}
		switch a := Attendance(strings.ToLower(row.Get("attendance"))); a {
		case Attended, Absent, NotMember:
			ro.Attendance = a
		default:
			row.Errorf("attendance", "%q is not an attendance (want %q, %q or %q)", row.Get("attendance"), Attended, Absent, NotMember)
			ok = false
		}
		seen := make(map[string]bool)
		for _, p := range sheet.List(row.Get("paragraphs")) {
			switch {
			case paragraph != nil && !paragraph(p):
				row.Errorf("paragraphs", "unknown paragraph %q", p)
				ok = false
			case seen[p]:
				row.Errorf("paragraphs", "paragraph %q listed twice", p)
				ok = false
			default:
				seen[p] = true
				ro.Paragraphs = append(ro.Paragraphs, p)
			}
		}
		if ro.Summary == "" {
			row.Errorf("role", "missing role (one or two sentences on the state's part in the story)")
			ok = false
		}
		if ok {
			rs.index[ro.ISO] = len(rs.list)
			rs.list = append(rs.list, ro)
		}
	}
	if err := s.Err(); err != nil {
		return nil, err
	}
	return rs, nil
}

// Lookup returns the role of the state with ISO code iso.
func (rs *Roles) Lookup(iso string) (Role, bool) {
	if i, ok := rs.index[iso]; ok {
		return rs.list[i], true
	}
	return Role{}, false
}

// All returns every role, in file order.
func (rs *Roles) All() []Role { return append([]Role(nil), rs.list...) }

// Mentioning returns the roles of the states the article paragraph with the
// given id mentions, in file order.
func (rs *Roles) Mentioning(paragraph string) []Role {
	var out []Role
	for _, r := range rs.list {
		if r.Mentioned(paragraph) {
			out = append(out, r)
		}
	}
	return out
}

// New returns the roles of list, in file order, as Parse builds them; the
// generated content calls it. ISO codes must be unique.
func New(list []Role) *Roles {
	rs := &Roles{list: list, index: make(map[string]int, len(list))}
	for i, r := range list {
		rs.index[r.ISO] = i
	}
	return rs
}
