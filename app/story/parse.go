package story

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"

	"explainer/app/country"
	"explainer/app/date"
	"explainer/app/view"
)

// Error is one problem in a content file, at a line and column (both from 1;
// column 0 when the whole line is meant).
type Error struct {
	File string
	Line int
	Col  int
	Msg  string
}

func (e *Error) Error() string {
	pos := e.File + ":" + strconv.Itoa(e.Line)
	if e.Col > 0 {
		pos += ":" + strconv.Itoa(e.Col)
	}
	return pos + ": " + e.Msg
}

// Parse reads an article content file. name is used in error messages.
// Every problem found is reported, each as an *Error, joined with errors.Join.
func Parse(name, src string) (*Article, error) {
	p := parser{file: name, lines: strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n")}
	a := p.article()
	if len(p.errs) > 0 {
		return nil, errors.Join(p.errs...)
	}
	return a, nil
}

type parser struct {
	file  string
	lines []string
	errs  []error
}

func (p *parser) fail(line, col int, msg string) {
	p.errs = append(p.errs, &Error{File: p.file, Line: line, Col: col, Msg: msg})
}

func (p *parser) article() *Article {
	a := &Article{}
	body := p.frontMatter(a)
	p.body(a, body)
	return a
}

// frontMatter reads the "---" block and returns the index of the first body line.
func (p *parser) frontMatter(a *Article) int {
	if len(p.lines) == 0 || strings.TrimSpace(p.lines[0]) != "---" {
		p.fail(1, 0, `want front matter starting with "---"`)
		return 0
	}
	seen := map[string]bool{}
	for i := 1; i < len(p.lines); i++ {
		line, n := p.lines[i], i+1
		if strings.TrimSpace(line) == "---" {
			p.checkRequired(a, seen, n)
			return i + 1
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		key, value, ok := strings.Cut(line, ":")
		key, value = strings.TrimSpace(key), strings.TrimSpace(value)
		if !ok || key == "" {
			p.fail(n, 1, `want "key: value" in front matter`)
			continue
		}
		if seen[key] {
			p.fail(n, 1, "duplicate key "+strconv.Quote(key))
			continue
		}
		seen[key] = true
		col := strings.Index(line, value) + 1
		if value == "" {
			p.fail(n, len(line)+1, "empty value for "+strconv.Quote(key))
			continue
		}
		switch key {
		case "headline":
			a.Headline = value
		case "outlet":
			a.Outlet = value
		case "author":
			a.Author = value
		case "note":
			a.Note = value
		case "published":
			d, err := date.Parse(value)
			if err != nil {
				p.fail(n, col, "published: "+err.Error())
			} else if d.Prec != date.Day {
				p.fail(n, col, "published: want a full date YYYY-MM-DD")
			}
			a.Published = d
		case "reading-minutes":
			m, err := strconv.Atoi(value)
			if err != nil || m < 1 || m > 600 {
				p.fail(n, col, "reading-minutes: want a whole number of minutes, got "+strconv.Quote(value))
			}
			a.ReadingMinutes = m
		default:
			p.fail(n, 1, "unknown front matter key "+strconv.Quote(key))
		}
	}
	p.fail(len(p.lines), 0, `front matter is not closed with "---"`)
	return len(p.lines)
}

func (p *parser) checkRequired(a *Article, seen map[string]bool, line int) {
	for _, key := range []string{"headline", "outlet", "published", "reading-minutes"} {
		if !seen[key] {
			p.fail(line, 0, "front matter lacks "+strconv.Quote(key))
		}
	}
	if a.Author == "" {
		a.Author = a.Outlet
	}
}

// body reads paragraphs from line index start on.
func (p *parser) body(a *Article, start int) {
	ids := map[string]int{}
	var cur *Paragraph
	var text []textLine
	flush := func() {
		if cur == nil {
			return
		}
		if len(text) == 0 {
			p.fail(cur.Line, 0, "paragraph "+strconv.Quote(cur.ID)+" is empty")
		}
		cur.Spans = p.spans(text)
		a.Paragraphs = append(a.Paragraphs, *cur)
		cur, text = nil, nil
	}
	for i := start; i < len(p.lines); i++ {
		line, n := p.lines[i], i+1
		trimmed := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(trimmed, "{#"):
			flush()
			inner, ok := strings.CutSuffix(strings.TrimPrefix(trimmed, "{#"), "}")
			id, attrs, _ := strings.Cut(inner, " ")
			if !ok || !validID(id) {
				p.fail(n, 1, "want a paragraph id like {#summit} or {#summit at=2025-11-27}: lower-case letters, digits and hyphens")
				continue
			}
			if first, dup := ids[id]; dup {
				p.fail(n, 1, "duplicate paragraph id "+strconv.Quote(id)+" (first on line "+strconv.Itoa(first)+")")
			}
			ids[id] = n
			cur = &Paragraph{ID: id, Line: n}
			// attrs starts after "{#id ": its column in the line, from 1.
			col := strings.Index(line, "{#") + len("{#"+id+" ") + 1
			cur.Moment = p.moment(n, col, attrs)
		case trimmed == "":
			if cur != nil && len(text) > 0 {
				flush()
			}
		case cur != nil:
			text = append(text, textLine{n: n, s: line})
		}
	}
	flush()
	if len(a.Paragraphs) == 0 {
		p.fail(len(p.lines), 0, "the article has no paragraphs")
	}
}

// moment reads the attributes after a paragraph's id, which start at
// column col of line n: at=DATE, the date the paragraph speaks of (a day,
// a month or a year), is the only one so far.
func (p *parser) moment(n, col int, attrs string) date.Date {
	var at date.Date
	seen := false
	for len(attrs) > 0 {
		field := attrs
		if i := strings.IndexByte(attrs, ' '); i >= 0 {
			field = attrs[:i]
		}
		if field != "" {
			key, value, hasValue := strings.Cut(field, "=")
			switch {
			case key != "at":
				p.fail(n, col, "unknown paragraph attribute "+strconv.Quote(key)+" (want at=YYYY, at=YYYY-MM or at=YYYY-MM-DD)")
			case seen:
				p.fail(n, col, "duplicate at= for one paragraph")
			case !hasValue || value == "":
				p.fail(n, col, "at= needs a date: YYYY, YYYY-MM or YYYY-MM-DD")
			default:
				seen = true
				d, err := date.Parse(value)
				if err != nil {
					p.fail(n, col+len("at="), "at: "+err.Error())
					break
				}
				// The map would clamp such a date without a word, and
				// the panels would show a moment the paragraph is not about.
				if d.First().Before(view.Earliest) || d.Last().After(view.Latest) {
					p.fail(n, col+len("at="), "at: "+d.String()+" is outside the map's dates, "+
						view.Earliest.String()+" to "+view.Latest.String())
					break
				}
				at = d
			}
		}
		col += len(field) + 1
		attrs = attrs[min(len(field)+1, len(attrs)):]
	}
	return at
}

type textLine struct {
	n int
	s string
}

// spans splits a paragraph's lines into plain and marked-up spans. Lines of
// one paragraph are joined with a space, as Markdown does.
func (p *parser) spans(lines []textLine) []Span {
	var spans []Span
	addText := func(s string) {
		if s == "" {
			return
		}
		if k := len(spans) - 1; k >= 0 && spans[k].Kind == Text {
			spans[k].Text += s
			return
		}
		spans = append(spans, Span{Kind: Text, Text: s})
	}
	for li, l := range lines {
		if li > 0 {
			addText(" ")
		}
		s := strings.TrimSpace(l.s)
		offset := strings.Index(l.s, s) // column of s[0], minus one
		for {
			open := strings.IndexAny(s, "[]")
			if open < 0 {
				addText(s)
				break
			}
			col := offset + open + 1
			if s[open] == ']' {
				p.fail(l.n, runeCol(l.s, col), `"]" without "["`)
				addText(s[:open+1])
				s, offset = s[open+1:], offset+open+1
				continue
			}
			addText(s[:open])
			span, used, msg := p.link(s[open:])
			if msg != "" {
				p.fail(l.n, runeCol(l.s, col), msg)
				if used == 0 {
					used = 1
				}
			} else {
				spans = append(spans, span)
			}
			s, offset = s[open+used:], offset+open+used
		}
	}
	return spans
}

// link parses "[text](scheme:value)" at the start of s and returns the span,
// the bytes it used, and a message if it is malformed.
func (p *parser) link(s string) (Span, int, string) {
	closeText := strings.IndexAny(s[1:], "[]")
	if closeText < 0 || s[1+closeText] != ']' {
		return Span{}, 0, `"[" without a matching "]"`
	}
	text := s[1 : 1+closeText]
	rest := s[2+closeText:]
	if !strings.HasPrefix(rest, "(") {
		return Span{}, 0, `want "(" right after "]": [text](country:ISO3) or [text](date:YYYY-MM-DD)`
	}
	closeTarget := strings.IndexByte(rest, ')')
	if closeTarget < 0 {
		return Span{}, 0, `"(" without a matching ")"`
	}
	used := 2 + closeText + closeTarget + 1
	if strings.TrimSpace(text) == "" {
		return Span{}, used, "empty link text"
	}
	scheme, value, _ := strings.Cut(rest[1:closeTarget], ":")
	switch scheme {
	case "country":
		if err := country.Check(value); err != nil {
			return Span{}, used, err.Error()
		}
		return Span{Kind: Country, Text: text, Country: value}, used, ""
	case "date":
		fromText, toText, isSpan := strings.Cut(value, "/")
		from, err := date.Parse(fromText)
		if err != nil {
			return Span{}, used, err.Error()
		}
		span := Span{Kind: Date, Text: text, From: from}
		if isSpan {
			to, err := date.Parse(toText)
			if err != nil {
				return Span{}, used, err.Error()
			}
			if !from.Before(to) {
				return Span{}, used, "date span " + strconv.Quote(value) + " ends before it starts"
			}
			span.To = to
		}
		return span, used, ""
	}
	return Span{}, used, "unknown link target " + strconv.Quote(rest[1:closeTarget]) + " (want country:ISO3 or date:YYYY-MM-DD)"
}

func validID(id string) bool {
	if id == "" || id[0] == '-' {
		return false
	}
	for _, c := range id {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// runeCol converts a byte column (from 1) in line to a character column.
func runeCol(line string, byteCol int) int {
	if byteCol-1 > len(line) {
		return byteCol
	}
	return utf8.RuneCountInString(line[:byteCol-1]) + 1
}
