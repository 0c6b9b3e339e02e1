package e2e

import (
	"cmp"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"
)

// TestProfileFollowing says where the main thread's time goes while the
// panels follow a scrolling reader: it scrolls through the article as
// make bench does, under Chromium's tracer and V8's sampling profiler, and
// for every task of 50 ms or more prints the split between the browser's
// own work (style, layout, paint, the observer) and the app's code, and
// the app's functions that took the most. It measures, it does not judge,
// and runs only when E2E_PROFILE is set. Function names need a wasm built
// with its symbols (without -ldflags=-s). E2E_PROFILE_MOTION=1 profiles a
// reader who has not asked for reduced motion, the map's colours fading:
//
//	GOOS=js GOARCH=wasm go build -trimpath -o web/app.wasm . && go run ./tools/precompress web/app.wasm
//	E2E_PROFILE=1 go test -count=1 -run '^TestProfileFollowing$' -v ./e2e
func TestProfileFollowing(t *testing.T) {
	if os.Getenv("E2E_PROFILE") == "" {
		t.Skip("set E2E_PROFILE=1 to profile the panels following a scroll")
	}
	tb := newTab(t, 180*time.Second)
	if os.Getenv("E2E_PROFILE_MOTION") != "" {
		if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: "no-preference"}},
		}); err != nil {
			t.Fatal(err)
		}
	}
	tb.open(t, "/")
	tb.waitReady(t)
	tb.do(t, chromedp.Sleep(time.Second)) // the panels mount after data-ready

	var passes scrollTimes
	events, prof := traceWhile(t, tb, 200, func() {
		passes = eval[scrollTimes](t, tb, scrollArticle+`(3)`)
	})
	t.Logf("longest task in each pass (ms): %v; map updates: %v", passes.LongTask, passes.Updates)

	onMain := onMainThread(events, isComplete)
	// The tasks in which the app's code ran, by their wall time and by
	// the main thread's CPU time in them: on a shared machine the first
	// includes waiting for a core, the second does not.
	var wall, cpu []float64
	for _, e := range onMain {
		if e.Name == "RunTask" && e.Dur >= 1000 {
			wall, cpu = append(wall, e.Dur/1000), append(cpu, e.Tdur/1000)
		}
	}
	slices.Sort(wall)
	slices.Sort(cpu)
	t.Logf("main-thread tasks of 1 ms or more: %d; 50 ms or more: %d by wall time, %d by CPU time", len(wall), countFrom(wall, 50), countFrom(cpu, 50))
	t.Logf("their CPU time (ms): median %.1f, 90th %.1f, max %.1f; wall time: median %.1f, 90th %.1f, max %.1f",
		pct(cpu, 50), pct(cpu, 90), pct(cpu, 100), pct(wall, 50), pct(wall, 90), pct(wall, 100))
	self := selfTimes(onMain)
	samples := sampleTimes(prof.Profile)
	// The costliest tasks by CPU time, each split between the app's update
	// (go-app's render and diff), the Go garbage collector, and the
	// browser's style, layout and paint.
	var tasks []traceEvent
	for _, e := range onMain {
		if e.Name == "RunTask" {
			tasks = append(tasks, e)
		}
	}
	slices.SortFunc(tasks, func(a, b traceEvent) int { return cmp.Compare(b.Tdur, a.Tdur) })
	t.Logf("%-8s %8s %8s %8s %8s %8s %8s %8s", "task", "wall", "cpu", "update", "go gc", "style", "layout", "paint")
	for i, task := range tasks[:min(15, len(tasks))] {
		ev := self.within(task)
		_, incl := samples.within(task.Ts, task.Ts+task.Dur)
		sum := func(m map[string]float64, names ...string) float64 {
			var total float64
			for _, n := range names {
				total += m[n]
			}
			return total
		}
		t.Logf("%-8d %8.1f %8.1f %8.1f %8.1f %8.1f %8.1f %8.1f", i+1, task.Dur/1000, task.Tdur/1000,
			incl["github.com_maxence_charriere_go_app_v10_pkg_app.__engineX_.processFrame"],
			sum(incl, "runtime.gcBgMarkWorker", "runtime.gcAssistAlloc", "runtime.bgsweep", "runtime.bgscavenge"),
			sum(ev, "UpdateLayoutTree", "RecalculateStyles", "ParseAuthorStyleSheet"),
			sum(ev, "Layout", "IntersectionObserverController::computeIntersections", "UpdateLayerTree"),
			sum(ev, "Paint", "PrePaint", "Layerize", "PaintImage", "Commit", "CompositeLayers"))
	}
	for _, task := range onMain {
		if task.Name != "RunTask" || task.Dur < 50_000 {
			continue
		}
		var b strings.Builder
		fmt.Fprintf(&b, "task of %.1f ms at %.0f ms; self time by trace event:", task.Dur/1000, task.Ts/1000)
		for _, kv := range topN(self.within(task), 10) {
			fmt.Fprintf(&b, "\n    %-50s %7.1f ms", kv.name, kv.ms)
		}
		b.WriteString("\n  sampled functions, self (inclusive):")
		selfFn, incl := samples.within(task.Ts, task.Ts+task.Dur)
		for _, kv := range topN(selfFn, 15) {
			fmt.Fprintf(&b, "\n    %-70s %7.1f ms (%.1f)", kv.name, kv.ms, incl[kv.name])
		}
		b.WriteString("\n  sampled functions, inclusive:")
		for _, kv := range topN(incl, 25) {
			fmt.Fprintf(&b, "\n    %-70s %7.1f ms", kv.name, kv.ms)
		}
		t.Log(b.String())
	}
}

