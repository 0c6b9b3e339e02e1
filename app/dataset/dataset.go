// Package dataset builds the data behind the explainer for readers to
// download ("Get the data"): the membership transitions and the events, as
// CSV and as JSON, each with the reports it cites and a note on sources
// and licence.
//
// The files are built from the parsed model, not copied from the content
// files, so what readers get is what the page shows: sanitised text,
// checked dates, and every cited report resolved to its outlet, title and
// address. Each CSV keeps the columns of the content file it comes from
// (transitions.csv's, and events.csv's TimelineJS template then the
// explainer's own), so it reads back through the explainer's own parsers
// and a TimelineJS sheet takes the events as they are; the columns a
// reader needs besides (a state's name, a status in words, the reports'
// addresses, an event's date in one ISO cell) come after them.
//
// Only the server uses the builders; the UI links the files by their
// paths, so the wasm links this package's constants alone.
package dataset

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"sort"
	"strconv"
	"strings"

	"explainer/app/country"
	"explainer/app/membership"
	"explainer/app/richtext"
	"explainer/app/sources"
	"explainer/app/timeline"
)

// The files' paths on the site, stable: pages, embeds and other sites link them.
const (
	Dir             = "/data/"
	TransitionsCSV  = "/data/transitions.csv"
	TransitionsJSON = "/data/transitions.json"
	EventsCSV       = "/data/events.csv"
	EventsJSON      = "/data/events.json"
	Readme          = "/data/README.txt"
)

// Licence is the terms of reuse of the data. The facts come from the cited
// reports; the compilation (the choice of events, the statuses and their
// dates, the notes) is the explainer's.
const Licence = "The data is published under the Creative Commons Attribution 4.0 International licence " +
	"(CC BY 4.0, https://creativecommons.org/licenses/by/4.0/): reuse it with credit to " +
	"\"Armenia and the CSTO, explained (Times Tengri)\". The reports it cites belong to their publishers: " +
	"their titles are quoted to cite them, and their addresses lead to them."

// SourcesNote says where the facts come from and how to report an error.
const SourcesNote = "Every row cites one or more reports by key; the sources list gives each report's outlet, " +
	"title, date and address. Statuses are where a state stood towards the Collective Security Treaty, " +
	"later the CSTO, from the row's date on. Corrections are logged in the explainer's \"Sources and method\" section."

// Report is a cited report as the data gives it.
type Report struct {
	Key    string `json:"key"`
	Outlet string `json:"outlet"`
	Title  string `json:"title"`
	// Date is the publication date at its precision (2024-02-23, 2024-02
	// or 2024); when Consulted is true, the page has no date and Date is
	// when it was read.
	Date      string `json:"date"`
	Consulted bool   `json:"consulted,omitempty"`
	URL       string `json:"url"`
}

// Transition is one row of the transitions data.
type Transition struct {
	Date        string   `json:"date"`         // the day from which the status holds, YYYY-MM-DD
	ISO         string   `json:"iso"`          // ISO 3166-1 alpha-3
	Country     string   `json:"country"`      // the state's short name
	Status      string   `json:"status"`       // member, frozen, suspended, former or none
	StatusLabel string   `json:"status_label"` // the status in words
	Note        string   `json:"note"`
	Sources     []string `json:"sources"` // keys of the reports in the file's sources list
}

// Event is one row of the events data.
type Event struct {
	ID          string   `json:"id"`
	Date        string   `json:"date"`          // at its precision: 2024-02-22, 2023-01 or 1991
	End         string   `json:"end,omitempty"` // the last day of an event that lasted
	DisplayDate string   `json:"display_date"`  // the date as readers see it
	Headline    string   `json:"headline"`
	Summary     string   `json:"summary"` // the text's words, without markup
	TextHTML    string   `json:"text_html"`
	Kind        string   `json:"kind"`
	States      []string `json:"states"` // ISO alpha-3 codes
	Sources     []string `json:"sources"`
	Paragraph   string   `json:"paragraph,omitempty"` // the article paragraph that discusses it
	Path        bool     `json:"path"`                // a step on Armenia's estrangement path
	Step        int      `json:"step,omitempty"`
	Note        string   `json:"note,omitempty"` // "single source", "context" or empty
	Media       *Media   `json:"media,omitempty"`
	Accent      string   `json:"accent,omitempty"` // the event's colour, #rrggbb
}

// Media is an event's picture or video, as the sheet names it.
type Media struct {
	URL       string `json:"url"`
	Alt       string `json:"alt,omitempty"`
	Credit    string `json:"credit,omitempty"` // words, without markup
	Caption   string `json:"caption,omitempty"`
	Thumbnail string `json:"thumbnail,omitempty"`
}

// TransitionsFile is the JSON document of the transitions.
type TransitionsFile struct {
	Title       string       `json:"title"`
	Description string       `json:"description"`
	Licence     string       `json:"licence"`
	SourcesNote string       `json:"sources_note"`
	Transitions []Transition `json:"transitions"`
	Sources     []Report     `json:"sources"`
}

