package main

import (
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
)

// median of xs; NaN for none.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if n := len(s); n%2 == 1 {
		return s[n/2]
	} else {
		return (s[n/2-1] + s[n/2]) / 2
	}
}

func maximum(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	m := xs[0]
	for _, x := range xs[1:] {
		m = math.Max(m, x)
	}
	return m
}

func minimum(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	m := xs[0]
	for _, x := range xs[1:] {
		m = math.Min(m, x)
	}
	return m
}

// units format a figure.
var (
	ms    = func(v float64) string { return fmt.Sprintf("%.0f ms", v) }
	kb    = func(v float64) string { return fmt.Sprintf("%s KB", thousands(v/1000)) }
	mb    = func(v float64) string { return fmt.Sprintf("%.1f MB", v/1e6) }
	count = func(v float64) string { return thousands(v) }
	score = func(v float64) string { return fmt.Sprintf("%.0f", v) }
)

// thousands writes v rounded, with commas: 1,214.
func thousands(v float64) string {
	s := fmt.Sprintf("%.0f", v)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 && s[i-1] != '-' {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// cells are a side's median and maximum, or a dash where it has none.
func cells(xs []float64, unit func(float64) string) (string, string) {
	if len(xs) == 0 {
		return "—", "—"
	}
	return unit(median(xs)), unit(maximum(xs))
}

// floorCell is the floor's median and maximum in one cell, or a dash.
func floorCell(xs []float64, unit func(float64) string) string {
	if len(xs) == 0 {
		return "—"
	}
	return unit(median(xs)) + " / " + unit(maximum(xs))
}

// ratio is ours/theirs of the medians, or a dash.
func ratio(a, b []float64) string {
	if len(a) == 0 || len(b) == 0 || median(b) == 0 {
		return "—"
	}
	return fmt.Sprintf("%.2f", median(a)/median(b))
}

// printTable writes the comparison as a Markdown table, as the issue has
// it, with maxima and the ratio of the medians, and the go-app floor in a
// last column, to read beside ours: what of our figure the stack costs
// by itself.
func printTable(w io.Writer, r *results) {
	rows := []struct {
		label, metric string
		unit          func(float64) string
	}{
		{"click next event → updated frame painted, desktop", "frame/event/desktop", ms},
		{"same, phone 360 px with 4x CPU throttling", "frame/event/phone", ms},
		{"click a state on the map → frame, desktop", "frame/state/desktop", ms},
		{"same, phone at 4x", "frame/state/phone", ms},
		{"click a date on the scrubber → frame, desktop", "frame/date/desktop", ms},
		{"same, phone at 4x", "frame/date/phone", ms},
		{"click next event: event duration (Event Timing, as INP counts it), desktop", "duration/event/desktop", ms},
		{"same, phone at 4x", "duration/event/phone", ms},
		{"ready (ours and the floor: data-ready; TimelineJS: loaded), desktop", "ready/desktop", ms},
		{"same, phone at 4x", "ready/phone", ms},
		{"longest main-thread task during start, phone at 4x", "longtask/phone", ms},
		{"bytes over the wire", "bytes", kb},
		{"FCP, desktop", "fcp", ms},
		{"LCP, desktop", "lcp", ms},
		{"DOM elements", "elements", count},
		{"JS heap (Performance.getMetrics, after GC)", "jsheap", mb},
		{"wasm memory (not in the JS heap)", "wasmmem", mb},
		{"JS heap growth after 50 more selections (after GC), desktop", "growth/jsheap", mb},
		{"wasm memory growth after 50 more selections, desktop", "growth/wasmmem", mb},
		{"JS heap growth over the next 50 selections", "growth2/jsheap", mb},
		{"wasm memory growth over the next 50 selections", "growth2/wasmmem", mb},
	}
	fmt.Fprintf(w, "Side by side with %s: %d events and %d eras on both sides; %d alternating runs per side, %d clicks per load, a fresh Chromium profile per load.\n",
		r.TimelineJS, r.Events, r.Eras, r.Runs, r.Clicks)
	fmt.Fprintf(w, "Load average (1, 5, 15 min) on %d CPUs: %s at the start, %s at the end; the 1-minute average peaked at %.2f.\n",
		r.CPUs, r.LoadBefore, r.LoadAfter, r.LoadPeak)
	fmt.Fprintf(w, "The go-app floor is %s, go-app's smallest app (one route, one heading counting the clicks on a Next button; %s of wasm), built with our wasm's flags and served as ours is, compressed, through go-app's handler with our loader in its app.js: what the Go runtime and go-app cost by themselves, started our way. Its next event is a click on Next.\n",
		r.Floor, kb(float64(r.FloorWasm)))
	if r.Runs < 7 {
		fmt.Fprintln(w, "Fewer than 7 runs per side: a smoke run, not a measurement.")
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| | ours median | ours max | TimelineJS median | TimelineJS max | ours/theirs | go-app floor median / max |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|")
	for _, row := range rows {
		a, b, c := r.Samples[row.metric][ours], r.Samples[row.metric][theirs], r.Samples[row.metric][floor]
		if len(a) == 0 && len(b) == 0 && len(c) == 0 {
			continue
		}
		am, ax := cells(a, row.unit)
		bm, bx := cells(b, row.unit)
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s |\n", row.label, am, ax, bm, bx, ratio(a, b), floorCell(c, row.unit))
	}
	printLighthouse(w, r.Lighthouse)
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Click → frame: from the input event (pointerup) to the first task after the next frame once the page shows the click's effect.")
	if n := r.BelowThresh[ours] + r.BelowThresh[theirs] + r.BelowThresh[floor]; n > 0 {
		fmt.Fprintf(w, "Event Timing reports only events of 16 ms or more: %d clicks of ours, %d of TimelineJS and %d of the floor were shorter and count as 16 ms.\n",
			r.BelowThresh[ours], r.BelowThresh[theirs], r.BelowThresh[floor])
	}
	if r.RemoteMediaLeftOut > 0 {
		fmt.Fprintf(w, "%d media of other sites are left out of TimelineJS's side, which would load them at once; the explainer waits for the reader.\n", r.RemoteMediaLeftOut)
	}
	if len(r.Missed) > 0 {
		fmt.Fprintf(w, "%d clicks showed no change in 10 s and are left out, e.g.: %s\n", len(r.Missed), r.Missed[0])
	}
	if len(r.PageErrors) > 0 {
		fmt.Fprintf(w, "The pages logged %d errors, e.g.: %s\n", len(r.PageErrors), r.PageErrors[0])
	}
	if len(r.OffOrigin) > 0 {
		fmt.Fprintf(w, "OFF-ORIGIN REQUESTS (%d), e.g.: %s\n", len(r.OffOrigin), r.OffOrigin[0])
	} else {
		fmt.Fprintln(w, "No request left any page's origin.")
	}
}

// printLighthouse adds Lighthouse's rows: each of ours beside
// TimelineJS's page and the floor's with the same preset (the floor is
// audited on mobile only); scores as ranges.
func printLighthouse(w io.Writer, lr []lighthouseResult) {
	if len(lr) == 0 {
		return
	}
	pick := func(side, page, preset string, f func(lighthouseResult) float64) []float64 {
		var xs []float64
		for _, r := range lr {
			if r.Side == side && (page == "" || r.Page == page) && r.Preset == preset {
				xs = append(xs, f(r))
			}
		}
		return xs
	}
	scoreOf := func(r lighthouseResult) float64 { return r.Score }
	tbtOf := func(r lighthouseResult) float64 { return r.TBT }
	spanMedian := func(xs []float64) string {
		if len(xs) == 0 {
			return "—"
		}
		return fmt.Sprintf("%s-%s (median %s)", score(minimum(xs)), score(maximum(xs)), score(median(xs)))
	}
	type page struct{ path, preset, label string }
	pages := []page{
		{"/embed?view=timeline", "mobile", "Lighthouse 12 mobile performance, ours /embed?view=timeline (min-max)"},
		{"/embed?view=map", "mobile", "same, ours /embed?view=map"},
		{"/embed?view=all", "mobile", "same, ours /embed?view=all"},
		{"/", "desktop", "Lighthouse 12 desktop performance, ours the page /"},
	}
	for _, p := range pages {
		a, b, c := pick(ours, p.path, p.preset, scoreOf), pick(theirs, "", p.preset, scoreOf), pick(floor, "", p.preset, scoreOf)
		fmt.Fprintf(w, "| %s | %s | | %s | | %s | %s |\n", p.label, spanMedian(a), spanMedian(b), ratio(a, b), spanMedian(c))
	}
	for _, p := range pages {
		a, b, c := pick(ours, p.path, p.preset, tbtOf), pick(theirs, "", p.preset, tbtOf), pick(floor, "", p.preset, tbtOf)
		am, ax := cells(a, ms)
		bm, bx := cells(b, ms)
		label := "Lighthouse total blocking time, " + p.preset + ", ours " + p.path
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s |\n", label, am, ax, bm, bx, ratio(a, b), floorCell(c, ms))
	}
}
