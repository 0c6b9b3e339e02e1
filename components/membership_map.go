package components

import (
	"math"
	"sort"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/content"
	"explainer/app/date"
	"explainer/app/geo"
	"explainer/app/membership"
	"explainer/app/view"
)

const svgNS = "http://www.w3.org/2000/svg"

// svg makes an SVG element. go-app has no SVG API, and an element without
// the namespace is an HTML element that draws nothing, so every SVG element
// goes through here.
func svg(tag string) app.HTMLElem { return app.Elem(tag).XMLNS(svgNS) }

// labelled are the states named on the main map. The South Caucasus states
// are named in the inset, where they have room.
var labelled = map[string]bool{
	"RUS": true, "KAZ": true, "KGZ": true, "TJK": true, "UZB": true, "TKM": true,
	"BLR": true, "UKR": true, "TUR": true, "IRN": true, "AFG": true, "CHN": true, "MNG": true,
}

// majorLabel are the names kept on a phone's small map: the members.
var majorLabel = map[string]bool{"RUS": true, "KAZ": true, "BLR": true, "UZB": true, "KGZ": true, "TJK": true}

// keyboardOrder is the order arrow keys walk the states: alphabetical by name.
var keyboardOrder = func() []string {
	cs := geo.Countries()
	sort.Slice(cs, func(i, j int) bool { return cs[i].Name < cs[j].Name })
	codes := make([]string, len(cs))
	for i, c := range cs {
		codes[i] = c.ISO
	}
	return codes
}()

// MembershipMap draws every state on the map coloured and patterned by its
// CSTO status on the view's date, with a zoomed South Caucasus inset, a
// legend, a table of the same facts for screen readers, and the selected
// state's card.
type MembershipMap struct {
	app.Compo

	Iview view.View

	hover  string // state under the pointer or keyboard focus, for the tooltip
	rove   string // state holding the map's single tab stop
	linked string // state whose mention the reader points at in the article
	parts  staged // the status table mounts after the map
}

// OnInit keeps the server's copy of the status table, to mount after the
// map itself.
func (m *MembershipMap) OnInit() { m.parts.capture("status-table") }

// OnMount follows the article's mention under the pointer or focus, and
// starts mounting the status table.
func (m *MembershipMap) OnMount(ctx app.Context) {
	ctx.ObserveState(linkedCountryState, &m.linked)
	m.parts.start(ctx)
}

// NewMembershipMap returns the map panel.
func NewMembershipMap() *MembershipMap { return &MembershipMap{} }

// View sets the reader's view the map shows.
func (m *MembershipMap) View(v view.View) *MembershipMap {
	m.Iview = v
	return m
}

func (m *MembershipMap) at() date.Date {
	if m.Iview.At.IsZero() {
		return view.Summit
	}
	return m.Iview.At
}

// tabStop is the state that takes focus when the reader tabs into the map.
func (m *MembershipMap) tabStop() string {
	switch {
	case m.rove != "":
		return m.rove
	case m.Iview.Country != "":
		return m.Iview.Country
	}
	return "ARM"
}