type traceEvent struct {
	Name string          `json:"name"`
	Ph   string          `json:"ph"`
	Ts   float64         `json:"ts"`
	Dur  float64         `json:"dur"`
	Tdur float64         `json:"tdur"` // the thread's CPU time: what the machine's load does not inflate
	Pid  int             `json:"pid"`
	Tid  int             `json:"tid"`
	Args json.RawMessage `json:"args"`
}

func parseTrace(t *testing.T, raw []json.RawMessage) []traceEvent {
	t.Helper()
	out := make([]traceEvent, 0, len(raw))
	for _, r := range raw {
		var e traceEvent
		if err := json.Unmarshal(r, &e); err != nil {
			t.Fatal(err)
		}
		out = append(out, e)
	}
	return out
}

type threadID struct{ pid, tid int }

// mainThread is the page's main thread: of the renderers' main threads
// the trace names (other tabs of the shared browser may have some), the
// one that ran the most.
func mainThread(events []traceEvent) threadID {
	busy := map[threadID]float64{}
	for _, e := range events {
		if e.Ph == "M" && e.Name == "thread_name" && strings.Contains(string(e.Args), "CrRendererMain") {
			busy[threadID{e.Pid, e.Tid}] += 0
		}
	}
	for _, e := range events {
		id := threadID{e.Pid, e.Tid}
		if _, ok := busy[id]; ok && e.Name == "RunTask" {
			busy[id] += e.Dur
		}
	}
	var main threadID
	most := -1.0
	for id, d := range busy {
		if d > most {
			main, most = id, d
		}
	}
	return main
}

// eventSelf is each complete event's time minus its children's.
type eventSelf struct {
	events []traceEvent
	self   []float64
}

func selfTimes(sorted []traceEvent) eventSelf {
	s := eventSelf{events: sorted, self: make([]float64, len(sorted))}
	var stack []int
	for i, e := range sorted {
		for len(stack) > 0 {
			top := sorted[stack[len(stack)-1]]
			if e.Ts < top.Ts+top.Dur {
				break
			}
			stack = stack[:len(stack)-1]
		}
		s.self[i] = e.Dur
		if len(stack) > 0 {
			s.self[stack[len(stack)-1]] -= e.Dur
		}
		stack = append(stack, i)
	}
	return s
}

func (s eventSelf) within(task traceEvent) map[string]float64 {
	out := map[string]float64{}
	for i, e := range s.events {
		if e.Ts >= task.Ts && e.Ts+e.Dur <= task.Ts+task.Dur {
			out[e.Name] += s.self[i] / 1000
		}
	}
	return out
}

