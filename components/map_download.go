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
	var onLoad, onError app.Func
	onError = app.FuncOf(func(app.Value, []app.Value) any {
		onLoad.Release()
		onError.Release()
		return nil
	})
	onLoad = app.FuncOf(func(app.Value, []app.Value) any {
		onLoad.Release()
		onError.Release()
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
	img.Set("onerror", onError)
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
var pageOnly = []string{"class", "tabindex", "role", "aria-pressed", "aria-labelledby", "aria-describedby", "aria-hidden"}

// standaloneMap writes the page's map as an SVG document that stands alone,
// and gives its size. It reports false if the page has no map.
func standaloneMap() (doc string, width, height int, ok bool) {
	win := app.Window()
	document := win.Get("document")
	src := document.Call("querySelector", "#map svg.map")
	if !src.Truthy() {
		return "", 0, 0, false
	}
	mapHeight := scaledHeight(src, mapFileWidth)
	width, height = mapFileWidth, mapFileHead+mapHeight+mapFileFoot
	band := fileLabelBand()
	serializer := win.Get("XMLSerializer").New()

	main := standalone(src, "labels-"+band.Name)
	place(main, 0, mapFileHead, mapFileWidth, mapHeight)

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
	b.WriteString(serializer.Call("serializeToString", main).String())
	b.WriteString(insetSVG(document.Call("querySelector", "#map .map-inset-box"), band, serializer))
	b.WriteString(legendSVG(main, mapFileHead+mapHeight+44, ink, font))
	b.WriteString(`<text x="40" y="` + strconv.Itoa(height-24) + `" font-size="18" fill="` + xmlEscape(ink) + `">Map: ` +
		geo.Credit + " (public domain). Statuses: " + xmlEscape(Title) + ".</text>")
	b.WriteString("</svg>")
	return b.String(), width, height, true
}

// insetSVG draws the page's enlarged South Caucasus over the map's top
// right corner, as the page does on a wide map, framed and captioned; ""
// if the page has none.
func insetSVG(box app.Value, band geo.LabelBand, serializer app.Value) string {
	if !box.Truthy() || band.InsetShare == 0 {
		return ""
	}
	src := box.Call("querySelector", "svg.map-inset")
	if !src.Truthy() || !box.Call("querySelector", "figcaption").Truthy() {
		return ""
	}
	w := int(band.InsetShare * mapFileWidth)
	h := scaledHeight(src, w)
	const captionHeight = 30
	x, y := mapFileWidth-w, mapFileHead
	inset := standalone(src, "")
	place(inset, x, y, w, h)
	// The names' size for an inset of the file's width, not the page's.
	texts := inset.Call("querySelectorAll", "text")
	for i, n := 0, texts.Length(); i < n; i++ {
		texts.Index(i).Call("setAttribute", "font-size", strconv.FormatFloat(geo.InsetFonts[band.Name], 'g', -1, 64))
	}
	boxStyle := app.Window().Call("getComputedStyle", box)
	caption := box.Call("querySelector", "figcaption")
	captionStyle := app.Window().Call("getComputedStyle", caption)
	return `<rect x="` + strconv.Itoa(x) + `" y="` + strconv.Itoa(y) + `" width="` + strconv.Itoa(w) + `" height="` + strconv.Itoa(h+captionHeight) +
		`" fill="` + xmlEscape(backgroundOf(box)) + `" stroke="` + xmlEscape(boxStyle.Get("borderTopColor").String()) + `"/>` +
		serializer.Call("serializeToString", inset).String() +
		`<text x="` + strconv.Itoa(x+10) + `" y="` + strconv.Itoa(y+h+21) + `" font-size="16" fill="` +
		xmlEscape(captionStyle.Get("color").String()) + `">` + xmlEscape(caption.Get("textContent").String()) + "</text>"
}

// scaledHeight is the height of svg's viewBox scaled to width w.
func scaledHeight(svg app.Value, w int) int {
	vb := svg.Get("viewBox").Get("baseVal")
	return int(float64(w) * vb.Get("height").Float() / vb.Get("width").Float())
}

// place puts a nested svg at x, y with size w by h.
func place(svg app.Value, x, y, w, h int) {
	svg.Call("setAttribute", "x", x)
	svg.Call("setAttribute", "y", y)
	svg.Call("setAttribute", "width", w)
	svg.Call("setAttribute", "height", h)
}

// standalone copies the svg src with its computed styles written into
// each element, leaving out what the page does not show and the
// attributes that only serve the page. Of the sets of names, one per band
// of map widths, it keeps band, whichever the page shows.
func standalone(src app.Value, band string) app.Value {
	win := app.Window()
	clone := src.Call("cloneNode", true)
	from, to := src.Call("querySelectorAll", "*"), clone.Call("querySelectorAll", "*")
	var hidden []app.Value
	for i, n := 0, from.Length(); i < n; i++ {
		el, out := from.Index(i), to.Index(i)
		style := win.Call("getComputedStyle", el)
		classes := el.Get("classList")
		switch {
		case classes.Call("contains", "labels").Bool():
			if !classes.Call("contains", band).Bool() {
				hidden = append(hidden, out)
				continue
			}
		case style.Get("display").String() == "none":
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
	for _, a := range pageOnly {
		clone.Call("removeAttribute", a)
	}
	return clone
}

// fileLabelBand is the band of map names for a map mapFileWidth wide.
func fileLabelBand() geo.LabelBand {
	var band geo.LabelBand
	for _, b := range geo.LabelBands() {
		if b.MinWidth <= mapFileWidth {
			band = b
		}
	}
	return band
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
// the fill and pattern of a state that has it. The labels are measured in
// the font the file names, so they do not run into each other.
func legendSVG(mapSVG app.Value, y int, ink, font string) string {
	measure := app.Window().Get("document").Call("createElement", "canvas").Call("getContext", "2d")
	measure.Set("font", "20px "+font)
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
		x += 32 + int(measure.Call("measureText", label).Get("width").Float()) + 36
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
