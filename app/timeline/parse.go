package timeline

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"explainer/app/colour"
	"explainer/app/country"
	"explainer/app/date"
	"explainer/app/media"
	"explainer/app/richtext"
	"explainer/app/sheet"
	"explainer/app/sources"
)

// templateColumns are the columns of the TimelineJS Google Sheets template,
// in its order; events.csv starts with exactly these.
var templateColumns = []string{
	"Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
	"Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
	"Media Thumbnail", "Type", "Group", "Background",
}

// ownColumns are the explainer's columns, in the order events.csv has them
// after the template's.
var ownColumns = []string{"ID", "Kind", "States", "Sources", "Paragraph", "Path", "Step", "Note"}

// Known supplies what the events may refer to besides states, which are
// checked against package country.
type Known struct {
	// Paragraphs reports whether id is the id of an article paragraph.
	// If nil, any well-formed id (a lower-case slug) is accepted.
	Paragraphs func(id string) bool
	// Sources finds a cited report by its key in sources.csv. If nil,
	// every key is unknown, so a sheet citing any fails.
	Sources func(key string) (sources.Report, bool)
	// LocalFile checks a local image, given by its path under web/ (e.g.
	// "media/treaty.png"): that the file is there and is an image. If nil,
	// only the path's form is checked, as in the wasm, which has no files.
	LocalFile func(path string) error
}

// Parse reads and validates a timeline sheet; name names it in errors.
//
// A sheet with an ID column is in the explainer's full format: every event
// needs an ID, a Kind, a Text and at least one source, and the Kind and
// Sources columns must be present. A sheet without an ID column is read in
// TimelineJS compatibility mode, so a plain TimelineJS sheet loads: ids are
// made from the headlines (lower-case slugs, "-2", "-3" added to repeats),
// the kind is taken from Group when Group names a kind and is "context"
// otherwise, and sources are optional, as the template has no column for
// them. In both modes the explainer's other columns are read and checked
// when present, and Year and Headline are required.
//
// Parse checks the whole sheet and reports every problem it finds, one per
// line, each as "file:line:column: Column: problem" (see sheet.Error): dates
// that do not exist, unknown states, kinds, notes or paragraphs, repeated
// ids, missing or unknown sources, local media paths that are not images
// under web/ (and, with Known.LocalFile, files that are not there), media
// that is not an http or https address, and Background cells that are
// neither a colour nor an address. What loads but will not be shown is a
// warning (see Timeline.Warnings).
func Parse(name string, r io.Reader, known Known) (*Timeline, error) {
	s, err := sheet.Read(name, r)
	if err != nil {
		return nil, err
	}
	p := &parser{full: s.Has("ID"), known: known, ids: make(map[string]int)}
	required := []string{"Year", "Headline"}
	if p.full {
		required = append(required, "Kind", "Text", "Sources")
	}
	if err := s.Require(required...); err != nil {
		return nil, err
	}
	type parsed struct {
		ev  Event
		row sheet.Row
	}
	var events []parsed
	var groups []string // each event's, in file order
	t := &Timeline{full: p.full}
	titleLine := 0
	for _, row := range s.Rows() {
		switch typ := strings.ToLower(row.Get("Type")); typ {
		case "":
			if ev, ok := p.event(row); ok {
				events = append(events, parsed{ev, row})
				groups = append(groups, ev.Group)
			}
		case "era":
			if era, ok := p.era(row); ok {
				t.eras = append(t.eras, era)
			}
		case "title":
			if titleLine != 0 {
				row.Errorf("Type", "a second title row (the first is on line %d)", titleLine)
				continue
			}
			titleLine = row.Line
			m, _ := p.media(row)
			t.title = Title{
				Headline: richtext.Parse(row.Get("Headline")),
				Text:     richtext.Parse(row.Get("Text")),
				Media:    m,
			}
		default:
			row.Errorf("Type", "%q is not a TimelineJS type (want empty, \"era\" or \"title\")", row.Get("Type"))
		}
	}
	sort.SliceStable(events, func(i, j int) bool { return events[i].ev.Date.Before(events[j].ev.Date) })

	// Steps climb the escalation staircase: once one step has a rung, all
	// must, and no rung may be lower than the one before.
	var prev *parsed
	stepped := false
	for i := range events {
		if events[i].ev.Path && events[i].ev.Step > 0 {
			stepped = true
		}
	}
	for i := range events {
		e := &events[i]
		if !e.ev.Path {
			continue
		}
		switch {
		case stepped && e.ev.Step == 0:
			e.row.Errorf("Step", "missing step: other steps on the path have one")
		case prev != nil && e.ev.Step < prev.ev.Step:
			e.row.Errorf("Step", "step %d comes after step %d (line %d): steps must not go down along the path",
				e.ev.Step, prev.ev.Step, prev.row.Line)
		}
		if e.ev.Step > 0 {
			prev = e
		}
	}

	if err := s.Err(); err != nil {
		return nil, err
	}
	for _, e := range events {
		t.events = append(t.events, e.ev)
	}
	t.groups = lanes(groups)
	for _, w := range s.Warnings() {
		t.warns = append(t.warns, w)
	}
	t.sort()
	return t, nil
}