// profileSamples are the profile's samples as times and stacks.
type profileSamples struct {
	at    []float64 // µs, the trace's clock
	leaf  []string
	stack [][]string
}

func sampleTimes(p *profiler.Profile) profileSamples {
	parent := map[int64]int64{}
	name := map[int64]string{}
	for _, n := range p.Nodes {
		fn := n.CallFrame.FunctionName
		if fn == "" {
			fn = "(anonymous " + n.CallFrame.URL + ")"
		}
		name[n.ID] = fn
		for _, c := range n.Children {
			parent[c] = n.ID
		}
	}
	var s profileSamples
	at := p.StartTime
	for i, id := range p.Samples {
		at += float64(p.TimeDeltas[i])
		var stack []string
		for n, ok := id, true; ok; n, ok = parent[n] {
			stack = append(stack, name[n])
		}
		s.at = append(s.at, at)
		s.leaf = append(s.leaf, name[id])
		s.stack = append(s.stack, stack)
	}
	return s
}

// within returns each function's self and inclusive time in ms between
// from and to (µs).
func (s profileSamples) within(from, to float64) (self, incl map[string]float64) {
	self, incl = map[string]float64{}, map[string]float64{}
	for i, at := range s.at {
		if at < from || at >= to {
			continue
		}
		d := 0.0
		if i+1 < len(s.at) {
			d = (s.at[i+1] - at) / 1000
		}
		self[s.leaf[i]] += d
		seen := map[string]bool{}
		for _, fn := range s.stack[i] {
			if !seen[fn] {
				seen[fn] = true
				incl[fn] += d
			}
		}
	}
	return self, incl
}

type namedMS struct {
	name string
	ms   float64
}

func topN(m map[string]float64, n int) []namedMS {
	var out []namedMS
	for k, v := range m {
		out = append(out, namedMS{k, v})
	}
	slices.SortFunc(out, func(a, b namedMS) int { return cmp.Compare(b.ms, a.ms) })
	return out[:min(n, len(out))]
}

func countFrom(sorted []float64, from float64) int {
	i, _ := slices.BinarySearch(sorted, from)
	return len(sorted) - i
}

// pct is the p-th percentile of sorted, by the nearest rank.
func pct(sorted []float64, p float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	i := int(float64(len(sorted))*p/100+0.5) - 1
	return sorted[max(0, min(i, len(sorted)-1))]
}

// TestProfileStartup is the same split for the app's start: from opening
// a page until it is ready and settled, every main-thread task of 10 ms or
// more in the order they ran, each with the trace events and the app's
// functions that took the most in it (the long ones are what Total
// Blocking Time sees). It runs only when E2E_PROFILE is set.
// E2E_PROFILE_PATH picks the page ("/" by default; "/embed?view=timeline"
// say) and E2E_PROFILE_CPU slows the CPU by that factor (4, a phone), as
// make bench-peer does.
func TestProfileStartup(t *testing.T) {
	if os.Getenv("E2E_PROFILE") == "" {
		t.Skip("set E2E_PROFILE=1 to profile the app's start")
	}
	path := cmp.Or(os.Getenv("E2E_PROFILE_PATH"), "/")
	tb := newTab(t, 180*time.Second)
	if rate, _ := strconv.ParseFloat(os.Getenv("E2E_PROFILE_CPU"), 64); rate > 1 {
		if _, err := chromedp.Call(tb.ctx, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: rate}); err != nil {
			t.Fatal(err)
		}
	}
	var ready float64
	events, prof := traceWhile(t, tb, 200, func() {
		tb.open(t, path)
		tb.waitReady(t)
		ready = eval[float64](t, tb, `performance.getEntriesByType("navigation")[0] && performance.now()`)
		tb.do(t, chromedp.Sleep(2*time.Second)) // the service worker installs after ready
	})
	t.Logf("%s: ready seen at about %.0f ms after navigation start", path, ready)
	onMain := onMainThread(events, isComplete)
	var origin float64 // the navigation's start: the first task's
	for _, e := range onMain {
		if e.Name == "RunTask" {
			origin = e.Ts
			break
		}
	}
	self := selfTimes(onMain)
	samples := sampleTimes(prof.Profile)
	var busy float64
	for _, task := range onMain {
		if task.Name != "RunTask" || task.Dur < 10_000 {
			continue
		}
		busy += task.Dur
		var b strings.Builder
		fmt.Fprintf(&b, "task at %.0f ms: %.1f ms wall, %.1f ms CPU; self time by trace event:", (task.Ts-origin)/1000, task.Dur/1000, task.Tdur/1000)
		for _, kv := range topN(self.within(task), 8) {
			fmt.Fprintf(&b, "\n    %-50s %7.1f ms", kv.name, kv.ms)
		}
		b.WriteString("\n  sampled functions, inclusive:")
		_, incl := samples.within(task.Ts, task.Ts+task.Dur)
		for _, kv := range topN(incl, 20) {
			fmt.Fprintf(&b, "\n    %-80s %7.1f ms", kv.name, kv.ms)
		}
		t.Log(b.String())
	}
	t.Logf("tasks of 10 ms or more: %.1f ms in all", busy/1000)
}

