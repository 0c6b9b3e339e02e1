package components

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/country"
	"explainer/app/story"
)

// Article renders the story: headline, byline, date and the paragraphs, each
// with its stable id so the timeline can point at it.
type Article struct {
	app.Compo
	article *story.Article
}

// NewArticle returns the article component for a.
func NewArticle(a *story.Article) *Article { return &Article{article: a} }

// Render draws the article. Every string goes in as text, never as HTML.
func (c *Article) Render() app.UI {
	a := c.article
	if a == nil {
		return app.Article().ID("article").Class("article")
	}
	return app.Article().ID("article").Class("article").Aria("labelledby", "headline").Body(
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
		app.Div().Class("article-body").Body(
			app.Range(a.Paragraphs).Slice(func(i int) app.UI {
				return newParagraph(a.Paragraphs[i])
			}),
		),
		app.P().Class("article-note").Text(a.Note),
	)
}

func newParagraph(p story.Paragraph) app.UI {
	return app.P().ID("p-"+p.ID).Class("paragraph").DataSet("paragraph", p.ID).Body(
		app.Range(p.Spans).Slice(func(i int) app.UI {
			return newSpan(p.Spans[i])
		}),
	)
}

func newSpan(s story.Span) app.UI {
	switch s.Kind {
	case story.Country:
		return app.Span().Class("mention mention-country").DataSet("iso", s.Country).
			Title(country.Name(s.Country)).Text(s.Text)
	case story.Date:
		dt := s.From.String()
		if !s.To.IsZero() {
			dt += "/" + s.To.String()
		}
		return app.Time().Class("mention mention-date").DateTime(dt).Text(s.Text)
	}
	return app.Text(s.Text)
}