type parser struct {
	full  bool
	known Known
	ids   map[string]int // id -> line
}

func (p *parser) event(row sheet.Row) (Event, bool) {
	ok := true
	check := func(good bool) {
		if !good {
			ok = false
		}
	}
	e := Event{
		Line:        row.Line,
		DisplayDate: plain(row.Get("Display Date")),
		Headline:    plain(row.Get("Headline")),
		Text:        richtext.Parse(row.Get("Text")),
		Group:       plain(row.Get("Group")),
	}
	e.Summary = e.Text.Plain()
	var good bool
	e.Media, good = p.media(row)
	check(good)
	e.Accent = p.accent(row)
	e.ID, good = p.id(row)
	check(good)
	e.Date, good = dateOf(row, "Year", "Month", "Day", true)
	check(good)
	e.End, good = dateOf(row, "End Year", "End Month", "End Day", false)
	check(good)
	if !e.End.IsZero() && !e.Date.IsZero() && e.End.Last().Before(e.Date.First()) {
		row.Errorf("End Year", "the event ends (%s) before it starts (%s)", e.End, e.Date)
		ok = false
	}
	if e.Headline == "" {
		row.Errorf("Headline", "missing headline")
		ok = false
	}
	if p.full && e.Summary == "" {
		row.Errorf("Text", "missing text (the event's summary)")
		ok = false
	}

	switch cell := row.Get("Kind"); {
	case cell != "":
		e.Kind, good = parseKind(strings.ToLower(cell))
		if !good {
			row.Errorf("Kind", "%q is not a kind (want one of %s)", cell, kindList())
			ok = false
		}
	case p.full:
		row.Errorf("Kind", "missing kind (want one of %s)", kindList())
		ok = false
	default:
		e.Kind, good = parseKind(strings.ToLower(e.Group))
		if !good {
			e.Kind = KindContext
		}
	}

	seen := make(map[string]bool)
	for _, code := range sheet.List(row.Get("States")) {
		switch err := country.Check(code); {
		case err != nil:
			row.Errorf("States", "%w", err)
			ok = false
		case seen[code]:
			row.Errorf("States", "state %s listed twice", code)
			ok = false
		default:
			seen[code] = true
			e.States = append(e.States, code)
		}
	}

	lookup := p.known.Sources
	if lookup == nil {
		lookup = func(string) (sources.Report, bool) { return sources.Report{}, false }
	}
	srcs, err := sources.Cite(row.Get("Sources"), lookup)
	switch {
	case err != nil:
		row.Errorf("Sources", "%v", err)
		ok = false
	case p.full && len(srcs) == 0:
		row.Errorf("Sources", "missing source (want keys of sources.csv, e.g. \"tass-2012-06-28\")")
		ok = false
	}
	e.Sources = srcs

	if id := row.Get("Paragraph"); id != "" {
		switch {
		case p.known.Paragraphs != nil && !p.known.Paragraphs(id):
			row.Errorf("Paragraph", "unknown paragraph %q", id)
			ok = false
		case p.known.Paragraphs == nil && !sheet.IsSlug(id):
			row.Errorf("Paragraph", "%q is not a paragraph id (want a lower-case slug)", id)
			ok = false
		}
		e.Paragraph = id
	}

	pathOK := true
	if e.Path, pathOK = parseYesNo(row.Get("Path")); !pathOK {
		row.Errorf("Path", "%q is not yes or no", row.Get("Path"))
		ok = false
	}
	if cell := row.Get("Step"); cell != "" {
		n, err := strconv.Atoi(cell)
		switch {
		case err != nil || n < 1:
			row.Errorf("Step", "%q is not a step (want 1, 2, ...)", cell)
			ok = false
		case !e.Path && pathOK:
			row.Errorf("Step", "step %d on an event that is not on the path (set Path to yes)", n)
			ok = false
		}
		e.Step = n
	}

	switch cell := row.Get("Note"); Note(strings.ToLower(cell)) {
	case NoteNone, NoteSingleSource, NoteContext:
		e.Note = Note(strings.ToLower(cell))
	default:
		row.Errorf("Note", "%q is not a note (want %q, %q or empty)", cell, NoteSingleSource, NoteContext)
		ok = false
	}
	return e, ok
}

