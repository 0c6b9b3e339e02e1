package components

import (
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/geo"
	"explainer/app/membership"
	"explainer/app/view"
)

// MapDownload offers the map as the reader sees it, at its date, as a file:
// an SVG that stands alone (its colours and patterns written into it, with
// a title, the date, a legend and the credits) and a PNG drawn from that
// SVG. Both are made in the browser from the map on the page, so nothing
// is fetched and nothing leaves the page.
type MapDownload struct {
	app.Compo

	Iview view.View
}

// NewMapDownload returns the download buttons.
func NewMapDownload() *MapDownload { return &MapDownload{} }

// View sets the view whose date names the files.
func (d *MapDownload) View(v view.View) *MapDownload {
	d.Iview = v
	return d
}

// Render draws the two buttons under a label that names what they download.
func (d *MapDownload) Render() app.UI {
	return app.Div().Class("map-download").Role("group").Aria("labelledby", "map-download-label").Body(
		app.Span().ID("map-download-label").Text("Download the map:"),
		app.Button().ID("map-download-svg").Class("button").Type("button").Text("SVG").OnClick(d.saveSVG),
		app.Button().ID("map-download-png").Class("button").Type("button").Text("PNG").OnClick(d.savePNG),
	)
}

// mapFileName is the file's name for the map at the view's date, e.g.
// csto-map-2025-11-27.svg.
func mapFileName(v view.View, ext string) string {
	at := v.At
	if at.IsZero() {
		at = view.Summit
	}
	return "csto-map-" + at.String() + "." + ext
}

func (d *MapDownload) saveSVG(ctx app.Context, e app.Event) {
	doc, _, _, ok := standaloneMap()
	if !ok {
		return
	}
	blob := app.Window().Get("Blob").New([]any{doc}, map[string]any{"type": "image/svg+xml"})
	saveBlob(blob, mapFileName(d.Iview, "svg"))
}

// savePNG draws the standalone SVG on a canvas. The SVG goes to the image
// as a data: URL, which the Content-Security-Policy's img-src allows.
func (d *MapDownload) savePNG(ctx app.Context, e app.Event) {
	doc, w, h, ok := standaloneMap()
	if !ok {
		return
	}
	win := app.Window()
	img := win.Get("Image").New()
	name := mapFileName(d.Iview, "png")
	var onLoad app.Func
	onLoad = app.FuncOf(func(app.Value, []app.Value) any {
		onLoad.Release()
		canvas := win.Get("document").Call("createElement", "canvas")
		canvas.Set("width", w)
		canvas.Set("height", h)
		canvas.Call("getContext", "2d").Call("drawImage", img, 0, 0, w, h)
		var onBlob app.Func
		onBlob = app.FuncOf(func(_ app.Value, args []app.Value) any {
			onBlob.Release()
			if len(args) > 0 && args[0].Truthy() {
				saveBlob(args[0], name)
			}
			return nil
		})
		canvas.Call("toBlob", onBlob, "image/png")
		return nil
	})
	img.Set("onload", onLoad)
	img.Set("src", "data:image/svg+xml;charset=utf-8,"+win.Call("encodeURIComponent", doc).String())
}

// saveBlob offers blob as a download named name.
func saveBlob(blob app.Value, name string) {
	urls := app.Window().Get("URL")
	u := urls.Call("createObjectURL", blob).String()
	a := app.Window().Get("document").Call("createElement", "a")
	a.Set("href", u)
	a.Set("download", name)
	a.Call("click")
	// Revoked at once, the address could go before the download has read
	// it; a minute later nothing needs it.
	time.AfterFunc(time.Minute, func() { urls.Call("revokeObjectURL", u) })
}

// The standalone map's layout, in pixels.
const (
	mapFileWidth = 1600
	mapFileHead  = 110 // the title and the explainer's name
	mapFileFoot  = 110 // the legend and the credits
)

// paintProperties are the CSS properties that draw the map: written into
// each element as attributes, from the browser's computed style, so the
// file shows what the page does without the page's stylesheet.
var paintProperties = []string{
	"fill", "fill-opacity", "stroke", "stroke-width", "stroke-opacity", "stroke-dasharray",
	"opacity", "vector-effect", "paint-order", "stroke-linejoin",
}

var textProperties = []string{"font-family", "font-size", "font-style", "font-weight"}

// pageOnly are the attributes that only serve the page: its styles,
// focus and buttons.
var pageOnly = []string{"class", "tabindex", "role", "aria-pressed", "aria-labelledby", "aria-describedby"}

