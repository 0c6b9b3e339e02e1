// Package corrections is the explainer's public log of changes to its
// facts: what changed, where, when, and why.
//
// The log lives in corrections.csv, newest entries last:
//
//	date,event,change,reason
//	2026-11-29,yerevan-summit,"Replaced the source ...","The cited article was ..."
//
// date is the full day of the change (YYYY-MM-DD); event the id of the
// timeline event changed, or empty for a change to the explainer as a whole;
// change what readers now see differently; reason why.
package corrections

import (
	"io"

	"explainer/app/date"
	"explainer/app/sheet"
)

// Entry is one correction.
type Entry struct {
	Date   date.Date
	Event  string // timeline event id, or ""
	Change string
	Reason string
	Line   int
}

// Parse reads and validates a corrections file; name names it in errors.
// isEvent reports whether an id names a timeline event (nil accepts any).
// Every problem is reported as "file:line:column: column: problem": a
// missing or malformed date, dates out of order, an unknown event, a
// missing change or reason.
func Parse(name string, r io.Reader, isEvent func(id string) bool) ([]Entry, error) {
	s, err := sheet.Read(name, r)
	if err != nil {
		return nil, err
	}
	if err := s.Require("date", "event", "change", "reason"); err != nil {
		return nil, err
	}
	var out []Entry
	var prev Entry
	for _, row := range s.Rows() {
		e := Entry{Line: row.Line, Event: row.Get("event"), Change: row.Get("change"), Reason: row.Get("reason")}
		ok := true
		cell := row.Get("date")
		d, err := date.Parse(cell)
		switch {
		case cell == "":
			row.Errorf("date", "missing date")
			ok = false
		case err != nil || d.Prec != date.Day:
			row.Errorf("date", "%q is not a day (want YYYY-MM-DD)", cell)
			ok = false
		case prev.Line != 0 && d.Before(prev.Date):
			row.Errorf("date", "%s comes before %s (line %d): keep the log in date order", d, prev.Date, prev.Line)
			ok = false
		}
		e.Date = d
		if e.Event != "" && isEvent != nil && !isEvent(e.Event) {
			row.Errorf("event", "unknown event %q", e.Event)
			ok = false
		}
		if e.Change == "" {
			row.Errorf("change", "missing change (what readers now see differently)")
			ok = false
		}
		if e.Reason == "" {
			row.Errorf("reason", "missing reason (why it changed)")
			ok = false
		}
		if ok {
			out = append(out, e)
			prev = e
		}
	}
	if err := s.Err(); err != nil {
		return nil, err
	}
	return out, nil
}