func (p *parser) era(row sheet.Row) (Era, bool) {
	e := Era{
		Line:        row.Line,
		Label:       plain(row.Get("Headline")),
		Text:        richtext.Parse(row.Get("Text")),
		DisplayDate: plain(row.Get("Display Date")),
	}
	id, ok := p.id(row)
	e.ID = id
	var good bool
	if e.Start, good = dateOf(row, "Year", "Month", "Day", true); !good {
		ok = false
	}
	if e.End, good = dateOf(row, "End Year", "End Month", "End Day", false); !good {
		ok = false
	} else if e.End.IsZero() {
		row.Errorf("End Year", "an era needs an end date")
		ok = false
	} else if !e.Start.IsZero() && e.End.Last().Before(e.Start.First()) {
		row.Errorf("End Year", "the era ends (%s) before it starts (%s)", e.End, e.Start)
		ok = false
	} else if !e.Start.IsZero() && e.End.First() == e.Start.First() {
		// We read "1991 to 1991" as the whole year, but TimelineJS reads
		// both as 1 January, drops an end equal to the start, and then
		// refuses the whole sheet for an era without an end.
		row.Warnf("End Year", "the era ends where it starts (%s) as TimelineJS reads it, and TimelineJS then refuses the whole sheet: give the end its month and day (e.g. End Month 12, End Day 31)", e.End)
	}
	if e.Label == "" {
		row.Errorf("Headline", "missing headline (the era's label)")
		ok = false
	}
	return e, ok
}

// media reads a row's media columns. A local path that is wrong is an
// error in any sheet: the editor meant a file of the site. Another cell
// that is not an address is an error in the full format and, so that a
// newsroom's plain sheet still loads, a warning in compatibility mode; the
// media is then not shown.
func (p *parser) media(row sheet.Row) (Media, bool) {
	ok := true
	m := Media{
		Credit:  richtext.Parse(row.Get("Media Credit")),
		Caption: richtext.Parse(row.Get("Media Caption")),
		Alt:     plain(row.Get("Alt Text")),
	}
	read := func(column string) media.Media {
		got, err := media.Parse(row.Get(column))
		switch {
		case err == nil && got.Kind == media.Local && p.known.LocalFile != nil:
			if err := p.known.LocalFile(got.WebPath()); err != nil {
				row.Errorf(column, "%v", err)
				ok = false
			}
		case err == nil:
		case errors.Is(err, media.ErrLocal) || p.full:
			row.Errorf(column, "%v", err)
			ok = false
		default:
			row.Warnf(column, "%v; not shown", err)
		}
		return got
	}
	m.Media = read("Media")
	m.Thumbnail = read("Media Thumbnail")
	if m.Kind == media.Local && m.Alt == "" {
		row.Warnf("Media", "a local image without Alt Text: shown as decorative (alt=\"\"), with its caption as its only description")
	}
	if m.Thumbnail.Kind != media.None && m.Thumbnail.Kind != media.Local {
		row.Warnf("Media Thumbnail", "%q is not shown: the event list loads nothing from other sites (use an image under web/)", m.Thumbnail.URL)
		m.Thumbnail = media.Media{}
	}
	return m, ok
}

// accent reads a row's Background: a colour becomes the event's accent
// if it shows on every background of both themes. An image is not shown:
// TimelineJS paints it behind the slide's words, where it would compete
// with them and, remote, load from another site unasked.
func (p *parser) accent(row sheet.Row) string {
	cell := row.Get("Background")
	switch {
	case cell == "":
		return ""
	case !strings.HasPrefix(cell, "#"):
		if _, err := media.Parse(cell); err == nil {
			row.Warnf("Background", "an image background is not shown, only a colour (#rrggbb)")
			return ""
		}
	}
	c, err := colour.Parse(cell)
	switch {
	case err != nil && p.full:
		row.Errorf("Background", "%v", err)
		return ""
	case err != nil:
		// A newsroom's plain sheet may name colours ("lightblue"): it
		// still loads, without the accent.
		row.Warnf("Background", "%v; not used", err)
		return ""
	}
	if least, ok := colour.Accent(c); !ok {
		row.Warnf("Background", "%s is not used as the event's accent: its contrast is %.2f:1 against a background of the light or dark theme, under the %.0f:1 a mark needs",
			c, least, colour.UIContrast)
		return ""
	}
	return c.String()
}

