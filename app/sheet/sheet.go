// Package sheet reads the explainer's content files: CSV with one header
// row, as a spreadsheet exports it.
//
// Columns are found by their header name, case-insensitively, so editors
// may reorder columns or add their own; a file need not have every column a
// reader knows about. Problems are reported as *Error values that name the
// file, the line and the column ("events.csv:12:2: Month: 13 is not a month"),
// and a reader can collect every problem in a file instead of stopping at
// the first.
package sheet

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"net/url"
	"sort"
	"strings"
)

// Error is a problem at a place in a content file.
//
// Line counts from 1. Col is the 1-based position of the cell in its row,
// as a spreadsheet counts columns (for a CSV syntax error, the character
// position in the line instead); it is 0 when the problem concerns a whole
// line. Column is the header name of the cell's column, when known.
type Error struct {
	File   string
	Line   int
	Col    int
	Column string
	Err    error
}

// Error formats e as "file:line:col: Column: problem", leaving out the
// parts that are not known.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Col > 0 {
			fmt.Fprintf(&b, ":%d", e.Col)
		}
	}
	b.WriteString(": ")
	if e.Column != "" {
		b.WriteString(e.Column)
		b.WriteString(": ")
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

// Unwrap returns the underlying problem.
func (e *Error) Unwrap() error { return e.Err }

// Sheet is a CSV file read into rows, with its header.
// Problems found while checking rows are collected with Row.Errorf and
// returned together by Err.
type Sheet struct {
	// File names the file in error messages, e.g. "events.csv".
	File string

	header []string       // header names as written, trimmed
	index  map[string]int // lower-case header name -> field index
	rows   []Row
	errs   []*Error
	warns  []*Error
}

// Row is one data row of a Sheet. Rows whose cells are all empty are skipped,
// as spreadsheets often export them at the end.
type Row struct {
	// Line is the line on which the row starts.
	Line int

	sheet  *Sheet
	fields []string
	lines  []int // line of each field (a quoted cell may span lines)
}

// Read reads a whole CSV file whose first row is the header. It fails only on
// what stops it reading: a CSV syntax error, an empty file or a header naming
// a column twice. A row with more cells than the header is recorded as a
// problem (usually a comma inside an unquoted cell) for Err to report.
func Read(file string, r io.Reader) (*Sheet, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	s := &Sheet{File: file, index: make(map[string]int)}
	header, err := cr.Read()
	if err == io.EOF {
		return nil, &Error{File: file, Line: 1, Err: errors.New("empty file: want a header row")}
	}
	if err != nil {
		return nil, s.syntaxError(err)
	}
	for i, h := range header {
		if i == 0 {
			h = strings.TrimPrefix(h, "\ufeff") // byte order mark
		}
		h = strings.TrimSpace(h)
		header[i] = h
		if h == "" {
			continue
		}
		k := strings.ToLower(h)
		if j, dup := s.index[k]; dup {
			return nil, &Error{File: file, Line: 1, Col: i + 1, Column: h,
				Err: fmt.Errorf("column named twice (also column %d)", j+1)}
		}
		s.index[k] = i
	}
	s.header = header
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, s.syntaxError(err)
		}
		row := Row{sheet: s, fields: rec, lines: make([]int, len(rec))}
		for i := range rec {
			row.lines[i], _ = cr.FieldPos(i)
		}
		row.Line = row.lines[0]
		if blank(rec) {
			continue
		}
		if len(rec) > len(header) {
			s.errs = append(s.errs, &Error{File: file, Line: row.lines[len(header)], Col: len(header) + 1,
				Err: fmt.Errorf("row has %d cells but the header has %d (a cell containing a comma must be in double quotes)", len(rec), len(header))})
		}
		s.rows = append(s.rows, row)
	}
	return s, nil
}

func (s *Sheet) syntaxError(err error) error {
	// csv.Reader returns its syntax errors as *csv.ParseError, unwrapped.
	// (A type assertion rather than errors.As: it keeps errors.As's
	// reflection out of the wasm.)
	if pe, ok := err.(*csv.ParseError); ok {
		return &Error{File: s.File, Line: pe.Line, Col: pe.Column, Err: pe.Err}
	}
	return &Error{File: s.File, Err: err}
}

func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// Has reports whether the header has the named column (case-insensitive).
func (s *Sheet) Has(column string) bool {
	_, ok := s.index[strings.ToLower(column)]
	return ok
}

// Require returns an error naming every listed column the header lacks,
// or nil if it has them all.
func (s *Sheet) Require(columns ...string) error {
	var errs []error
	for _, c := range columns {
		if !s.Has(c) {
			errs = append(errs, &Error{File: s.File, Line: 1, Err: fmt.Errorf("missing column %q", c)})
		}
	}
	return errors.Join(errs...)
}

// Rows returns the data rows in file order.
func (s *Sheet) Rows() []Row { return s.rows }

// Err returns every problem recorded so far, ordered by place in the file and
// joined one to a line (see errors.Join), or nil if there were none.
// errors.As finds the first as an *Error.
func (s *Sheet) Err() error {
	if len(s.errs) == 0 {
		return nil
	}
	sort.SliceStable(s.errs, func(i, j int) bool {
		a, b := s.errs[i], s.errs[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	errs := make([]error, len(s.errs))
	for i, e := range s.errs {
		errs[i] = e
	}
	return errors.Join(errs...)
}

// Get returns the cell of the named column with surrounding space removed,
// or "" if the file has no such column or the row stops short of it.
func (r Row) Get(column string) string {
	i, ok := r.sheet.index[strings.ToLower(column)]
	if !ok || i >= len(r.fields) {
		return ""
	}
	return strings.TrimSpace(r.fields[i])
}

// Errorf records a problem with the row's cell in the named column; the
// sheet's Err reports it at that cell's line and column.
func (r Row) Errorf(column, format string, args ...any) {
	r.sheet.errs = append(r.sheet.errs, r.at(column, fmt.Errorf(format, args...)))
}

// Warnf records something the editor should know about the row's cell in
// the named column that does not stop the sheet loading: what the reader
// will not be shown, and why. Warnings reports it.
func (r Row) Warnf(column, format string, args ...any) {
	r.sheet.warns = append(r.sheet.warns, r.at(column, fmt.Errorf(format, args...)))
}

// Warnings returns every warning recorded, in the order recorded.
func (s *Sheet) Warnings() []*Error { return append([]*Error(nil), s.warns...) }

// at places err at the row's cell in the named column.
func (r Row) at(column string, err error) *Error {
	e := &Error{File: r.sheet.File, Line: r.Line, Column: column, Err: err}
	if i, ok := r.sheet.index[strings.ToLower(column)]; ok {
		e.Col = i + 1
		e.Column = r.sheet.header[i]
		if i < len(r.lines) {
			e.Line = r.lines[i]
		} else {
			e.Line = r.lines[len(r.lines)-1]
		}
	}
	return e
}

// List splits a cell holding several short values, such as state codes or
// paragraph ids, separated by spaces, commas or semicolons.
func List(cell string) []string {
	return strings.FieldsFunc(cell, func(r rune) bool {
		return r == ' ' || r == ',' || r == ';' || r == '\t' || r == '\n' || r == '\r'
	})
}

// CheckURL reports whether s is an absolute http or https URL with a host.
func CheckURL(s string) error {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%q is not an absolute http or https URL", s)
	}
	return nil
}

// IsSlug reports whether s is lower-case letters and digits in groups
// joined by single hyphens: the form of
// the content files' ids and keys.
func IsSlug(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' || strings.Contains(s, "--") {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}
