package corrections

import "explainer/app/timeline"

// EventsOf is the check of the log's event column against tl, for Parse:
// whether an id names one of its events. It is nil for a plain TimelineJS
// sheet, which has no ids the log could cite, so the log is not checked
// against it.
func EventsOf(tl *timeline.Timeline) func(id string) bool {
	if !tl.Full() {
		return nil
	}
	return func(id string) bool { _, ok := tl.Lookup(id); return ok }
}

// Default returns the log of corrections.csv, read on first use: parsed
// from the embedded file on the server, built from the literals contentgen
// wrote from it in the client. It panics if the file
// is invalid, which the package's tests rule out.
func Default() []Entry { return loadDefault() }

// LastChecked is the day of the latest entry: the last time the facts were
// checked and changed.
func LastChecked() string {
	es := Default()
	if len(es) == 0 {
		return ""
	}
	return es[len(es)-1].Date.Long()
}
