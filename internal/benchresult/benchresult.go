// Package benchresult holds the browser half of the performance budget:
// the results e2e's TestBudget measures and tools/budget reads back and
// prints, with the statistics both report. One type for both ends keeps
// the JSON they exchange from drifting apart.
package benchresult

import "slices"

// Browser is what e2e's TestBudget measures in Chromium, in milliseconds
// and bytes, and writes as JSON for tools/budget to print.
type Browser struct {
	Runs int `json:"runs"`

	ColdFCP       []float64 `json:"cold_fcp_ms"`       // first contentful paint, fresh browser context
	ColdWasmEnd   []float64 `json:"cold_wasm_end_ms"`  // app.wasm fully received
	ColdReady     []float64 `json:"cold_ready_ms"`     // navigation start to data-ready
	ColdLongTask  []float64 `json:"cold_long_task_ms"` // the longest main-thread task during load
	FCPBeforeWasm int       `json:"fcp_before_wasm"`   // runs whose first paint came before the wasm had arrived
	FCPBeforeRdy  int       `json:"fcp_before_ready"`  // runs whose first paint came before data-ready
	WarmFCP       []float64 `json:"warm_fcp_ms"`       // the same with the service worker in control
	WarmReady     []float64 `json:"warm_ready_ms"`
	WarmFromSW    int       `json:"warm_wasm_from_sw"` // warm runs whose wasm the service worker served

	// On a phone the app starts as the reader nears the panels (cold).
	PhoneReadLongTask []float64 `json:"phone_read_long_task_ms"` // the longest task from navigation until the reader nears the panels, wasm downloaded
	PhoneNearToReady  []float64 `json:"phone_near_to_ready_ms"`  // scroll to a screen above the panels -> data-ready

	SelectToMap   []float64 `json:"select_to_map_ms"`   // click on an event -> map date and event updated in the DOM
	SelectToFrame []float64 `json:"select_to_frame_ms"` // ... -> the next animation frame (about when it is painted)
	ScrubToMap    []float64 `json:"scrub_to_map_ms"`    // date slider change -> map updated in the DOM
	Missed        int       `json:"missed"`             // selections whose update did not show within 2 s

	// Reading: the page scrolled through the article and back, 40 px a
	// frame, with the panels following the paragraph being read.
	ScrollFrames     []float64 `json:"scroll_frame_ms"`     // every frame's interval during the scroll
	ScrollLongTask   []float64 `json:"scroll_long_task_ms"` // the longest task of each pass, 0 for none of 50 ms or more
	ScrollToMap      []float64 `json:"scroll_to_map_ms"`    // the scroll step before a map update -> the map's date updated in the DOM
	ScrollMapUpdates []float64 `json:"scroll_map_updates"`  // the map's date changes in each pass
	FadeFrames       []float64 `json:"fade_frame_ms"`       // the same scroll without reduced motion (the map's colours fade): frame intervals
	FadeLongTask     []float64 `json:"fade_long_task_ms"`   // ... and the longest task of each pass
	StillFrames      []float64 `json:"still_frame_ms"`      // the same scroll with following off: frame intervals
	StillLongTask    []float64 `json:"still_long_task_ms"`  // ... and the longest task of each pass

	JSHeapLoaded  float64 `json:"js_heap_loaded"`  // JavaScript heap after load (after a GC)
	JSHeapAfter50 float64 `json:"js_heap_after50"` // ... after 50 more selections
	WasmMemLoaded float64 `json:"wasm_mem_loaded"` // the Go program's linear memory
	WasmMemAfter  float64 `json:"wasm_mem_after50"`
}

// Median is the median of xs, 0 for none.
func Median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// Max is the largest of xs, 0 for none.
func Max(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	return slices.Max(xs)
}
