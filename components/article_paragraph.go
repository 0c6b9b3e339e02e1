package components

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/content"
	"explainer/app/story"
	"explainer/app/view"

	"explainer/components/mount"
)

// articleParagraph is one paragraph of the article with its moment strip.
// It is a component so that the reading line moving on re-renders the two
// paragraphs whose marker changed, not the whole article: go-app skips a
// child component whose fields are unchanged.
type articleParagraph struct {
	app.Compo

	Iparagraph   *story.Paragraph
	Ilinks       view.View // the view its links start from (see Page.links)
	Ihighlighted bool      // the selected event's passage
	Ireading     bool      // the paragraph the panels follow
}

// Render draws the paragraph and its strip.
func (c *articleParagraph) Render() app.UI {
	p := c.Iparagraph
	return app.Div().Class("paragraph-box").Body(
		c.paragraph(p),
		c.momentStrip(*p),
	)
}

func (c *articleParagraph) paragraph(p *story.Paragraph) app.UI {
	el := app.P().ID("p-"+p.ID).Class("paragraph").DataSet("paragraph", p.ID).TabIndex(-1)
	if c.Ihighlighted {
		el = el.Class("is-highlighted").Aria("current", "true")
	}
	// A quiet mark in the margin, for the eye only: screen readers are not
	// told what reading does.
	if c.Ireading {
		el = el.Class("is-reading").DataSet("reading", "true")
	}
	return el.Body(
		app.Range(p.Spans).Slice(func(i int) app.UI {
			return c.span(p.Spans[i])
		}),
	)
}

// span renders a run of text; a mention is a link to the view it opens, so
// it works as a plain link before the client runs.
func (c *articleParagraph) span(s story.Span) app.UI {
	ct := content.Default()
	switch s.Kind {
	case story.Country:
		iso := s.Country
		v := c.Ilinks.SelectCountry(iso, ct)
		return app.A().Class("mention mention-country").DataSet("iso", iso).
			Href(viewHref(v)).Title("Show " + ct.CountryName(iso) + " on the map").Text(s.Text)
	case story.Date:
		dt := s.From.String()
		if !s.To.IsZero() {
			dt += "/" + s.To.String()
		}
		label := app.Time().DateTime(dt).Text(s.Text)
		e, ok := ct.EventForMention(s)
		if !ok {
			return label.Class("mention mention-date")
		}
		return app.A().Class("mention mention-date").DataSet("event-link", e.ID).
			Href(viewHref(c.Ilinks.SelectEvent(e.ID, ct))).Title("On the timeline: " + e.Headline).
			Body(label)
	}
	return app.Text(s.Text)
}

// momentStrip is the paragraph's moment in brief, for the layouts where the
// map comes after the article: the states it names and their status at
// its date, as swatches and words. It links to that view. None for a
// paragraph without a moment, or naming no state.
func (c *articleParagraph) momentStrip(p story.Paragraph) app.UI {
	states := p.Mentions()
	if p.Moment.IsZero() || len(states) == 0 {
		return nil
	}
	ct := content.Default()
	return app.A().Class("moment-strip").DataSet("moment", p.ID).
		Href(viewHref(c.Ilinks.ShowPeriod(p.Moment, ct))).Body(
		// What is inside never changes: one string of HTML, once. The key
		// holds all it is made of.
		mount.Static("moment-"+p.ID+"@"+p.Moment.String()+":"+strings.Join(states, ","), func() app.UI {
			at := view.Default().Reading(p.Moment)
			items := []app.UI{app.Span().Class("strip-date").Text("CSTO status " + at.Prep() + " " + at.DateText() + ":")}
			for _, iso := range states {
				status := ct.History.StatusAt(iso, at.At)
				items = append(items, app.Span().Class("strip-state").
					DataSet("strip-iso", iso).DataSet("moment-status", status.String()).Body(
					app.Span().Class("swatch status-"+status.String()).Aria("hidden", "true"),
					app.Span().Class("strip-name").Text(ct.CountryName(iso)),
					app.Span().Class("strip-status").Text(status.Label()),
				))
			}
			return app.Span().Class("strip-body").Body(items...)
		}),
		app.Span().Class("strip-go").Text("Show on the map"),
	)
}
