package components

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/dataset"
)

// newDataLinks offers the data behind a panel ("Get the data"): what as
// CSV and JSON, and the note on sources and licence. The CSV is saved as a
// file named for the explainer; the JSON and the note open in a new tab,
// so an embed keeps its place in the host's page.
func newDataLinks(id, what, csvPath, csvName, jsonPath string) app.UI {
	return &dataLinks{Iid: id, Iwhat: what, IcsvPath: csvPath, IcsvName: csvName, IjsonPath: jsonPath}
}

// dataLinks is newDataLinks's paragraph as a component: its inputs never
// change, so go-app skips it when the panel around it updates.
type dataLinks struct {
	app.Compo
	Iid, Iwhat, IcsvPath, IcsvName, IjsonPath string
}

func (d *dataLinks) Render() app.UI {
	id, what, csvPath, csvName, jsonPath := d.Iid, d.Iwhat, d.IcsvPath, d.IcsvName, d.IjsonPath
	return app.P().ID(id).Class("data-links").Body(
		app.Strong().Text("Get the data: "),
		app.Text(what+" as "),
		app.A().Href(sitePath(csvPath)).Attr("download", csvName).Type("text/csv").Text("CSV"),
		app.Text(" or "),
		app.A().Href(sitePath(jsonPath)).Target("_blank").Rel("noopener").Type("application/json").Text("JSON"),
		app.Text("; "),
		app.A().Href(sitePath(dataset.Readme)).Target("_blank").Rel("noopener").Text("sources and licence"),
		app.Text("."),
	)
}