// Render draws the panel.
func (m *MembershipMap) Render() app.UI {
	c := content.Default()
	at := m.at()
	vb := geo.ViewBox()
	countries := geo.Countries()
	// tabindex -1: in-page links to #map move focus here (see Article.OnNav).
	return app.Section().ID("map").Class("panel map-panel").Aria("labelledby", "map-title").TabIndex(-1).
		OnKeyDown(m.onPanelKey).Body(
		app.H2().ID("map-title").Body(
			app.Text("Who was in the CSTO on "),
			app.Time().ID("map-date").DateTime(at.String()).Text(at.Long()),
		),
		app.P().Class("panel-intro").ID("map-help").Text(
			"Pick a state for its story: click it, or tab to the map and use the arrow keys, then Enter."),
		// The frame listens, not the <svg>: Chromium makes an SVG element
		// with focus listeners a tab stop.
		app.Div().Class("map-frame").
			OnClick(m.onClick("iso")).OnKeyDown(m.onCountryKey).
			OnMouseOver(m.onPointer("iso")).OnMouseLeave(m.onPointer("iso")).
			On("focusin", m.onFocusIn).On("focusout", m.onFocusOut).Body(
			svg("svg").Class("map").Attr("viewBox", vb.ViewBox()).
				Attr("role", "group").Aria("labelledby", "map-title").Aria("describedby", "map-help").Body(
				staticLayer("map-defs", "map-defs", newMapPatterns),
				// The shapes are live: they take focus and carry the names.
				svg("g").Class("countries").Body(
					app.Range(countries).Slice(func(i int) app.UI {
						return m.countryShape(c, countries[i], at)
					}),
				),
				// The patterns over them change with the date; they stay live,
				// as diffing their long paths costs less than writing and
				// parsing them again.
				svg("g").Class("patterns").Aria("hidden", "true").Body(
					app.Range(countries).Slice(func(i int) app.UI {
						return patternOverlay(countries[i].Path, c.History.StatusAt(countries[i].ISO, at))
					}),
				),
				// The frame of the inset and the names never change.
				staticLayer("map-decor", "map-decor", newMapDecor),
			),
			m.tooltip(c, at),
		),
		m.inset(c, at, countries),
		static("map-legend", newMapLegend),
		app.P().Class("map-credit").Text("Shapes: "+geo.Credit+" (1:50m, public domain). Borders as recognised internationally."),
		m.parts.panel("status-table", func() app.UI { return newStatusTable(c.History, at) }),
		app.If(m.Iview.Country != "", func() app.UI {
			return NewCountryCard().Country(m.Iview.Country).View(m.Iview)
		}),
	)
}

// countryShape is one state's shape: a focusable button in the map's
// keyboard order, named with its status for screen readers.
func (m *MembershipMap) countryShape(c *content.Content, g geo.Country, at date.Date) app.UI {
	status := c.History.StatusAt(g.ISO, at)
	iso := g.ISO
	tab := -1
	if iso == m.tabStop() {
		tab = 0
	}
	class := "country"
	if iso == m.Iview.Country {
		class += " is-selected"
	}
	if iso == m.hover {
		class += " is-hover"
	}
	if iso == m.linked {
		class += " is-linked"
	}
	return svg("path").ID("map-"+iso).Class(class).
		DataSet("iso", iso).DataSet("status", status.String()).
		Attr("d", g.Path).
		Attr("role", "button").
		Aria("label", c.History.AccessibleName(iso, g.Name, at)).
		Aria("pressed", iso == m.Iview.Country).
		TabIndex(tab)
}

// onClick selects the state whose shape, named by data-<attr>, was clicked.
func (m *MembershipMap) onClick(attr string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		if iso := dataOf(ctx, e, attr); iso != "" {
			m.selectCountry(ctx, iso)
		}
	}
}

// onPointer follows the pointer to the state under it, none when it is
// outside every shape, for the tooltip and the highlight.
func (m *MembershipMap) onPointer(attr string) app.EventHandler {
	return func(ctx app.Context, e app.Event) { m.hover = dataOf(ctx, e, attr) }
}

// onFocusIn names the focused state in the tooltip and makes it the map's
// tab stop.
func (m *MembershipMap) onFocusIn(ctx app.Context, e app.Event) {
	if iso := dataOf(ctx, e, "iso"); iso != "" {
		m.hover, m.rove = iso, iso
	}
}

// onFocusOut drops the tooltip of the state focus leaves, unless the
// pointer has since moved to another.
func (m *MembershipMap) onFocusOut(ctx app.Context, e app.Event) {
	if iso := dataOf(ctx, e, "iso"); iso == m.hover {
		m.hover = ""
	}
}

