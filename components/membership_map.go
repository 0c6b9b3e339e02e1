package components

import (
	"math"
	"slices"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/content"
	"explainer/app/dataset"
	"explainer/app/date"
	"explainer/app/geo"
	"explainer/app/view"

	"explainer/components/mount"
)

// MembershipMap draws every state on the map coloured and patterned by its
// CSTO status on the view's date, with a zoomed South Caucasus inset, a
// legend, a table of the same facts for screen readers, and the selected
// state's card.
type MembershipMap struct {
	app.Compo

	Iview view.View
	// Inamed are the states the paragraph being read names, outlined;
	// Ifollowing is set while the map shows that paragraph's moment.
	Inamed     []string
	Ifollowing bool

	hover  string       // state under the pointer or keyboard focus, for the tooltip
	rove   string       // state holding the map's single tab stop
	linked string       // state whose mention the reader points at in the article
	parts  mount.Staged // the status table mounts after the map
	// labels are the shapes' accessible names at a date, by the index of
	// geo.Countries: most updates (a state chosen, the pointer moving)
	// leave the date alone.
	labels keptStrings[date.Date]
}

// OnInit keeps the server's copy of the status table, to mount after the
// map itself.
func (m *MembershipMap) OnInit() { m.parts.Capture("status-table") }

// OnMount follows the article's mention under the pointer or focus, and
// starts mounting the status table.
func (m *MembershipMap) OnMount(ctx app.Context) {
	ctx.ObserveState(linkedCountryState, &m.linked)
	m.parts.Start(ctx)
}

// NewMembershipMap returns the map panel.
func NewMembershipMap() *MembershipMap { return &MembershipMap{} }

// Reading sets what reading the article shows: the states the paragraph
// names, and whether the map shows its moment rather than the reader's
// view (its changes are then not announced).
func (m *MembershipMap) Reading(named []string, following bool) *MembershipMap {
	m.Inamed, m.Ifollowing = named, following
	return m
}

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

// Render draws the panel.
func (m *MembershipMap) Render() app.UI {
	c := content.Default()
	at := m.at()
	vb := geo.ViewBox()
	countries := geo.Countries()
	// tabindex -1: in-page links to #map move focus here (see Article.OnNav).
	return app.Section().ID("map").Class("panel map-panel").Aria("labelledby", "map-title").TabIndex(-1).
		OnKeyDown(m.onPanelKey).Body(
		m.heading(c, at),
		app.If(!m.Iview.Asked.IsZero(), func() app.UI {
			return app.P().ID("map-note").Class("map-note").Text(outOfRangeNote(m.Iview))
		}),
		app.P().Class("panel-intro").ID("map-help").Text(
			"Pick a state for its story: click it, or tab to the map and use the arrow keys, then Enter."),
		// The inset sits over the map or below it, by the map's width (see
		// explainer.css): both go in one box for it to be placed in.
		app.Div().Class("map-area").Body(
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
							return m.countryShape(c, countries, i, at)
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
		),
		mount.Static("map-legend", newMapLegend),
		app.P().Class("map-credit").Text("Shapes: "+geo.Credit+" (1:50m, public domain). Borders as recognised internationally."),
		NewMapDownload().View(m.Iview),
		newDataLinks("map-data", "Who was a member when", dataset.TransitionsCSV, "csto-transitions.csv", dataset.TransitionsJSON),
		m.parts.Panel("status-table", func() app.UI { return &statusTable{Ihistory: c.History, Iat: at} }),
		app.If(m.Iview.Country != "", func() app.UI {
			return NewCountryCard().Country(m.Iview.Country).View(m.Iview).Quiet(m.Ifollowing)
		}),
	)
}

// heading names the map's date, and says outright when no state was a
// member on it, so an empty map is never mistaken for missing data.
func (m *MembershipMap) heading(c *content.Content, at date.Date) app.UI {
	v := m.Iview
	if v.At.IsZero() {
		v.At = at
	}
	lead := "Who was in the CSTO "
	var tail app.UI
	if !c.History.AnyMember(at) {
		lead = "No state was in the CSTO "
		if first, ok := c.History.First(); ok && at.Before(first) {
			tail = app.Span().Class("map-title-note").Text(" (the treaty was signed on " + first.Long() + ")")
		}
	}
	return app.H2().ID("map-title").Body(
		app.Text(lead+v.Prep()+" "),
		app.Time().ID("map-date").DateTime(at.String()).Text(v.DateText()),
		tail,
	)
}

// outOfRangeNote tells the reader that the date their link asked for lies
// outside the map's range, and which day the map shows instead.
func outOfRangeNote(v view.View) string {
	side := "before the map's first day"
	if v.Asked.After(v.At) {
		side = "after the map's last day"
	}
	return "The link asked for " + v.Asked.Long() + ", " + side + "; the map shows " + v.At.Long() + "."
}

// countryShape is the shape of countries[i] at the map's date (see mapShape).
func (m *MembershipMap) countryShape(c *content.Content, countries []geo.Country, i int, at date.Date) app.UI {
	iso := countries[i].ISO
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
	if slices.Contains(m.Inamed, iso) {
		class += " is-named"
	}
	return &mapShape{
		Iiso:     iso,
		Istatus:  c.History.StatusAt(iso, at).String(),
		Iclass:   class,
		Ilabel:   m.label(c, countries, i, at),
		Ipressed: iso == m.Iview.Country,
		Itab:     tab,
	}
}

// label is the accessible name of countries[i] at the map's date.
func (m *MembershipMap) label(c *content.Content, countries []geo.Country, i int, at date.Date) string {
	return m.labels.at(i, len(countries), at, func(j int) string {
		return c.History.AccessibleName(countries[j].ISO, countries[j].Name, at)
	})
}

// onClick selects the state whose shape, named by data-<attr>, was clicked.
func (m *MembershipMap) onClick(attr string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		if iso := mount.DataOf(ctx, e, attr); iso != "" {
			m.selectCountry(ctx, iso)
		}
	}
}

// onPointer follows the pointer to the state under it, none when it is
// outside every shape, for the tooltip and the highlight.
func (m *MembershipMap) onPointer(attr string) app.EventHandler {
	return func(ctx app.Context, e app.Event) { m.hover = mount.DataOf(ctx, e, attr) }
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
				class := "country"
				if iso == m.Iview.Country {
					class += " is-selected"
				}
				if iso == m.hover {
					class += " is-hover"
				}
				return &insetShape{Iiso: iso, Istatus: c.History.StatusAt(iso, at), Iclass: class}
			}),
			staticLayer("map-inset-labels", "map-inset-labels", newInsetLabels),
		),
		app.FigCaption().Text("South Caucasus, enlarged"),
	)
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