// EventsFile is the JSON document of the events.
type EventsFile struct {
	Title       string   `json:"title"`
	Description string   `json:"description"`
	Licence     string   `json:"licence"`
	SourcesNote string   `json:"sources_note"`
	Events      []Event  `json:"events"`
	Sources     []Report `json:"sources"`
}

// Transitions returns every state's transitions in the content file's
// order: by date, then as the editors listed them.
func Transitions(h *membership.History) TransitionsFile {
	var all []membership.Transition
	for _, iso := range h.States() {
		all = append(all, h.Transitions(iso)...)
	}
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].Date != all[j].Date {
			return all[i].Date.Before(all[j].Date)
		}
		return all[i].Line < all[j].Line
	})
	f := TransitionsFile{
		Title:       "CSTO membership transitions",
		Description: "Each change in a state's status towards the Collective Security Treaty (1992) and the CSTO: the day, the state, its new status, what happened and the reports that say so.",
		Licence:     Licence,
		SourcesNote: SourcesNote,
		Transitions: []Transition{},
	}
	var cited reports
	for _, t := range all {
		f.Transitions = append(f.Transitions, Transition{
			Date: t.Date.String(), ISO: t.ISO, Country: country.Name(t.ISO),
			Status: t.Status.String(), StatusLabel: t.Status.Label(), Note: t.Note,
			Sources: cited.add(t.Sources),
		})
	}
	f.Sources = cited.list
	return f
}

// Events returns every event, in date order.
func Events(t *timeline.Timeline) EventsFile {
	f := EventsFile{
		Title:       "Armenia and the CSTO: the timeline",
		Description: "The events of Armenia's estrangement from the CSTO and of the alliance's history, from the Soviet collapse to the Bishkek summit of 27 November 2025, each with the reports that say so.",
		Licence:     Licence,
		SourcesNote: SourcesNote,
		Events:      []Event{},
	}
	var cited reports
	for _, e := range t.Events() {
		ev := Event{
			ID: e.ID, Date: e.Date.String(), DisplayDate: e.Display(), Headline: e.Headline,
			Summary: e.Summary, TextHTML: richtext.HTML(e.Text), Kind: string(e.Kind),
			States: append([]string{}, e.States...), Sources: cited.add(e.Sources),
			Paragraph: e.Paragraph, Path: e.Path, Step: e.Step, Note: string(e.Note),
		}
		if !e.End.IsZero() {
			ev.End = e.End.String()
		}
		if m := e.Media; m.URL != "" {
			ev.Media = &Media{URL: m.URL, Alt: m.Alt, Credit: m.Credit.Plain(), Caption: m.Caption.Plain(), Thumbnail: m.Thumbnail.URL}
		}
		ev.Accent = e.Accent
		f.Events = append(f.Events, ev)
	}
	f.Sources = cited.list
	return f
}

// reports collects the cited reports, each once, in order of first citation.
type reports struct {
	list []Report
	seen map[string]bool
}

// add records rs and returns their keys.
func (c *reports) add(rs []sources.Report) []string {
	if c.seen == nil {
		c.seen = make(map[string]bool)
	}
	keys := []string{}
	for _, r := range rs {
		keys = append(keys, r.Key)
		if c.seen[r.Key] {
			continue
		}
		c.seen[r.Key] = true
		c.list = append(c.list, Report{Key: r.Key, Outlet: r.Outlet, Title: r.Title,
			Date: r.Date.String(), Consulted: r.Consulted, URL: r.URL})
	}
	return keys
}

// JSON encodes a data file, indented so that it reads in a browser tab.
// HTML characters stay as they are: the file is served as JSON, never
// inlined in a page.
func JSON(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		// The types above have only strings, numbers, booleans and slices.
		panic("dataset: " + err.Error())
	}
	return b.Bytes()
}

// transitionsHeader is transitions.csv's own columns (membership's
// ParseTransitions reads them by name) with country and status_label
// inserted where a reader looks for them, and the reports' addresses last.
var transitionsHeader = []string{"date", "iso", "country", "status", "status_label", "note", "source", "source_urls"}

// TransitionsCSVBytes writes f as CSV.
func TransitionsCSVBytes(f TransitionsFile) []byte {
	urls := urlsOf(f.Sources)
	rows := [][]string{transitionsHeader}
	for _, t := range f.Transitions {
		rows = append(rows, []string{t.Date, t.ISO, t.Country, t.Status, t.StatusLabel, t.Note,
			strings.Join(t.Sources, " "), urls(t.Sources)})
	}
	return csvBytes(rows)
}

// eventsHeader is the TimelineJS template's columns, then the explainer's
// own, as events.csv has them, then the media's text alternative (which
// the timeline reads by name, wherever it is), the date in one ISO cell
// and the reports' addresses. Background holds the accent colour where the
// page shows one.
var eventsHeader = []string{
	"Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
	"Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
	"Media Thumbnail", "Type", "Group", "Background",
	"ID", "Kind", "States", "Sources", "Paragraph", "Path", "Step", "Note",
	"Alt Text", "Date", "Source URLs",
}

