// Package card draws a view's share card: the 1200 x 630 PNG that link
// previews show, with the map at the view's date in the page's colours
// and patterns, the view's title, date and line, and the credits. Only the
// server imports it (the wasm never draws cards).
//
// It rasterises with golang.org/x/image/vector and sets type with
// golang.org/x/image/font/opentype and the Go fonts, embedded in the
// binary: pure Go, no cgo and no font files on the machine.
package card

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"explainer/app/content"
	"explainer/app/geo"
	"explainer/app/membership"
	"explainer/app/share"
	"explainer/app/view"
)

// Width and Height are the card's size in pixels.
const (
	Width  = 1200
	Height = 630
)

// The page's light-theme colours (web/explainer.css), so a card looks like
// the map it links to.
var (
	background = rgb(0xfbfaf7) // --bg
	ink        = rgb(0x1c1a17) // --fg, --st-ink
	muted      = rgb(0x5b564e)
	accent     = rgb(0x7a2e1d) // the theme colour
	edge       = rgb(0xfbfaf7) // --st-edge
	frame      = rgb(0xd9d3c7)
)

// StatusColour is each status's fill, as the page's --st-* variables give it.
var StatusColour = map[membership.Status]color.RGBA{
	membership.Member:    rgb(0x8c2d19),
	membership.Frozen:    rgb(0xe4a58f),
	membership.Suspended: rgb(0xc9b27a),
	membership.Former:    rgb(0xd8d2c6),
	membership.None:      rgb(0xefebe4),
}

func rgb(v uint32) color.RGBA {
	return color.RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xff}
}

// Layout: the text on the left, the map on the right with the South
// Caucasus inset at its top right, as the page places it.
var (
	mapRect   = image.Rect(500, 24, 1176, 24+int(math.Round(676*777.0/1000)))
	insetRect = image.Rect(1176-264, 24, 1176, 24+int(math.Round(264*124.0/165)))
)

// mapScale is how many card pixels a unit of the map's viewBox takes.
func mapScale() float64 { return float64(mapRect.Dx()) / geo.ViewBox().W }

func insetScale() float64 { return float64(insetRect.Dx()) / geo.CaucasusInset().W }

// MapPoint is where a point of the main map (geo's viewBox units) falls
// on the card.
func MapPoint(p geo.Point) (x, y float64) {
	vb, s := geo.ViewBox(), mapScale()
	return float64(mapRect.Min.X) + (p.X-vb.X)*s, float64(mapRect.Min.Y) + (p.Y-vb.Y)*s
}

// InsetPoint is where a point of the inset (geo's viewBox units) falls on
// the card.
func InsetPoint(p geo.Point) (x, y float64) {
	r, s := geo.CaucasusInset(), insetScale()
	return float64(insetRect.Min.X) + (p.X-r.X)*s, float64(insetRect.Min.Y) + (p.Y-r.Y)*s
}

// Renderer draws cards. Its fonts are parsed once; it is safe for
// concurrent use (each Render has its own faces).
type Renderer struct {
	regular, bold *opentype.Font
	shapes        []shape
}

// shape is one country's rings, read once from its path data.
type shape struct {
	iso          string
	main, inset  [][]point
	label, inLbl geo.Point
}

// New parses the fonts and the map's shapes.
func New() (*Renderer, error) {
	regular, err := opentype.Parse(goregular.TTF)
	if err != nil {
		return nil, err
	}
	bold, err := opentype.Parse(gobold.TTF)
	if err != nil {
		return nil, err
	}
	r := &Renderer{regular: regular, bold: bold}
	for _, c := range geo.Countries() {
		s := shape{iso: c.ISO, label: c.Label, inLbl: c.InsetLabel}
		if s.main, err = polygons(c.Path); err != nil {
			return nil, fmt.Errorf("%s: %w", c.ISO, err)
		}
		if s.inset, err = polygons(c.InsetPath); err != nil {
			return nil, fmt.Errorf("%s inset: %w", c.ISO, err)
		}
		r.shapes = append(r.shapes, s)
	}
	return r, nil
}