// inset redraws the South Caucasus larger, so Armenia, Azerbaijan and
// Georgia are easy to pick on a phone. Its shapes repeat the main map's for
// the pointer only: keyboard and screen-reader users reach the same states
// in the main map, so the inset is hidden from them.
func (m *MembershipMap) inset(c *content.Content, at date.Date, countries []geo.Country) app.UI {
	return app.Figure().Class("map-inset-box").Body(
		svg("svg").Class("map-inset").Attr("viewBox", geo.CaucasusInset().ViewBox()).Aria("hidden", "true").
			OnClick(m.onClick("inset")).OnMouseOver(m.onPointer("inset")).OnMouseLeave(m.onPointer("inset")).Body(
			// Live, not static: a hover restyles these shapes, and a shape
			// replaced between a tap's mousedown and its click loses the click.
			app.Range(countries).Slice(func(i int) app.UI {
				g := countries[i]
				if g.InsetPath == "" {
					return nil
				}
				iso := g.ISO
				status := c.History.StatusAt(iso, at)
				class := "country"
				if iso == m.Iview.Country {
					class += " is-selected"
				}
				if iso == m.hover {
					class += " is-hover"
				}
				return svg("g").Body(
					svg("path").Class(class).DataSet("inset", iso).DataSet("status", status.String()).
						Attr("d", g.InsetPath),
					patternOverlay(g.InsetPath, status),
				)
			}),
			staticLayer("map-inset-labels", "map-inset-labels", newInsetLabels),
		),
		app.FigCaption().Text("South Caucasus, enlarged"),
	)
}

var insetLabelled = map[string]bool{"ARM": true, "AZE": true, "GEO": true}

// newInsetLabels names the states in the inset.
func newInsetLabels() []app.UI {
	var labels []app.UI
	for _, g := range geo.Countries() {
		if g.InsetPath != "" && insetLabelled[g.ISO] {
			labels = append(labels, mapLabel(g.Name, g.InsetLabel))
		}
	}
	return labels
}

// newMapDecor is what the main map draws over the shapes that never
// changes: the inset's frame and the states' names.
func newMapDecor() []app.UI {
	inset := geo.CaucasusInset()
	decor := []app.UI{
		svg("rect").Class("inset-outline").Aria("hidden", "true").
			Attr("x", num(inset.X)).Attr("y", num(inset.Y)).Attr("width", num(inset.W)).Attr("height", num(inset.H)),
	}
	var labels []app.UI
	for _, g := range geo.Countries() {
		if !labelled[g.ISO] || g.Clipped && g.ISO != "RUS" {
			continue
		}
		label := mapLabel(g.Name, g.Label)
		if !majorLabel[g.ISO] {
			label = label.Class("map-label-minor")
		}
		labels = append(labels, label)
	}
	return append(decor, svg("g").Class("labels").Aria("hidden", "true").Body(labels...))
}

// tooltip names the hovered or focused state and its status beside it.
// Its position is a class (tip-x-N, tip-y-N, in 5% steps) rather than an
// inline style, which the Content-Security-Policy forbids.
func (m *MembershipMap) tooltip(c *content.Content, at date.Date) app.UI {
	g, ok := geo.Lookup(m.hover)
	if !ok {
		return nil
	}
	vb := geo.ViewBox()
	x := step5((g.Label.X - vb.X) / vb.W * 100)
	y := step5((g.Label.Y - vb.Y) / vb.H * 100)
	return app.Div().Class("map-tooltip tip-x-"+strconv.Itoa(x)+" tip-y-"+strconv.Itoa(y)).
		Attr("role", "tooltip").DataSet("iso", g.ISO).
		Text(c.History.AccessibleName(g.ISO, g.Name, at))
}

func step5(pct float64) int {
	return int(math.Max(0, math.Min(100, math.Round(pct/5)*5)))
}