// lanes lists the groups named, in the order they first appear; events
// without one form a last, unnamed group.
func lanes(groups []string) []string {
	var out []string
	seen := make(map[string]bool)
	ungrouped := false
	for _, g := range groups {
		switch {
		case g == "":
			ungrouped = true
		case !seen[g]:
			seen[g] = true
			out = append(out, g)
		}
	}
	if len(out) > 0 && ungrouped {
		out = append(out, "")
	}
	return out
}

// id returns the row's id: its ID cell in the full format, a slug of its
// headline in compatibility mode.
func (p *parser) id(row sheet.Row) (string, bool) {
	if !p.full {
		base := slug(plain(row.Get("Headline")))
		id := base
		for n := 2; p.ids[id] != 0; n++ {
			id = base + "-" + strconv.Itoa(n)
		}
		p.ids[id] = row.Line
		return id, true
	}
	id := row.Get("ID")
	switch {
	case id == "":
		row.Errorf("ID", "missing id")
		return "", false
	case !sheet.IsSlug(id):
		row.Errorf("ID", "%q is not an id (want lower-case letters, digits and single hyphens, e.g. armenia-freezes)", id)
		return "", false
	case p.ids[id] != 0:
		row.Errorf("ID", "duplicate id %q (first on line %d)", id, p.ids[id])
		return "", false
	}
	p.ids[id] = row.Line
	return id, true
}

// dateOf reads a date from the year, month and day columns named. An empty
// year gives the zero Date, which is an error when required.
func dateOf(row sheet.Row, yc, mc, dc string, required bool) (date.Date, bool) {
	y, m, d := row.Get(yc), row.Get(mc), row.Get(dc)
	if y == "" {
		if required || m != "" || d != "" {
			row.Errorf(yc, "missing year")
			return date.Date{}, false
		}
		return date.Date{}, true
	}
	if len(y) != 4 || !isDigits(y) || y < "1000" {
		row.Errorf(yc, "%q is not a year (want four digits, e.g. 1992)", y)
		return date.Date{}, false
	}
	if m == "" {
		if d != "" {
			row.Errorf(dc, "day %s given without a month", d)
			return date.Date{}, false
		}
		return date.MustParse(y), true
	}
	mn, err := strconv.Atoi(m)
	if err != nil || mn < 1 || mn > 12 {
		row.Errorf(mc, "%s is not a month (want 1 to 12)", m)
		return date.Date{}, false
	}
	month := date.MustParse(fmt.Sprintf("%s-%02d", y, mn))
	if d == "" {
		return month, true
	}
	dn, err := strconv.Atoi(d)
	if err != nil || dn < 1 || dn > 31 {
		row.Errorf(dc, "%s is not a day (want 1 to 31)", d)
		return date.Date{}, false
	}
	day, err := date.Parse(fmt.Sprintf("%s-%02d-%02d", y, mn, dn))
	if err != nil {
		row.Errorf(dc, "%s is not a day of %s", d, month.Long())
		return date.Date{}, false
	}
	return day, true
}

// plain is a cell's words without markup: TimelineJS allows HTML in a
// headline, which the list, the charts and the accessible names show as
// text.
func plain(cell string) string { return richtext.Parse(cell).Plain() }

func parseYesNo(s string) (bool, bool) {
	switch strings.ToLower(s) {
	case "", "no", "n", "false", "0":
		return false, true
	case "yes", "y", "true", "1", "x":
		return true, true
	}
	return false, false
}

func kindList() string {
	var names []string
	for _, k := range Kinds() {
		names = append(names, string(k))
	}
	return strings.Join(names, ", ")
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// slug makes an id from a headline: lower-case ASCII letters and digits,
// other runs of characters turned into one hyphen, at most about 60
// characters cut at a hyphen. A headline with no letters gives "event".
func slug(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
			continue
		}
		if r == '\'' || r == '\u2019' { // apostrophes: "Armenia's" gives "armenias"
			continue
		}
		hyphen = true
	}
	out := b.String()
	if len(out) > 60 {
		if i := strings.LastIndexByte(out[:61], '-'); i > 0 {
			out = out[:i]
		} else {
			out = out[:60]
		}
	}
	if out == "" {
		return "event"
	}
	return out
}
