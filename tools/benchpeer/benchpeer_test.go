package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"io"
	"math"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

// npm's integrity of the empty file, as `npm view` would give it.
func TestIntegrityIsNpmsForm(t *testing.T) {
	const empty = "sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg=="
	if got := integrity(nil); got != empty {
		t.Errorf("integrity of nothing = %s, want %s", got, empty)
	}
}

func tarball(t *testing.T, files map[string]string) io.Reader {
	t.Helper()
	var buf bytes.Buffer
	z := gzip.NewWriter(&buf)
	tw := tar.NewWriter(z)
	for name, body := range files {
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(body)), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		tw.Write([]byte(body))
	}
	tw.Close()
	z.Close()
	return &buf
}

// The page gets the built script, the stylesheet and its icons; not the
// source maps or the sources.
func TestUntarDistKeepsWhatThePageLoads(t *testing.T) {
	files, err := untarDist(tarball(t, map[string]string{
		"package/dist/js/timeline.js":         "js",
		"package/dist/js/timeline.js.map":     "map",
		"package/dist/css/timeline.css":       "css",
		"package/dist/css/icons/tl-icons.ttf": "font",
		"package/dist/css/fonts/font.x.css":   "@import url(https://fonts.example)",
		"package/src/js/Timeline.js":          "source",
	}))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"/js/timeline.js": "js", "/css/timeline.css": "css", "/css/icons/tl-icons.ttf": "font"}
	if len(files) != len(want) {
		t.Errorf("files %v, want %v", keys(files), want)
	}
	for name, body := range want {
		if string(files[name]) != body {
			t.Errorf("%s = %q, want %q", name, files[name], body)
		}
	}
	if _, err := untarDist(tarball(t, map[string]string{"package/dist/css/timeline.css": "css"})); err == nil {
		t.Error("a package without timeline.js was accepted")
	}
}

func keys(m map[string][]byte) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

// TimelineJS's side is served compressed as ours is: the page with gzip,
// the rest with brotli where the browser takes it.
func TestServeStaticCompresses(t *testing.T) {
	script := strings.Repeat("var timeline = 1;\n", 200)
	base, stop, err := serveStatic(map[string][]byte{"/": []byte("<!DOCTYPE html><p>page"), "/js/timeline.js": []byte(script)})
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	get := func(path, accept string) (*http.Response, []byte) { return getAccepting(t, base+path, accept) }
	res, b := get("/js/timeline.js", "gzip, deflate, br")
	if res.Header.Get("Content-Encoding") != "br" || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/javascript") {
		t.Fatalf("script: %v", res.Header)
	}
	if plain, _ := io.ReadAll(brotli.NewReader(bytes.NewReader(b))); string(plain) != script || len(b) >= len(script)/4 {
		t.Errorf("script: %d brotli bytes decode to %d, want %d", len(b), len(plain), len(script))
	}
	res, b = get("/", "gzip, deflate, br")
	if res.Header.Get("Content-Encoding") != "gzip" || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("page: %v", res.Header)
	}
	z, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if plain, _ := io.ReadAll(z); string(plain) != "<!DOCTYPE html><p>page" {
		t.Errorf("page decodes to %q", plain)
	}
	if res, _ := get("/timeline.js.map", "br"); res.StatusCode != http.StatusNotFound {
		t.Errorf("an unknown path answers %d", res.StatusCode)
	}
}

func TestMedianMaximumAndRatio(t *testing.T) {
	if m := median([]float64{5, 1, 3}); m != 3 {
		t.Errorf("median of 5 1 3 = %g", m)
	}
	if m := median([]float64{4, 1, 3, 2}); m != 2.5 {
		t.Errorf("median of 4 1 3 2 = %g", m)
	}
	if !math.IsNaN(median(nil)) || maximum([]float64{1, 7, 3}) != 7 || minimum([]float64{4, 2, 9}) != 2 {
		t.Error("median of nothing, maximum or minimum is wrong")
	}
	if r := ratio([]float64{48, 50}, []float64{12, 13}); r != "3.92" {
		t.Errorf("ratio = %s", r)
	}
	if r := ratio([]float64{48}, nil); r != "—" {
		t.Errorf("ratio without TimelineJS's figure = %s", r)
	}
	for v, want := range map[float64]string{1214.4: "1,214", 83: "83", 1234567: "1,234,567", -1500: "-1,500"} {
		if got := thousands(v); got != want {
			t.Errorf("thousands(%g) = %s, want %s", v, got, want)
		}
	}
}