// standaloneMap writes the page's map as an SVG document that stands alone,
// and gives its size. It reports false if the page has no map.
func standaloneMap() (doc string, width, height int, ok bool) {
	win := app.Window()
	document := win.Get("document")
	src := document.Call("querySelector", "#map svg.map")
	if !src.Truthy() {
		return "", 0, 0, false
	}
	vb := src.Get("viewBox").Get("baseVal")
	mapHeight := int(float64(mapFileWidth) * vb.Get("height").Float() / vb.Get("width").Float())
	width, height = mapFileWidth, mapFileHead+mapHeight+mapFileFoot

	band := "labels-" + fileLabelBand()
	clone := src.Call("cloneNode", true)
	from, to := src.Call("querySelectorAll", "*"), clone.Call("querySelectorAll", "*")
	var hidden []app.Value
	for i, n := 0, from.Length(); i < n; i++ {
		el, out := from.Index(i), to.Index(i)
		style := win.Call("getComputedStyle", el)
		classes := el.Get("classList")
		// The names come in one set per band of map widths: the file
		// keeps the set for its own width, whichever the page shows.
		// The inset's frame goes: the file has no inset.
		switch {
		case classes.Call("contains", "labels").Bool():
			if !classes.Call("contains", band).Bool() {
				hidden = append(hidden, out)
				continue
			}
		case style.Get("display").String() == "none" || classes.Call("contains", "inset-outline").Bool():
			hidden = append(hidden, out)
			continue
		}
		inline(out, style, paintProperties)
		if el.Get("tagName").String() == "text" {
			inline(out, style, textProperties)
		}
		for _, a := range pageOnly {
			out.Call("removeAttribute", a)
		}
	}
	for _, el := range hidden {
		el.Call("remove")
	}
	for _, a := range append(pageOnly, "aria-hidden") {
		clone.Call("removeAttribute", a)
	}
	clone.Call("setAttribute", "x", 0)
	clone.Call("setAttribute", "y", mapFileHead)
	clone.Call("setAttribute", "width", mapFileWidth)
	clone.Call("setAttribute", "height", mapHeight)
	mapXML := win.Get("XMLSerializer").New().Call("serializeToString", clone).String()

	title := document.Call("getElementById", "map-title")
	heading := strings.Join(strings.Fields(title.Get("textContent").String()), " ")
	titleStyle := win.Call("getComputedStyle", title)
	ink, font := titleStyle.Get("color").String(), titleStyle.Get("fontFamily").String()

	var b strings.Builder
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" width="` + strconv.Itoa(width) + `" height="` + strconv.Itoa(height) +
		`" viewBox="0 0 ` + strconv.Itoa(width) + " " + strconv.Itoa(height) + `" font-family="` + xmlEscape(font) + `">`)
	b.WriteString("<title>" + xmlEscape(heading) + "</title>")
	b.WriteString(`<rect width="100%" height="100%" fill="` + xmlEscape(backgroundOf(document.Call("getElementById", "map"))) + `"/>`)
	b.WriteString(`<text x="40" y="56" font-size="36" font-weight="700" fill="` + xmlEscape(ink) + `">` + xmlEscape(heading) + "</text>")
	b.WriteString(`<text x="40" y="92" font-size="22" fill="` + xmlEscape(ink) + `">` + xmlEscape(Title) + "</text>")
	b.WriteString(mapXML)
	b.WriteString(legendSVG(clone, mapFileHead+mapHeight+44, ink))
	b.WriteString(`<text x="40" y="` + strconv.Itoa(height-24) + `" font-size="18" fill="` + xmlEscape(ink) + `">Map: ` +
		geo.Credit + " (public domain). Statuses: " + xmlEscape(Title) + ".</text>")
	b.WriteString("</svg>")
	return b.String(), width, height, true
}

// fileLabelBand names the band of map names for a map mapFileWidth wide.
func fileLabelBand() string {
	name := ""
	for _, b := range geo.LabelBands() {
		if b.MinWidth <= mapFileWidth {
			name = b.Name
		}
	}
	return name
}

// inline writes style's values of props into el as attributes. A paint
// server (url(#hatch-...)) is left as the element has it: the computed
// value may name the page's address, which the file does not have.
func inline(el, style app.Value, props []string) {
	for _, p := range props {
		v := style.Call("getPropertyValue", p).String()
		if v == "" || v == "normal" || strings.HasPrefix(v, "url(") || (v == "none" && p != "fill" && p != "stroke") {
			continue
		}
		el.Call("setAttribute", p, v)
	}
}

// legendSVG names the statuses the map shows, each beside a swatch with
// the fill and pattern of a state that has it.
func legendSVG(mapSVG app.Value, y int, ink string) string {
	var b strings.Builder
	x := 40
	for _, s := range membership.Statuses() {
		shape := mapSVG.Call("querySelector", `[data-status="`+s.String()+`"]`)
		if !shape.Truthy() {
			continue
		}
		fill := shape.Call("getAttribute", "fill")
		if !fill.Truthy() {
			continue
		}
		sq := `<rect x="` + strconv.Itoa(x) + `" y="` + strconv.Itoa(y-18) + `" width="24" height="24"`
		b.WriteString(sq + ` fill="` + xmlEscape(fill.String()) + `" stroke="` + xmlEscape(ink) + `" stroke-width="0.5"/>`)
		if id := patternOf(s); id != "" {
			b.WriteString(sq + ` fill="url(#` + id + `)"/>`)
		}
		label := capitalise(s.Label())
		b.WriteString(`<text x="` + strconv.Itoa(x+32) + `" y="` + strconv.Itoa(y) + `" font-size="20" fill="` + xmlEscape(ink) + `">` +
			xmlEscape(label) + "</text>")
		x += 32 + len(label)*11 + 36
	}
	return b.String()
}

// patternOf is the id of the pattern that marks status s on the map, or "".
func patternOf(s membership.Status) string {
	switch s {
	case membership.Frozen:
		return "hatch-frozen"
	case membership.Suspended:
		return "hatch-suspended"
	case membership.Former:
		return "hatch-former"
	}
	return ""
}

// backgroundOf is the colour behind el: its own background or the nearest
// ancestor's that is not transparent, else white.
func backgroundOf(el app.Value) string {
	for ; el.Truthy(); el = el.Get("parentElement") {
		c := app.Window().Call("getComputedStyle", el).Get("backgroundColor").String()
		if c != "" && c != "transparent" && c != "rgba(0, 0, 0, 0)" {
			return c
		}
	}
	return "#ffffff"
}

var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

func xmlEscape(s string) string { return xmlEscaper.Replace(s) }
