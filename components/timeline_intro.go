package components

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/timeline"
)

// timelineIntro is the sheet's title slide as the timeline's introduction:
// its headline and text, and its media's caption and credit as words (the
// media itself is not shown here).
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
		app.If(len(credit) > 0, func() app.UI {
			return app.P().Class("timeline-intro-credit").Text(strings.Join(credit, " — "))
		}),
	)
}