// EventsCSVBytes writes the events of t as CSV (see eventsHeader). It
// takes the timeline itself, not an EventsFile, for what only the model
// keeps: the date's parts, the group and the media.
func EventsCSVBytes(t *timeline.Timeline) []byte {
	f := Events(t)
	urls := urlsOf(f.Sources)
	rows := [][]string{eventsHeader}
	for i, e := range t.Events() {
		y, m, d := dateParts(e.Date.String())
		ey, em, ed := dateParts(f.Events[i].End)
		path := ""
		if e.Path {
			path = "yes"
		}
		step := ""
		if e.Step > 0 {
			step = strconv.Itoa(e.Step)
		}
		rows = append(rows, []string{
			y, m, d, "", ey, em, ed, "",
			e.DisplayDate, e.Headline, f.Events[i].TextHTML, e.Media.URL, richtext.HTML(e.Media.Credit), richtext.HTML(e.Media.Caption),
			e.Media.Thumbnail.URL, "", e.Group, e.Accent,
			e.ID, string(e.Kind), strings.Join(e.States, " "), strings.Join(f.Events[i].Sources, " "),
			e.Paragraph, path, step, string(e.Note),
			e.Media.Alt, e.Date.String(), urls(f.Events[i].Sources),
		})
	}
	return csvBytes(rows)
}

// dateParts splits "2024-02-22", "2023-01" or "1991" into the template's
// Year, Month and Day cells, without leading zeros as spreadsheets write them.
func dateParts(iso string) (year, month, day string) {
	parts := strings.SplitN(iso, "-", 3)
	out := make([]string, 3)
	for i, p := range parts {
		if n, err := strconv.Atoi(p); err == nil {
			out[i] = strconv.Itoa(n)
		}
	}
	return out[0], out[1], out[2]
}

// urlsOf returns a function giving the space-separated addresses of the
// reports with the given keys. URLs hold no spaces.
func urlsOf(rs []Report) func(keys []string) string {
	byKey := make(map[string]string, len(rs))
	for _, r := range rs {
		byKey[r.Key] = r.URL
	}
	return func(keys []string) string {
		out := make([]string, len(keys))
		for i, k := range keys {
			out[i] = byKey[k]
		}
		return strings.Join(out, " ")
	}
}

// csvBytes writes rows with CRLF line ends, as RFC 4180 and spreadsheets
// expect, behind a UTF-8 byte order mark: without it Excel reads the
// names' and titles' non-ASCII letters as Latin-1.
func csvBytes(rows [][]string) []byte {
	var b bytes.Buffer
	b.WriteString("\uFEFF")
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	_ = w.WriteAll(rows) // a bytes.Buffer does not fail
	return b.Bytes()
}

// ReadmeText is the note that goes with the files: what each holds, its
// columns, where the facts come from and the licence.
func ReadmeText(tf TransitionsFile, ef EventsFile) []byte {
	var b strings.Builder
	b.WriteString("Armenia and the CSTO, explained: the data\r\n")
	b.WriteString("==========================================\r\n\r\n")
	b.WriteString("transitions.csv, transitions.json: " + tf.Description + " " +
		strconv.Itoa(len(tf.Transitions)) + " rows, citing " + strconv.Itoa(len(tf.Sources)) + " reports.\r\n")
	b.WriteString("  Columns: date (YYYY-MM-DD, from which the status holds), iso (ISO 3166-1 alpha-3), country,\r\n" +
		"  status (member, frozen, suspended, former, none), status_label (the status in words), note,\r\n" +
		"  source (report keys), source_urls (their addresses, in the same order).\r\n")
	b.WriteString("  A state's status before its first row is none. Frozen is a member in law that has frozen its participation.\r\n\r\n")
	b.WriteString("events.csv, events.json: " + ef.Description + " " +
		strconv.Itoa(len(ef.Events)) + " events, citing " + strconv.Itoa(len(ef.Sources)) + " reports.\r\n")
	b.WriteString("  The CSV's first columns are the TimelineJS spreadsheet template's (Year ... Background), so the file\r\n" +
		"  loads in TimelineJS; the explainer's own follow: ID, Kind, States, Sources (report keys), Paragraph,\r\n" +
		"  Path (yes: a step on Armenia's estrangement path), Step, Note (\"single source\", \"context\");\r\n" +
		"  then Alt Text (the media's text alternative), Date (the date at its precision: YYYY-MM-DD,\r\n" +
		"  YYYY-MM or YYYY) and Source URLs. Background is the event's accent colour, where it has one.\r\n" +
		"  Text is HTML limited to p, br, b, strong, i, em, ul, ol, li, blockquote and http(s) links.\r\n\r\n")
	b.WriteString("The CSV files are UTF-8 (with a byte order mark, for spreadsheets) and comma-separated.\r\n" +
		"The JSON files carry the same rows, the full list of cited reports (\"sources\") and the licence.\r\n\r\n")
	b.WriteString("Sources\r\n-------\r\n" + SourcesNote + "\r\n" +
		"Map shapes (not in these files): Natural Earth, public domain.\r\n\r\n")
	b.WriteString("Licence\r\n-------\r\n" + Licence + "\r\n")
	return []byte(b.String())
}
