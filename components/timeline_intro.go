package components

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/timeline"
)

// timelineIntro is the sheet's title slide as the timeline's introduction:
// its headline, text and media; a caption and credit without media show as
// a line of words.
func timelineIntro(t timeline.Title) app.UI {
	var credit []string
	for _, s := range []string{t.Media.Caption.Plain(), t.Media.Credit.Plain()} {
		if s != "" {
			credit = append(credit, s)
		}
	}
	headline := app.UI(app.H3().Class("timeline-intro-headline").Body(richText(t.Headline)...))
	if t.Headline.HasBlocks() {
		headline = app.Div().Class("timeline-intro-headline").Body(richText(t.Headline)...)
	}
	return app.Div().ID("timeline-intro").Class("timeline-intro").Body(
		app.If(!t.Headline.IsEmpty(), func() app.UI { return headline }),
		app.If(!t.Text.IsEmpty(), func() app.UI { return richBlock("timeline-intro-text", t.Text) }),
		app.If(!t.Media.IsZero(), func() app.UI { return newEventMedia("intro-media", t.Media, t.Headline.Plain()) }),
		app.If(t.Media.IsZero() && len(credit) > 0, func() app.UI {
			return app.P().Class("timeline-intro-credit").Text(strings.Join(credit, " — "))
		}),
	)
}