// PNG draws view v's card and encodes it.
func (r *Renderer) PNG(v view.View, c *content.Content) ([]byte, error) {
	img, err := r.Render(v, c)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	// The default level: BestCompression made cards 2 % smaller and took
	// 35 times as long to encode them (690 ms against 19 ms).
	enc := png.Encoder{CompressionLevel: png.DefaultCompression}
	if err := enc.Encode(&b, img); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Render draws view v's card.
func (r *Renderer) Render(v view.View, c *content.Content) (*image.RGBA, error) {
	img := image.NewRGBA(image.Rect(0, 0, Width, Height))
	draw.Draw(img, img.Bounds(), image.NewUniform(background), image.Point{}, draw.Src)
	status := func(iso string) membership.Status { return c.History.StatusAt(iso, v.At) }

	// The main map, then the outline of the inset's region on it, as the page draws it.
	r.drawMap(img, mapRect, mapScale(), geo.ViewBox(), false, status, v.Country)
	ir := geo.CaucasusInset()
	x0, y0 := MapPoint(geo.Point{X: ir.X, Y: ir.Y})
	x1, y1 := MapPoint(geo.Point{X: ir.X + ir.W, Y: ir.Y + ir.H})
	strokeRect(img, x0, y0, x1, y1, 1, ink)
	// The inset, on the page's panel colour with a frame.
	draw.Draw(img, insetRect, image.NewUniform(background), image.Point{}, draw.Src)
	r.drawMap(img, insetRect, insetScale(), ir, true, status, v.Country)
	strokeRect(img, float64(insetRect.Min.X), float64(insetRect.Min.Y), float64(insetRect.Max.X), float64(insetRect.Max.Y), 1.5, frame)

	faces, err := r.faces()
	if err != nil {
		return nil, err
	}
	defer faces.close()
	r.drawInsetLabels(img, faces.label, status)
	r.drawLegend(img, faces.small)

	m := share.For(v, c)
	const left, textWidth = 48, 420
	y := 76
	drawText(img, faces.kicker, accent, left, y, share.SiteName)
	y += 58
	for _, line := range wrap(faces.title, m.Title, textWidth, 5) {
		drawText(img, faces.title, ink, left, y, line)
		y += 46
	}
	y += 10
	drawText(img, faces.date, ink, left, y, m.DateLine)
	y += 40
	for _, line := range wrap(faces.body, m.Detail, textWidth, max(1, (Height-70-y)/28)) {
		drawText(img, faces.body, muted, left, y, line)
		y += 28
	}
	drawText(img, faces.small, muted, left, Height-32, share.Credits)
	return img, nil
}

// drawMap fills every country in its status's colour, lays the status's
// pattern over it, draws the borders and outlines the selected state.
// frame is the part of the map (viewBox units) the rectangle dst shows.
func (r *Renderer) drawMap(img *image.RGBA, dst image.Rectangle, scale float64, frame geo.Rect, inset bool, status func(string) membership.Status, selected string) {
	w, h := dst.Dx(), dst.Dy()
	proj := func(p point) (float32, float32) {
		return float32((p.x - frame.X) * scale), float32((p.y - frame.Y) * scale)
	}
	rings := func(s shape) [][]point {
		if inset {
			return s.inset
		}
		return s.main
	}
	fill := func(z *vector.Rasterizer, rs [][]point) {
		for _, ring := range rs {
			x, y := proj(ring[0])
			z.MoveTo(x, y)
			for _, p := range ring[1:] {
				x, y := proj(p)
				z.LineTo(x, y)
			}
			z.ClosePath()
		}
	}
	// One pass per status: each Draw walks the whole rectangle, so
	// countries of a colour are drawn together.
	// The page's patterns are in the map's units (userSpaceOnUse), so they
	// scale with the map as they do there.
	u := scale
	z := vector.NewRasterizer(w, h)
	for _, st := range membership.Statuses() {
		z.Reset(w, h)
		any := false
		for _, s := range r.shapes {
			if rs := rings(s); len(rs) > 0 && status(s.iso) == st {
				fill(z, rs)
				any = true
			}
		}
		if !any {
			continue
		}
		z.Draw(img, dst, image.NewUniform(StatusColour[st]), image.Point{})
		var pat *pattern
		switch st {
		case membership.Frozen: // lines at 45 degrees, in the member colour
			pat = &pattern{lines: true, period: 6 * u, size: 1.6 * u, angle: math.Pi / 4, c: StatusColour[membership.Member], alpha: 1}
		case membership.Suspended: // dots in ink
			pat = &pattern{period: 5 * u, size: 1.1 * u, c: ink, alpha: 0.55}
		case membership.Former: // fine lines at -45 degrees in ink
			pat = &pattern{lines: true, period: 5 * u, size: 0.9 * u, angle: -math.Pi / 4, c: ink, alpha: 0.5}
		}
		if pat != nil {
			mask := image.NewAlpha(image.Rect(0, 0, w, h))
			z.Reset(w, h)
			for _, s := range r.shapes {
				if rs := rings(s); len(rs) > 0 && status(s.iso) == st {
					fill(z, rs)
				}
			}
			z.Draw(mask, mask.Bounds(), image.Opaque, image.Point{})
			pat.paint(img, dst.Min, mask)
		}
	}
	// Borders: each edge a thin quad, all wound the same way so that
	// overlaps add up rather than cancel.
	borderWidth := 0.8
	if inset {
		borderWidth = 1.2
	}
	z.Reset(w, h)
	var sel *vector.Rasterizer
	if selected != "" {
		sel = vector.NewRasterizer(w, h)
	}
	for _, s := range r.shapes {
		for _, ring := range rings(s) {
			for i := range ring {
				a, b := ring[i], ring[(i+1)%len(ring)]
				ax, ay := proj(a)
				bx, by := proj(b)
				segment(z, ax, ay, bx, by, borderWidth)
				if sel != nil && s.iso == selected {
					segment(sel, ax, ay, bx, by, 2.5)
				}
			}
		}
	}
	z.Draw(img, dst, image.NewUniform(edge), image.Point{})
	if sel != nil {
		sel.Draw(img, dst, image.NewUniform(ink), image.Point{})
	}
}

// segment adds a line from a to b of width w (pixels) as a quad with
// square ends.
func segment(z *vector.Rasterizer, ax, ay, bx, by float32, w float64) {
	dx, dy := float64(bx-ax), float64(by-ay)
	l := math.Hypot(dx, dy)
	if l == 0 {
		return
	}
	// Normal and tangent, half the width long; the ends reach past the
	// points so joins have no gaps.
	nx, ny := float32(-dy/l*w/2), float32(dx/l*w/2)
	tx, ty := float32(dx/l*w/2), float32(dy/l*w/2)
	// Wound the same way for every segment: a, then b, on one side, back
	// on the other.
	z.MoveTo(ax-tx+nx, ay-ty+ny)
	z.LineTo(bx+tx+nx, by+ty+ny)
	z.LineTo(bx+tx-nx, by+ty-ny)
	z.LineTo(ax-tx-nx, ay-ty-ny)
	z.ClosePath()
}

// strokeRect outlines a rectangle given by its corners (pixels), w wide
// inside them.
func strokeRect(img *image.RGBA, x0, y0, x1, y1, w float64, c color.RGBA) {
	r := image.Rect(int(math.Round(x0)), int(math.Round(y0)), int(math.Round(x1)), int(math.Round(y1)))
	t := max(1, int(math.Round(w)))
	u := image.NewUniform(c)
	for _, side := range []image.Rectangle{
		{r.Min, image.Pt(r.Max.X, r.Min.Y+t)}, {image.Pt(r.Min.X, r.Max.Y-t), r.Max},
		{r.Min, image.Pt(r.Min.X+t, r.Max.Y)}, {image.Pt(r.Max.X-t, r.Min.Y), r.Max},
	} {
		draw.Draw(img, side, u, image.Point{}, draw.Src)
	}
}

// pattern is one of the page's status patterns: parallel lines period
// apart, size wide, at angle (lines), or dots of radius size in the middle
// of period-wide cells; in colour c at opacity alpha, antialiased.
type pattern struct {
	lines        bool
	period, size float64
	angle        float64
	c            color.RGBA
	alpha        float64
}

// coverage is how much of the pixel whose centre is (x, y) the pattern covers.
func (p *pattern) coverage(x, y float64) float64 {
	if p.lines {
		d := x*math.Cos(p.angle) + y*math.Sin(p.angle)
		d = math.Abs(d - p.period*math.Round(d/p.period))
		return clamp01(p.size/2 + 0.5 - d)
	}
	cx := x - p.period*(math.Floor(x/p.period)+0.5)
	cy := y - p.period*(math.Floor(y/p.period)+0.5)
	return clamp01(p.size + 0.5 - math.Hypot(cx, cy))
}

// paint lays the pattern over img where mask (placed at origin) covers,
// in the pattern's own coordinates (the mask's), so it lines up across
// neighbouring shapes as the page's userSpaceOnUse patterns do.
func (p *pattern) paint(img *image.RGBA, origin image.Point, mask *image.Alpha) {
	b := mask.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			m := mask.Pix[mask.PixOffset(x, y)]
			if m == 0 {
				continue
			}
			a := p.alpha * p.coverage(float64(x)+0.5, float64(y)+0.5) * float64(m) / 255
			if a <= 0 {
				continue
			}
			blend(img, origin.X+x, origin.Y+y, p.c, a)
		}
	}
}

