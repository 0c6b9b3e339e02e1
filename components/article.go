package components

import (
	"strconv"

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
	// Ilinks is the view the mentions' links start from (see Page.links).
	Ilinks view.View

	linked string      // the state whose mention the reader points at
	line   readingLine // which paragraph is at the reading line
}

// NewArticle returns the article component for a.
func NewArticle(a *story.Article) *Article { return &Article{Iarticle: a} }

// Links sets the view the mentions link from.
func (c *Article) Links(v view.View) *Article {
	c.Ilinks = v
	return c
}

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
				p := &a.Paragraphs[i]
				return &articleParagraph{
					Iparagraph:   p,
					Ilinks:       c.Ilinks,
					Ihighlighted: p.ID == highlight,
					Ireading:     p.ID == c.Ireading,
				}
			}),
		),
		app.P().Class("article-note").Text(a.Note),
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
