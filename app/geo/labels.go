package geo

// The main map's names, placed by hand for each range of widths.
//
// The names are SVG text in the map's own units, so they scale with it: a
// size that reads well on a desktop is 4 px on a phone, and a size that
// reads on a phone covers half of Central Asia on a desktop. So there is
// one placement per band of map widths, each with a text size that is at
// least 12 CSS px at the band's narrowest, and names moved, left out or
// led out by a line where they would collide at that size. Within a band
// the layout scales as a whole, so what is clear at one width is clear at
// all of them. CSS shows one band at a time, by a container query on the
// map's width (explainer.css, .map-area), and places the South Caucasus
// inset: below the map in the narrowest band, where there is no corner to
// spare, and over Siberia's empty top-right corner in the others.
//
// HTML names over the SVG would keep one size at every width, but they
// would need an inline position each, which the Content-Security-Policy
// forbids, and they would collide just the same as the map shrinks.

// LabelBand is how the main map names states over one range of widths.
type LabelBand struct {
	// Name is the band's class suffix: labels-xs, labels-s, ...
	Name string
	// MinWidth is the map's width in CSS px from which the band applies,
	// up to the next band's.
	MinWidth float64
	// Font is the text size in viewBox units.
	Font float64
	// InsetShare is the share of the map's width the inset takes when it
	// sits over the map's top-right corner; 0 when it sits below the map.
	InsetShare float64
	// Labels are the names shown.
	Labels []PlacedLabel
}

// PlacedLabel is one name on the map.
type PlacedLabel struct {
	ISO  string
	Text string
	// At is the centre of the text.
	At Point
	// From, when set, is a point inside the state that a leader line
	// joins to the name, set apart where the state is too small for it.
	From Point
}

// HasLeader reports whether the name is led out of its state by a line.
func (l PlacedLabel) HasLeader() bool { return l.From != Point{} }

// InsetCaptionPx bounds the height of the inset's caption in CSS px,
// two lines of it, as explainer.css sets it.
const InsetCaptionPx = 44

// LabelBands returns the placements, narrowest band first.
func LabelBands() []LabelBand { return append([]LabelBand(nil), labelBands...) }

// InsetArea is the part of the main map the inset covers at the band's
// narrowest, in viewBox units, or an empty Rect when it sits below the map.
func (b LabelBand) InsetArea() Rect {
	if b.InsetShare == 0 {
		return Rect{}
	}
	w := viewBox.W * b.InsetShare
	h := w*caucasusInset.H/caucasusInset.W + InsetCaptionPx*viewBox.W/b.MinWidth
	return Rect{X: viewBox.X + viewBox.W - w, Y: viewBox.Y, W: w, H: h}
}

// The wide bands share their places; only the size changes.
var wideLabels = []PlacedLabel{
	{ISO: "RUS", Text: "Russia", At: Point{450, 150}},
	{ISO: "KAZ", Text: "Kazakhstan", At: Point{507, 406}},
	{ISO: "BLR", Text: "Belarus", At: Point{133, 249}},
	{ISO: "UKR", Text: "Ukraine", At: Point{141, 322}},
	{ISO: "TUR", Text: "Turkey", At: Point{80, 480}},
	{ISO: "IRN", Text: "Iran", At: Point{325, 653}},
	{ISO: "AFG", Text: "Afghanistan", At: Point{478, 632}},
	{ISO: "TKM", Text: "Turkmenistan", At: Point{398, 548}},
	{ISO: "UZB", Text: "Uzbekistan", At: Point{443, 505}},
	{ISO: "KGZ", Text: "Kyrgyzstan", At: Point{592, 500}},
	{ISO: "TJK", Text: "Tajikistan", At: Point{552, 563}},
	{ISO: "MNG", Text: "Mongolia", At: Point{861, 360}},
}

var labelBands = []LabelBand{
	{
		// Phones: the members and Uzbekistan, the three small Central Asian
		// states led out to the empty south and east.
		Name: "xs", MinWidth: 0, Font: 46,
		Labels: []PlacedLabel{
			{ISO: "RUS", Text: "Russia", At: Point{600, 150}},
			{ISO: "KAZ", Text: "Kazakhstan", At: Point{480, 400}},
			{ISO: "BLR", Text: "Belarus", At: Point{133, 249}},
			{ISO: "UZB", Text: "Uzbekistan", At: Point{330, 628}, From: Point{430, 515}},
			{ISO: "KGZ", Text: "Kyrgyzstan", At: Point{790, 515}, From: Point{600, 500}},
			{ISO: "TJK", Text: "Tajikistan", At: Point{660, 660}, From: Point{550, 565}},
		},
	},
	{
		// Small tablets, embeds and the two-column page at 1280 px.
		Name: "s", MinWidth: 420, Font: 29, InsetShare: 0.4,
		Labels: []PlacedLabel{
			{ISO: "RUS", Text: "Russia", At: Point{450, 150}},
			{ISO: "KAZ", Text: "Kazakhstan", At: Point{507, 406}},
			{ISO: "BLR", Text: "Belarus", At: Point{133, 249}},
			{ISO: "UKR", Text: "Ukraine", At: Point{141, 322}},
			{ISO: "TUR", Text: "Turkey", At: Point{80, 480}},
			{ISO: "IRN", Text: "Iran", At: Point{325, 653}},
			{ISO: "AFG", Text: "Afghanistan", At: Point{478, 632}},
			{ISO: "TKM", Text: "Turkmenistan", At: Point{420, 580}},
			{ISO: "UZB", Text: "Uzbekistan", At: Point{443, 508}},
			{ISO: "KGZ", Text: "Kyrgyzstan", At: Point{730, 500}, From: Point{610, 503}},
			{ISO: "TJK", Text: "Tajikistan", At: Point{710, 572}, From: Point{568, 565}},
		},
	},
	{Name: "m", MinWidth: 640, Font: 19, InsetShare: 0.33, Labels: wideLabels},
	{Name: "l", MinWidth: 960, Font: 13, InsetShare: 0.3, Labels: wideLabels},
}

// Box estimates the name's box at font size font, in viewBox units: wide
// enough for the system sans-serif fonts (0.6 of the size a character).
func (l PlacedLabel) Box(font float64) Rect {
	w := float64(len([]rune(l.Text))) * 0.6 * font
	h := 1.2 * font
	return Rect{X: l.At.X - w/2, Y: l.At.Y - h/2, W: w, H: h}
}

// LeaderEnd is where the leader line from From meets the name's box.
func (l PlacedLabel) LeaderEnd(font float64) Point {
	b := l.Box(font)
	p := Point{min(max(l.From.X, b.X), b.X+b.W), min(max(l.From.Y, b.Y), b.Y+b.H)}
	return p
}

// insetLabels name the South Caucasus in the inset. The generated points
// (Country.InsetLabel) put Armenia's and Azerbaijan's names 11 units apart,
// which collide at the size that reads in the inset on a small map.
var insetLabels = []PlacedLabel{
	{ISO: "GEO", Text: "Georgia", At: Point{205.6, 466.1}},
	{ISO: "ARM", Text: "Armenia", At: Point{212, 500}},
	{ISO: "AZE", Text: "Azerbaijan", At: Point{265, 521}},
}

// InsetLabels returns the names drawn in the inset.
func InsetLabels() []PlacedLabel { return append([]PlacedLabel(nil), insetLabels...) }

// InsetFonts are the inset's text sizes by band, in its viewBox units, as
// explainer.css sets them: each at least 12 CSS px at the band's narrowest.
var InsetFonts = map[string]float64{"xs": 8, "s": 12, "m": 9.5, "l": 7}
