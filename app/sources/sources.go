// Package sources holds the reports the explainer cites: one row of
// sources.csv per article, with its outlet, title, date and address.
//
// The timeline (events.csv, Sources column) and the membership history
// (transitions.csv, source column) cite reports by key, so that a report
// cited by several facts is written, and checked, once:
//
//	key,outlet,title,date,url
//	ocmedia-2024-02-23-frozen,OC Media,Pashinyan: Armenia has 'frozen' its participation in the CSTO,2024-02-23,https://oc-media.org/...
//
// key is a lower-case slug; outlet the publisher's name; title the report's
// headline as the outlet gives it; date the day (or month, or year) of
// publication, or "consulted YYYY-MM-DD" for a reference page that carries
// no date of its own; url the address of the report itself. A URL that names
// only a site (no path, or "/", and no query) is refused: readers must reach
// the report, not a homepage.
package sources

import (
	"fmt"
	"io"
	"net/url"
	"strings"

	"explainer/app/date"
	"explainer/app/sheet"
)

// Report is one cited article or document.
type Report struct {
	Key    string
	Outlet string
	Title  string
	// Date is when the report was published; when Consulted is set, the
	// page has no date of its own and Date is when it was last read.
	Date      date.Date
	Consulted bool
	URL       string
	Line      int // line in the content file, for messages
}

// DateText is the report's date as readers see it ("23 February 2024",
// or "consulted 29 November 2026").
func (r Report) DateText() string {
	if r.Consulted {
		return "consulted " + r.Date.Long()
	}
	return r.Date.Long()
}

// Catalog is every report, by key. Its methods do not modify it.
type Catalog struct {
	byKey map[string]Report
	keys  []string // file order
}

// Lookup returns the report with that key.
func (c *Catalog) Lookup(key string) (Report, bool) {
	r, ok := c.byKey[key]
	return r, ok
}

// Keys returns every key in file order.
func (c *Catalog) Keys() []string { return append([]string(nil), c.keys...) }

// Parse reads and validates a sources file; name names it in errors. It
// reports every problem, one per line, as "file:line:column: column:
// problem": a missing or repeated key, a missing outlet or title, a missing
// or malformed date, a URL that is not absolute http(s) or names only a site.
func Parse(name string, r io.Reader) (*Catalog, error) {
	s, err := sheet.Read(name, r)
	if err != nil {
		return nil, err
	}
	if err := s.Require("key", "outlet", "title", "date", "url"); err != nil {
		return nil, err
	}
	c := &Catalog{byKey: make(map[string]Report)}
	lines := make(map[string]int)
	for _, row := range s.Rows() {
		rep := Report{Line: row.Line, Key: row.Get("key"), Outlet: row.Get("outlet"),
			Title: row.Get("title"), URL: row.Get("url")}
		ok := true
		switch {
		case rep.Key == "":
			row.Errorf("key", "missing key")
			ok = false
		case !sheet.IsSlug(rep.Key):
			row.Errorf("key", "%q is not a key (want lower-case letters, digits and single hyphens)", rep.Key)
			ok = false
		case lines[rep.Key] != 0:
			row.Errorf("key", "duplicate key %q (first on line %d)", rep.Key, lines[rep.Key])
			ok = false
		}
		if rep.Outlet == "" {
			row.Errorf("outlet", "missing outlet")
			ok = false
		}
		if rep.Title == "" {
			row.Errorf("title", "missing title (the report's headline)")
			ok = false
		}
		var dateErr error
		rep.Date, rep.Consulted, dateErr = parseDate(row.Get("date"))
		if dateErr != nil {
			row.Errorf("date", "%v", dateErr)
			ok = false
		}
		if err := CheckReportURL(rep.URL); err != nil {
			row.Errorf("url", "%v", err)
			ok = false
		}
		if ok {
			lines[rep.Key] = row.Line
			c.byKey[rep.Key] = rep
			c.keys = append(c.keys, rep.Key)
		}
	}
	if err := s.Err(); err != nil {
		return nil, err
	}
	return c, nil
}

func parseDate(cell string) (date.Date, bool, error) {
	if cell == "" {
		return date.Date{}, false, fmt.Errorf("missing date (want the publication date, e.g. 2024-02-23, or \"consulted 2026-11-29\" for an undated page)")
	}
	consulted := false
	text := cell
	if rest, found := strings.CutPrefix(cell, "consulted "); found {
		consulted = true
		text = strings.TrimSpace(rest)
	}
	d, err := date.Parse(text)
	if err != nil {
		return date.Date{}, false, fmt.Errorf("%q is not a date (want YYYY-MM-DD, YYYY-MM or YYYY, or \"consulted YYYY-MM-DD\")", cell)
	}
	if consulted && d.Prec != date.Day {
		return date.Date{}, false, fmt.Errorf("%q: the day a page was consulted must be a full date (YYYY-MM-DD)", cell)
	}
	return d, consulted, nil
}

// CheckReportURL reports whether s is an absolute http or https URL that
// names a page: a path other than "/", or a query that identifies one
// (e.g. "?p=380439"). A bare site address is refused.
func CheckReportURL(s string) error {
	if s == "" {
		return fmt.Errorf("missing URL")
	}
	if err := sheet.CheckURL(s); err != nil {
		return err
	}
	u, _ := url.Parse(s)
	if (u.Path == "" || u.Path == "/") && u.RawQuery == "" {
		return fmt.Errorf("%q is a homepage: give the address of the report itself", s)
	}
	return nil
}

// Cite reads a cell citing reports by key, separated by spaces, commas,
// semicolons or "|", and returns them in order. lookup finds a key; an
// unknown or repeated key is an error. An empty cell gives no reports.
func Cite(cell string, lookup func(string) (Report, bool)) ([]Report, error) {
	var out []Report
	seen := make(map[string]bool)
	for _, key := range sheet.List(strings.ReplaceAll(cell, "|", " ")) {
		r, ok := lookup(key)
		switch {
		case !ok:
			return nil, fmt.Errorf("unknown source %q (not a key of sources.csv)", key)
		case seen[key]:
			return nil, fmt.Errorf("source %q cited twice", key)
		}
		seen[key] = true
		out = append(out, r)
	}
	return out, nil
}

// NewCatalog returns the catalog of these reports, in file order, as Parse
// builds it; the generated content calls it. Keys must be unique.
func NewCatalog(reports []Report) *Catalog {
	c := &Catalog{byKey: make(map[string]Report, len(reports))}
	for _, r := range reports {
		c.byKey[r.Key] = r
		c.keys = append(c.keys, r.Key)
	}
	return c
}

// Reports returns every report in file order.
func (c *Catalog) Reports() []Report {
	rs := make([]Report, len(c.keys))
	for i, k := range c.keys {
		rs[i] = c.byKey[k]
	}
	return rs
}
