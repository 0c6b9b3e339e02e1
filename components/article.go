package components

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/content"
	"explainer/app/story"
	"explainer/app/view"

	"explainer/components/mount"
)

// linkedCountryState is the go-app state naming the state whose mention the
// reader is pointing at in the article, so the map can highlight it.
const linkedCountryState = "linked-country"

// Article renders the story: headline, byline, date and the paragraphs, each
// with its stable id so the timeline can point at it. Mentions of states
// and dates are links into the map and the timeline.
type Article struct {
	app.Compo

	Iarticle *story.Article
	Iview    view.View
	// Ireading is the paragraph the panels follow, marked in the margin;
	// "" when they show the reader's own view.
	Ireading string

	linked string      // the state whose mention the reader points at
	line   readingLine // which paragraph is at the reading line
}

// NewArticle returns the article component for a.
func NewArticle(a *story.Article) *Article { return &Article{Iarticle: a} }

// View sets the reader's view: the selected event's passage is highlighted.
func (c *Article) View(v view.View) *Article {
	c.Iview = v
	return c
}

// Reading marks the paragraph the panels follow.
func (c *Article) Reading(id string) *Article {
	c.Ireading = id
	return c
}

// OnMount starts watching the reading line, for the pages whose panels
// follow the article.
func (c *Article) OnMount(ctx app.Context) { c.line.watch(ctx) }

// OnDismount stops watching it.
func (c *Article) OnDismount() { c.line.stop() }

var (
	_ app.Mounter    = (*Article)(nil)
	_ app.Dismounter = (*Article)(nil)
)

// OnNav moves keyboard focus to the element a link's fragment names: the
// skip link's #article, the jump links' #map, a card's #p-summit. Browsers
// do that for in-page links, but go-app takes over every link click and
// only scrolls. Targets carry tabindex -1 so that they can take focus; on
// other elements focus() does nothing.
func (c *Article) OnNav(ctx app.Context) {
	if id := ctx.Page().URL().Fragment; app.IsClient && id != "" {
		focusElement(ctx, id)
	}
}

var _ app.Navigator = (*Article)(nil)

// Render draws the article. Every string goes in as text, never as HTML.
func (c *Article) Render() app.UI {
	a := c.Iarticle
	if a == nil {
		return app.Article().ID("article").Class("article")
	}
	highlight := ""
	if e, ok := content.Default().Timeline.Lookup(c.Iview.Event); ok {
		highlight = e.Paragraph
	}
	// The article and its paragraphs take focus from in-page links (the
	// skip link first), though not from Tab: tabindex -1.
	return app.Article().ID("article").Class("article").Aria("labelledby", "headline").TabIndex(-1).Body(
		app.Header().Class("article-header").Body(
			app.P().Class("kicker").Text("The article"),
			app.H1().ID("headline").Text(a.Headline),
			app.P().Class("byline").Body(
				app.Span().Class("byline-author").Text("By "+a.Author),
				app.Text(" · "),
				app.Time().DateTime(a.Published.String()).Text(a.Published.Long()),
				app.Text(" · "),
				app.Span().Text(strconv.Itoa(a.ReadingMinutes)+" min read"),
			),
		),
		app.Div().Class("article-body").
			OnClick(c.onMentionClick).
			OnMouseOver(c.onMentionPointer).OnMouseLeave(c.onMentionPointer).
			On("focusin", c.onFocusIn).On("focusout", c.onMentionPointer).Body(
			app.Range(a.Paragraphs).Slice(func(i int) app.UI {
				p := a.Paragraphs[i]
				return app.Div().Class("paragraph-box").Body(
					c.paragraph(p, p.ID == highlight),
					c.momentStrip(p),
				)
			}),
		),
		app.P().Class("article-note").Text(a.Note),
	)
}

func (c *Article) paragraph(p story.Paragraph, highlighted bool) app.UI {
	el := app.P().ID("p-"+p.ID).Class("paragraph").DataSet("paragraph", p.ID).TabIndex(-1)
	if highlighted {
		el = el.Class("is-highlighted").Aria("current", "true")
	}
	// A quiet mark in the margin, for the eye only: screen readers are not
	// told what reading does.
	if p.ID == c.Ireading {
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
func (c *Article) span(s story.Span) app.UI {
	ct := content.Default()
	switch s.Kind {
	case story.Country:
		iso := s.Country
		v := c.Iview.SelectCountry(iso, ct)
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
			Href(viewHref(c.Iview.SelectEvent(e.ID, ct))).Title("On the timeline: " + e.Headline).
			Body(label)
	}
	return app.Text(s.Text)
}

// momentStrip is the paragraph's moment in brief, for the layouts where the
// map comes after the article: the states it names and their status at
// its date, as swatches and words. It links to that view. None for a
// paragraph without a moment, or naming no state.
func (c *Article) momentStrip(p story.Paragraph) app.UI {
	states := p.Mentions()
	if p.Moment.IsZero() || len(states) == 0 {
		return nil
	}
	ct := content.Default()
	return app.A().Class("moment-strip").DataSet("moment", p.ID).
		Href(viewHref(c.Iview.ShowPeriod(p.Moment, ct))).Body(
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

// onFocusIn follows focus: a mention for the map's highlight, and the
// paragraph it is in for the reading line.
func (c *Article) onFocusIn(ctx app.Context, e app.Event) {
	c.onMentionPointer(ctx, e)
	c.line.focused(ctx, mount.DataOf(ctx, e, "paragraph"))
}

// onMentionClick opens what a mention names: a state on the map, or an
// event on the timeline; a moment's strip opens its date on the map.
func (c *Article) onMentionClick(ctx app.Context, e app.Event) {
	if id := mount.DataOf(ctx, e, "moment"); id != "" {
		if p, ok := c.Iarticle.Paragraph(id); ok {
			e.PreventDefault()
			navigate(ctx, c.Iview.ShowPeriod(p.Moment, content.Default()))
			ctx.Defer(func(app.Context) { scrollIntoView("map", "start") })
		}
		return
	}
	if iso := mount.DataOf(ctx, e, "iso"); iso != "" {
		e.PreventDefault()
		navigate(ctx, c.Iview.SelectCountry(iso, content.Default()))
		ctx.Defer(func(app.Context) { scrollIntoView("map", "nearest") })
		return
	}
	if id := mount.DataOf(ctx, e, "event-link"); id != "" {
		e.PreventDefault()
		selectEvent(ctx, c.Iview, id)
	}
}

// onMentionPointer tells the map which state's mention the pointer or the
// focus is on, none when it leaves them.
func (c *Article) onMentionPointer(ctx app.Context, e app.Event) {
	iso := ""
	if t := e.Get("type").String(); t == "mouseover" || t == "focusin" {
		iso = mount.DataOf(ctx, e, "iso")
	}
	if iso != c.linked {
		c.linked = iso
		ctx.SetState(linkedCountryState, iso)
	}
}