// The table keeps ours/theirs as its ratio and gives the floor a last
// column, its Next button in the click rows, with a dash where the floor
// has nothing to measure.
func TestPrintTableHasTheFloorColumn(t *testing.T) {
	r := &results{
		Runs: 2, Clicks: 1, CPUs: 2, Events: 3, Eras: 1, TimelineJS: "tl@1", Floor: floorPackage, FloorWasm: 4_800_000,
		Samples: map[string]map[string][]float64{},
		Lighthouse: []lighthouseResult{
			{Side: ours, Page: "/embed?view=timeline", Preset: "mobile", Score: 90, TBT: 200},
			{Side: theirs, Page: "/", Preset: "mobile", Score: 80, TBT: 400},
			{Side: floor, Page: "/", Preset: "mobile", Score: 97, TBT: 60},
			{Side: floor, Page: "/", Preset: "mobile", Score: 99, TBT: 40},
			{Side: ours, Page: "/", Preset: "desktop", Score: 100, TBT: 0},
			{Side: theirs, Page: "/", Preset: "desktop", Score: 99, TBT: 10},
		},
	}
	for side, v := range map[string][]float64{ours: {500, 700}, theirs: {250, 250}, floor: {300, 320, 310}} {
		for _, x := range v {
			r.add("ready/desktop", side, x)
		}
	}
	r.add("frame/event/desktop", ours, 40)
	r.add("frame/event/desktop", theirs, 20)
	r.add("frame/event/desktop", floor, 9)
	r.add("frame/event/desktop", floor, 11)
	r.add("frame/event/phone", ours, 90)
	r.add("frame/state/desktop", ours, 30)
	r.add("longtask/phone", floor, 180)
	var b strings.Builder
	printTable(&b, r)
	out := b.String()
	lines := map[string]string{}
	for _, l := range strings.Split(out, "\n") {
		if cells := strings.Split(l, " | "); strings.HasPrefix(l, "| ") && len(cells) > 1 {
			lines[strings.TrimPrefix(cells[0], "| ")] = l
		}
	}
	for label, want := range map[string]string{
		"ready (ours and the floor: data-ready; TimelineJS: loaded), desktop":   "| 600 ms | 700 ms | 250 ms | 250 ms | 2.40 | 310 ms / 320 ms |",
		"click next event → updated frame painted, desktop":                     "| 40 ms | 40 ms | 20 ms | 20 ms | 2.00 | 10 ms / 11 ms |",
		"same, phone 360 px with 4x CPU throttling":                             "| 90 ms | 90 ms | — | — | — | — |",
		"click a state on the map → frame, desktop":                             "| 30 ms | 30 ms | — | — | — | — |",
		"longest main-thread task during start, phone at 4x":                    "| — | — | — | — | — | 180 ms / 180 ms |",
		"Lighthouse 12 mobile performance, ours /embed?view=timeline (min-max)": "| 90-90 (median 90) | | 80-80 (median 80) | | 1.12 | 97-99 (median 98) |",
		"Lighthouse 12 desktop performance, ours the page /":                    "| 100-100 (median 100) | | 99-99 (median 99) | | 1.01 | — |",
		"Lighthouse total blocking time, mobile, ours /embed?view=timeline":     "| 200 ms | 200 ms | 400 ms | 400 ms | 0.50 | 50 ms / 60 ms |",
	} {
		if l, ok := lines[label]; !ok || !strings.HasSuffix(l, want) {
			t.Errorf("row %q = %q, want it to end %q", label, lines[label], want)
		}
	}
	const header = "| | ours median | ours max | TimelineJS median | TimelineJS max | ours/theirs | go-app floor median / max |\n"
	if !strings.Contains(out, header) {
		t.Errorf("no header %q in:\n%s", header, out)
	}
	if _, ok := lines["bytes over the wire"]; ok {
		t.Error("a row none of the sides measured is printed")
	}
	if !strings.Contains(out, "4,800 KB of wasm") {
		t.Errorf("the floor's wasm size is not told:\n%s", out)
	}
}

// A load's clicks are filed by what was clicked and the device, the
// floor's Next beside the timelines' next event; a click Event Timing left
// out counts as 16 ms and is told, whichever side it was.
func TestRecordFilesTheFloorsClicks(t *testing.T) {
	r := &results{Runs: 1, Clicks: 2, Samples: map[string]map[string][]float64{}, Loads: map[string][]loadResult{}, BelowThresh: map[string]int{}}
	r.record(floor, floorPage, phone, loadResult{Ready: 900, Clicks: []clicked{
		{What: "event", Frame: 30, Duration: 24},
		{What: "event", Frame: 12, Duration: -1},
	}})
	r.record(ours, "timeline", phone, loadResult{Ready: 1500, Clicks: []clicked{{What: "event", Frame: 80, Duration: 72}}})
	for metric, want := range map[string][]float64{
		"frame/event/phone":    {30, 12},
		"duration/event/phone": {24, 16},
		"ready/phone":          {900},
	} {
		if got := r.Samples[metric][floor]; !slices.Equal(got, want) {
			t.Errorf("%s of the floor = %v, want %v", metric, got, want)
		}
	}
	if r.BelowThresh[floor] != 1 || r.BelowThresh[ours] != 0 {
		t.Errorf("clicks under 16 ms: %v", r.BelowThresh)
	}
	if n := len(r.Loads[floor+"/"+floorPage+"/phone"]); n != 1 {
		t.Errorf("%d floor loads filed on a phone, want 1", n)
	}
	var b strings.Builder
	printTable(&b, r)
	if want := "0 clicks of ours, 0 of TimelineJS and 1 of the floor were shorter"; !strings.Contains(b.String(), want) {
		t.Errorf("the table does not say %q:\n%s", want, b.String())
	}
}

// getAccepting gets u with that Accept-Encoding and returns the response
// and its body as sent: no transparent gunzip.
func getAccepting(t *testing.T, u, accept string) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequest("GET", u, nil)
	req.Header.Set("Accept-Encoding", accept)
	res, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, b
}