// blend lays colour c at opacity a over the pixel (x, y).
func blend(img *image.RGBA, x, y int, c color.RGBA, a float64) {
	if !(image.Point{x, y}.In(img.Rect)) {
		return
	}
	i := img.PixOffset(x, y)
	px := img.Pix[i : i+3 : i+3]
	px[0] = uint8(float64(px[0])*(1-a) + float64(c.R)*a + 0.5)
	px[1] = uint8(float64(px[1])*(1-a) + float64(c.G)*a + 0.5)
	px[2] = uint8(float64(px[2])*(1-a) + float64(c.B)*a + 0.5)
}

func clamp01(v float64) float64 { return max(0, min(1, v)) }

// faces are the type sizes of one card.
type faceSet struct {
	kicker, title, date, body, small, label font.Face
}

func (f faceSet) close() {
	for _, face := range []font.Face{f.kicker, f.title, f.date, f.body, f.small, f.label} {
		face.Close()
	}
}

func (r *Renderer) faces() (faceSet, error) {
	var f faceSet
	var err error
	face := func(ft *opentype.Font, size float64) font.Face {
		if err != nil {
			return nil
		}
		var fc font.Face
		fc, err = opentype.NewFace(ft, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
		return fc
	}
	f.kicker = face(r.bold, 22)
	f.title = face(r.bold, 38)
	f.date = face(r.regular, 24)
	f.body = face(r.regular, 20)
	f.small = face(r.regular, 16)
	f.label = face(r.bold, 13)
	return f, err
}

// drawText writes s with its baseline at y.
func drawText(img *image.RGBA, face font.Face, c color.Color, x, y int, s string) {
	d := font.Drawer{Dst: img, Src: image.NewUniform(c), Face: face, Dot: fixed.P(x, y)}
	d.DrawString(s)
}

// wrap breaks s into lines at most width pixels wide, at most n of them;
// a cut last line ends with an ellipsis.
func wrap(face font.Face, s string, width, n int) []string {
	words := strings.Fields(s)
	var lines []string
	line := ""
	fits := func(t string) bool { return font.MeasureString(face, t).Round() <= width }
	for i, w := range words {
		try := strings.TrimSpace(line + " " + w)
		if fits(try) || line == "" {
			line = try
			continue
		}
		lines = append(lines, line)
		line = w
		if len(lines) == n {
			line = ""
			last := lines[n-1]
			if i < len(words) {
				for !fits(last+"…") && strings.Contains(last, " ") {
					last = last[:strings.LastIndexByte(last, ' ')]
				}
				lines[n-1] = strings.TrimRight(last, " ,;:") + "…"
			}
			return lines
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// drawInsetLabels names the inset's states, as the page's inset does.
func (r *Renderer) drawInsetLabels(img *image.RGBA, face font.Face, status func(string) membership.Status) {
	for _, s := range r.shapes {
		if len(s.inset) == 0 || (s.iso != "ARM" && s.iso != "AZE" && s.iso != "GEO") {
			continue
		}
		x, y := InsetPoint(s.inLbl)
		name := geoName(s.iso)
		w := font.MeasureString(face, name).Round()
		// Below the label point, so the state's own colour stays visible
		// at the point the tests and a reader's eye go to.
		tx, ty := int(x)-w/2, int(y)+18
		halo(img, face, tx, ty, name)
		drawText(img, face, ink, tx, ty, name)
	}
}

// halo writes s in the background colour around its place, so a label
// reads over any fill, as the page's paint-order stroke does.
func halo(img *image.RGBA, face font.Face, x, y int, s string) {
	for _, d := range [][2]int{{-1, 0}, {1, 0}, {0, -1}, {0, 1}, {-1, -1}, {1, 1}, {-1, 1}, {1, -1}} {
		drawText(img, face, background, x+d[0], y+d[1], s)
	}
}

func geoName(iso string) string {
	if c, ok := geo.Lookup(iso); ok {
		return c.Name
	}
	return iso
}

// legendWords are the legend's words, short enough for one line.
var legendWords = map[membership.Status]string{
	membership.Member:    "member",
	membership.Frozen:    "participation frozen",
	membership.Suspended: "suspended",
	membership.Former:    "former member",
}

// drawLegend is the map's key below it: a swatch of each status with its
// pattern, and its word.
func (r *Renderer) drawLegend(img *image.RGBA, face font.Face) {
	x, y := mapRect.Min.X, mapRect.Max.Y+30
	for _, st := range []membership.Status{membership.Member, membership.Frozen, membership.Suspended, membership.Former} {
		sw := image.Rect(x, y-14, x+22, y+4)
		draw.Draw(img, sw, image.NewUniform(StatusColour[st]), image.Point{}, draw.Src)
		u := 1.5 // the swatch's patterns at the size the inset shows them
		var pat *pattern
		switch st {
		case membership.Frozen:
			pat = &pattern{lines: true, period: 6 * u, size: 1.6 * u, angle: math.Pi / 4, c: StatusColour[membership.Member], alpha: 1}
		case membership.Suspended:
			pat = &pattern{period: 5 * u, size: 1.1 * u, c: ink, alpha: 0.55}
		case membership.Former:
			pat = &pattern{lines: true, period: 5 * u, size: 0.9 * u, angle: -math.Pi / 4, c: ink, alpha: 0.5}
		}
		if pat != nil {
			mask := image.NewAlpha(image.Rect(0, 0, sw.Dx(), sw.Dy()))
			draw.Draw(mask, mask.Bounds(), image.Opaque, image.Point{}, draw.Src)
			pat.paint(img, sw.Min, mask)
		}
		word := legendWords[st]
		drawText(img, face, ink, x+28, y, word)
		x += 28 + font.MeasureString(face, word).Round() + 22
	}
}
