// Package date holds calendar dates at the precision the sources give them:
// a day ("2024-02-22"), a month ("2023-01") or a year ("1991").
//
// Timeline events, the article's date mentions and the URL's "at" parameter
// all use this one form, so they compare and link without conversions.
package date

import (
	"errors"
	"strconv"
	"time"
)

// Precision says how much of a Date is known.
type Precision uint8

// Precisions, coarsest last so that the zero value means "no date".
const (
	None Precision = iota
	Day
	Month
	Year
)

// String names the precision as the content files write it.
func (p Precision) String() string {
	switch p {
	case Day:
		return "day"
	case Month:
		return "month"
	case Year:
		return "year"
	}
	return "none"
}

// Date is a calendar date known to a day, a month or a year.
// The zero Date is "no date" and reports IsZero.
type Date struct {
	Year  int
	Month int // 1-12, or 0 when Precision is Year
	Day   int // 1-31, or 0 when Precision is Month or Year
	Prec  Precision
}

// Errors returned by Parse, wrapped with the offending text.
var (
	ErrSyntax     = errors.New("want YYYY, YYYY-MM or YYYY-MM-DD")
	ErrOutOfRange = errors.New("no such date")
)

// Parse reads "YYYY", "YYYY-MM" or "YYYY-MM-DD". Years run from 1000 to 9999;
// the day must exist in that month ("2023-02-29" is an error).
func Parse(s string) (Date, error) {
	var d Date
	switch len(s) {
	case 4:
		d.Prec = Year
	case 7:
		d.Prec = Month
	case 10:
		d.Prec = Day
	default:
		return Date{}, &Error{Text: s, Err: ErrSyntax}
	}
	y, ok := digits(s[0:4])
	if !ok || y < 1000 {
		return Date{}, &Error{Text: s, Err: ErrSyntax}
	}
	d.Year = y
	if d.Prec == Year {
		return d, nil
	}
	if s[4] != '-' {
		return Date{}, &Error{Text: s, Err: ErrSyntax}
	}
	m, ok := digits(s[5:7])
	if !ok {
		return Date{}, &Error{Text: s, Err: ErrSyntax}
	}
	if m < 1 || m > 12 {
		return Date{}, &Error{Text: s, Err: ErrOutOfRange}
	}
	d.Month = m
	if d.Prec == Month {
		return d, nil
	}
	if s[7] != '-' {
		return Date{}, &Error{Text: s, Err: ErrSyntax}
	}
	day, ok := digits(s[8:10])
	if !ok {
		return Date{}, &Error{Text: s, Err: ErrSyntax}
	}
	if day < 1 || day > daysIn(y, m) {
		return Date{}, &Error{Text: s, Err: ErrOutOfRange}
	}
	d.Day = day
	return d, nil
}

// MustParse is Parse for literals in code and tests; it panics on error.
func MustParse(s string) Date {
	d, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

// Of returns the day-precision Date of t's calendar day.
func Of(t time.Time) Date {
	return Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day(), Prec: Day}
}

// Error is a date that could not be parsed.
type Error struct {
	Text string
	Err  error
}

func (e *Error) Error() string { return "date " + strconv.Quote(e.Text) + ": " + e.Err.Error() }

// Unwrap lets errors.Is find ErrSyntax or ErrOutOfRange.
func (e *Error) Unwrap() error { return e.Err }

// IsZero reports whether d is the zero Date ("no date").
func (d Date) IsZero() bool { return d.Prec == None }

// String formats d at its precision: "1991", "2023-01" or "2024-02-22";
// the zero Date formats as "".
func (d Date) String() string {
	switch d.Prec {
	case Year:
		return pad(d.Year, 4)
	case Month:
		return pad(d.Year, 4) + "-" + pad(d.Month, 2)
	case Day:
		return pad(d.Year, 4) + "-" + pad(d.Month, 2) + "-" + pad(d.Day, 2)
	}
	return ""
}

// First is the first day d covers: 2023-01 gives 2023-01-01, 1991 gives 1991-01-01.
func (d Date) First() Date {
	f := Date{Year: d.Year, Month: d.Month, Day: d.Day, Prec: Day}
	if f.Month == 0 {
		f.Month = 1
	}
	if f.Day == 0 {
		f.Day = 1
	}
	return f
}

// Last is the last day d covers: 2024-02 gives 2024-02-29, 1991 gives 1991-12-31.
func (d Date) Last() Date {
	switch d.Prec {
	case Year:
		return Date{Year: d.Year, Month: 12, Day: 31, Prec: Day}
	case Month:
		return Date{Year: d.Year, Month: d.Month, Day: daysIn(d.Year, d.Month), Prec: Day}
	}
	return d
}

// Contains reports whether the day-precision date day falls within d.
func (d Date) Contains(day Date) bool {
	return !d.First().After(day) && !day.After(d.Last())
}

// Ordinal is a day count that orders days: for day-precision dates,
// a.Ordinal() < b.Ordinal() exactly when a is before b, and the difference
// is the number of days between them. Coarser dates count from their first day.
func (d Date) Ordinal() int {
	f := d.First()
	return int(time.Date(f.Year, time.Month(f.Month), f.Day, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// FromOrdinal is the inverse of Ordinal for day-precision dates.
func FromOrdinal(n int) Date {
	return Of(time.Unix(int64(n)*86400, 0).UTC())
}

// Before reports whether d's first day is before e's first day.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d's first day is after e's first day.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// Compare orders dates by their first day, then coarser after finer, so
// a sort puts "2023-01-10" before "2023-01" before "2023".
func (d Date) Compare(e Date) int {
	a, b := d.First(), e.First()
	for _, c := range [...][2]int{{a.Year, b.Year}, {a.Month, b.Month}, {a.Day, b.Day}, {int(d.Prec), int(e.Prec)}} {
		if c[0] != c[1] {
			if c[0] < c[1] {
				return -1
			}
			return 1
		}
	}
	return 0
}

// Clamp returns d's first day, moved to lo or hi (day-precision dates,
// lo before hi) when it falls outside them.
func (d Date) Clamp(lo, hi Date) Date {
	f := d.First()
	switch {
	case f.Before(lo):
		return lo
	case f.After(hi):
		return hi
	}
	return f
}

// AddDays returns the day-precision date n days after d's first day.
func (d Date) AddDays(n int) Date { return FromOrdinal(d.Ordinal() + n) }

var monthNames = [...]string{"January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December"}

// Long formats d for readers: "22 February 2024", "January 2023", "1991".
func (d Date) Long() string {
	switch d.Prec {
	case Year:
		return strconv.Itoa(d.Year)
	case Month:
		return monthNames[d.Month-1] + " " + strconv.Itoa(d.Year)
	case Day:
		return strconv.Itoa(d.Day) + " " + monthNames[d.Month-1] + " " + strconv.Itoa(d.Year)
	}
	return ""
}

func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func pad(n, width int) string {
	s := strconv.Itoa(n)
	for len(s) < width {
		s = "0" + s
	}
	return s
}
