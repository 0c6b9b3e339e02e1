package components

import (
	"sort"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/content"
	"explainer/app/geo"

	"explainer/components/mount"
)

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

// onFocusIn names the focused state in the tooltip and makes it the map's
// tab stop.
func (m *MembershipMap) onFocusIn(ctx app.Context, e app.Event) {
	if iso := mount.DataOf(ctx, e, "iso"); iso != "" {
		m.hover, m.rove = iso, iso
	}
}

// onFocusOut drops the tooltip of the state focus leaves, unless the
// pointer has since moved to another.
func (m *MembershipMap) onFocusOut(ctx app.Context, e app.Event) {
	if iso := mount.DataOf(ctx, e, "iso"); iso == m.hover {
		m.hover = ""
	}
}

// onCountryKey: Enter or Space selects; arrows, Home and End move the focus
// through the states in alphabetical order (a roving tab stop).
func (m *MembershipMap) onCountryKey(ctx app.Context, e app.Event) {
	iso := mount.DataOf(ctx, e, "iso")
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