// selectCountry opens the state's card, or closes it if it is already open.
func (m *MembershipMap) selectCountry(ctx app.Context, iso string) {
	if iso == m.Iview.Country {
		iso = ""
	}
	navigate(ctx, m.Iview.SelectCountry(iso, content.Default()))
}

// onCountryKey: Enter or Space selects; arrows, Home and End move the focus
// through the states in alphabetical order (a roving tab stop).
func (m *MembershipMap) onCountryKey(ctx app.Context, e app.Event) {
	iso := dataOf(ctx, e, "iso")
	if iso == "" {
		return
	}
	key := e.Get("key").String()
	next := ""
	switch key {
	case "Enter", " ", "Spacebar":
		e.PreventDefault()
		m.selectCountry(ctx, iso)
		return
	case "ArrowRight", "ArrowDown":
		next = neighbour(keyboardOrder, iso, 1)
	case "ArrowLeft", "ArrowUp":
		next = neighbour(keyboardOrder, iso, -1)
	case "Home":
		next = keyboardOrder[0]
	case "End":
		next = keyboardOrder[len(keyboardOrder)-1]
	default:
		return
	}
	e.PreventDefault()
	m.rove, m.hover = next, next
	focusElement(ctx, "map-"+next)
}

// onPanelKey closes the country card on Escape, wherever focus is in the panel.
func (m *MembershipMap) onPanelKey(ctx app.Context, e app.Event) {
	if e.Get("key").String() == "Escape" && m.Iview.Country != "" {
		e.PreventDefault()
		iso := m.Iview.Country
		navigate(ctx, m.Iview.SelectCountry("", content.Default()))
		m.rove = iso
		focusElement(ctx, "map-"+iso)
	}
}

// neighbour returns the code step places from iso in order, wrapping round.
func neighbour(order []string, iso string, step int) string {
	i := 0
	for k, code := range order {
		if code == iso {
			i = k
			break
		}
	}
	return order[(i+step+len(order))%len(order)]
}

// patternOverlay draws the second cue for a status over a shape: hatching
// for frozen, dots for suspended, fine lines for former. Members and
// non-members are told apart by colour and by the legend's words, and
// members also by their labels.
func patternOverlay(path string, s membership.Status) app.UI {
	var id string
	switch s {
	case membership.Frozen:
		id = "hatch-frozen"
	case membership.Suspended:
		id = "hatch-suspended"
	case membership.Former:
		id = "hatch-former"
	default:
		return nil
	}
	return svg("path").Class("pattern-overlay").Attr("d", path).Attr("fill", "url(#"+id+")")
}

// newMapPatterns defines the status patterns once for every map on the page.
func newMapPatterns() []app.UI {
	return []app.UI{svg("defs").Body(
		svg("pattern").ID("hatch-frozen").Class("hatch-frozen").
			Attr("width", 6).Attr("height", 6).Attr("patternUnits", "userSpaceOnUse").
			Attr("patternTransform", "rotate(45)").Body(
			svg("line").Attr("x1", 0).Attr("y1", 0).Attr("x2", 0).Attr("y2", 6),
		),
		svg("pattern").ID("hatch-suspended").Class("hatch-suspended").
			Attr("width", 5).Attr("height", 5).Attr("patternUnits", "userSpaceOnUse").Body(
			svg("circle").Attr("cx", 2.5).Attr("cy", 2.5).Attr("r", 1.1),
		),
		svg("pattern").ID("hatch-former").Class("hatch-former").
			Attr("width", 5).Attr("height", 5).Attr("patternUnits", "userSpaceOnUse").
			Attr("patternTransform", "rotate(-45)").Body(
			svg("line").Attr("x1", 0).Attr("y1", 0).Attr("x2", 0).Attr("y2", 5),
		),
	)}
}

func mapLabel(name string, at geo.Point) app.HTMLElem {
	return svg("text").Class("map-label").Attr("x", num(at.X)).Attr("y", num(at.Y)).
		Attr("text-anchor", "middle").Attr("dominant-baseline", "middle").Text(name)
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