// onMainThread returns the main thread's events that keep accepts, by
// start, the longer first of two that start together (a task before what
// runs inside it).
func onMainThread(events []traceEvent, keep func(traceEvent) bool) []traceEvent {
	main := mainThread(events)
	var onMain []traceEvent
	for _, e := range events {
		if e.Pid == main.pid && e.Tid == main.tid && keep(e) {
			onMain = append(onMain, e)
		}
	}
	slices.SortFunc(onMain, func(a, b traceEvent) int {
		return cmp.Or(cmp.Compare(a.Ts, b.Ts), cmp.Compare(b.Dur, a.Dur))
	})
	return onMain
}

// isComplete reports whether e is a complete event: one with a duration.
func isComplete(e traceEvent) bool { return e.Ph == "X" }

// traceWhile runs fn under Chromium's tracer and V8's sampling profiler,
// sampling every intervalMicros, and returns what they recorded.
func traceWhile(t *testing.T, tb *tab, intervalMicros int64, fn func()) ([]traceEvent, *profiler.StopResult) {
	t.Helper()
	var mu sync.Mutex
	var raw []json.RawMessage
	done := make(chan struct{})
	listenErr := chromedp.Listen(tb.ctx, func(ev any) {
		switch ev := ev.(type) {
		case *tracing.EventDataCollected:
			mu.Lock()
			for _, v := range ev.Value {
				raw = append(raw, json.RawMessage(v))
			}
			mu.Unlock()
		case *tracing.EventTracingComplete:
			close(done)
		}
	})
	if listenErr != nil {
		t.Fatal(listenErr)
	}
	call := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	_, err := chromedp.Call(tb.ctx, profiler.Enable, cdp.Empty{})
	call(err)
	_, err = chromedp.Call(tb.ctx, profiler.SetSamplingInterval, profiler.SetSamplingIntervalParams{Interval: intervalMicros})
	call(err)
	_, err = chromedp.Call(tb.ctx, tracing.Start, tracing.StartParams{
		TransferMode: tracing.StartTransferModeReportEvents,
		TraceConfig: &tracing.TraceConfig{IncludedCategories: []string{
			"devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "v8.execute", "v8.wasm", "blink", "blink.user_timing", "__metadata",
		}},
	})
	call(err)
	_, err = chromedp.Call(tb.ctx, profiler.Start, cdp.Empty{})
	call(err)
	fn()
	prof, err := chromedp.Call(tb.ctx, profiler.Stop, cdp.Empty{})
	call(err)
	_, err = chromedp.Call(tb.ctx, tracing.End, cdp.Empty{})
	call(err)
	select {
	case <-done:
	case <-time.After(60 * time.Second):
		t.Fatal("the trace never completed")
	}
	mu.Lock()
	defer mu.Unlock()
	return parseTrace(t, raw), &prof
}
