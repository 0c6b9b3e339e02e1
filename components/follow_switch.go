package components

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// newFollowSwitch is the "Follow the article" switch: a toggle button whose
// state is aria-pressed. CSS shows it only where the panels can follow
// (beside the article, or in an embed of all three), and writes on or
// off beside its name for the eye; screen readers hear the pressed state.
func newFollowSwitch(on bool, toggle app.EventHandler) app.UI {
	return app.Button().ID("follow-switch").Class("button follow-switch").Type("button").
		Title("The map and the timeline follow the paragraph you are reading").
		Aria("pressed", on).OnClick(toggle).Body(
		app.Text("Follow the article"),
		app.Span().Class("follow-state").Aria("hidden", "true"),
	)
}
