package main

import (
	"encoding/json"
	"html"

	"explainer/app/date"
	"explainer/app/media"
	"explainer/app/richtext"
	"explainer/app/timeline"
)

// The TimelineJS 3 JSON format, as its documentation describes it: a
// title slide, events and eras. Only the fields the sheet fills are
// written.
type tlTimeline struct {
	Title  *tlSlide  `json:"title,omitempty"`
	Events []tlSlide `json:"events"`
	Eras   []tlEra   `json:"eras,omitempty"`
}

type tlSlide struct {
	StartDate   *tlDate  `json:"start_date,omitempty"`
	EndDate     *tlDate  `json:"end_date,omitempty"`
	DisplayDate string   `json:"display_date,omitempty"`
	Text        *tlText  `json:"text,omitempty"`
	Media       *tlMedia `json:"media,omitempty"`
	Group       string   `json:"group,omitempty"`
	Background  *tlColor `json:"background,omitempty"`
	UniqueID    string   `json:"unique_id,omitempty"`
}

type tlColor struct {
	Color string `json:"color"`
}

type tlEra struct {
	StartDate tlDate  `json:"start_date"`
	EndDate   tlDate  `json:"end_date"`
	Text      *tlText `json:"text,omitempty"`
}

// tlDate leaves out what the sheet does not know: an event known to the
// month has no day, as in a TimelineJS sheet.
type tlDate struct {
	Year        int    `json:"year"`
	Month       int    `json:"month,omitempty"`
	Day         int    `json:"day,omitempty"`
	DisplayDate string `json:"display_date,omitempty"`
}

type tlText struct {
	Headline string `json:"headline,omitempty"`
	Text     string `json:"text,omitempty"`
}

type tlMedia struct {
	URL       string `json:"url"`
	Caption   string `json:"caption,omitempty"`
	Credit    string `json:"credit,omitempty"`
	Alt       string `json:"alt,omitempty"`
	Thumbnail string `json:"thumbnail,omitempty"`
}

// converted is the sheet in TimelineJS's JSON, with the local images it
// shows (their paths under /web/, as the explainer serves them), which
// TimelineJS's side must serve too, and the count of remote media left
// out.
type converted struct {
	JSON          []byte
	LocalImages   []media.Media
	RemoteLeftOut int
}

// timelineJSON converts the parsed sheet, the same one the explainer
// shows, to TimelineJS's JSON. Text goes through the explainer's own
// sanitiser, so both sides show the same words and markup.
//
// Media: a local image is kept, at the path the explainer serves it at.
// A video or remote image is left out: TimelineJS would load it from the
// other site as the slide shows, where the explainer waits for the reader
// to ask, and the benchmark allows no request off either page's origin.
func timelineJSON(t *timeline.Timeline) (converted, error) {
	var c converted
	out := tlTimeline{Events: []tlSlide{}}
	if title := t.Title(); !title.IsZero() {
		out.Title = &tlSlide{
			Text:  &tlText{Headline: richtext.HTML(title.Headline), Text: richtext.HTML(title.Text)},
			Media: c.media(title.Media),
		}
	}
	for _, e := range t.Events() {
		s := tlSlide{
			StartDate:   dateOf(e.Date),
			DisplayDate: e.DisplayDate,
			Text:        &tlText{Headline: html.EscapeString(e.Headline), Text: richtext.HTML(e.Text)},
			Media:       c.media(e.Media),
			Group:       e.Group,
			UniqueID:    e.ID,
		}
		if !e.End.IsZero() {
			s.EndDate = dateOf(e.End)
		}
		if e.Accent != "" {
			s.Background = &tlColor{Color: e.Accent}
		}
		out.Events = append(out.Events, s)
	}
	for _, e := range t.Eras() {
		// The explainer's era runs from the first day of its start to the
		// last day of its end (see Era.Contains); written so, to the day.
		// TimelineJS drops an end date whose fields equal the start's and
		// then refuses the era ("All eras must have start and end dates"),
		// as it would the story's era "1991 to 1991" written as years.
		era := tlEra{StartDate: *dateOf(e.Start.First()), EndDate: *dateOf(e.End.Last())}
		era.StartDate.DisplayDate = e.DisplayDate
		era.Text = &tlText{Headline: html.EscapeString(e.Label), Text: richtext.HTML(e.Text)}
		out.Eras = append(out.Eras, era)
	}
	var err error
	c.JSON, err = json.Marshal(out)
	return c, err
}

// media converts a slide's media, noting the local images to serve.
func (c *converted) media(m timeline.Media) *tlMedia {
	switch m.Kind {
	case media.None:
		return nil
	case media.Local:
	default:
		// A link card too: the explainer loads nothing for it, while
		// TimelineJS shows an address it does not know as an image,
		// loaded from the other site.
		c.RemoteLeftOut++
		return nil
	}
	c.LocalImages = append(c.LocalImages, m.Media)
	out := &tlMedia{URL: m.Src, Caption: richtext.HTML(m.Caption), Credit: richtext.HTML(m.Credit), Alt: m.Alt}
	if m.Thumbnail.Kind == media.Local {
		c.LocalImages = append(c.LocalImages, m.Thumbnail)
		out.Thumbnail = m.Thumbnail.Src
	}
	return out
}

func dateOf(d date.Date) *tlDate {
	return &tlDate{Year: d.Year, Month: d.Month, Day: d.Day}
}
