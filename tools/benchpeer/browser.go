package main

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/heapprofiler"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/performance"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// instrument runs in every page before the page's own scripts, on every
// side alike. It notes when the page is ready (the explainer's and the
// go-app floor's <html data-ready="true">; TimelineJS's page sets ready
// itself on its loaded event), every long task, the largest contentful
// paint and every Event Timing entry of 16 ms or more (the threshold INP
// uses), and keeps the wasm memory to read its size.
//
// arm(changed) starts the timing of one click: it resolves once changed()
// holds after the next pointerup, with that pointerup's time (the input
// event), the time the DOM changed, and the time of the first task after
// the next frame: a requestAnimationFrame callback runs just before the
// frame's style, layout and paint, and a message posted from it runs just
// after them.
const instrument = `(() => {
	const m = { longTasks: [], events: [], lcp: -1, lastUp: -1 };
	window.__peer = m;
	new MutationObserver(() => {
		if (!m.ready && document.documentElement?.dataset.ready === "true") m.ready = performance.now();
	}).observe(document, { attributes: true, attributeFilter: ["data-ready"], subtree: true });
	const observe = (type, fn, extra) => {
		try { new PerformanceObserver(l => l.getEntries().forEach(fn)).observe({ type, buffered: true, ...extra }) } catch (e) {}
	};
	observe("longtask", e => m.longTasks.push(e.duration));
	observe("largest-contentful-paint", e => { m.lcp = e.startTime });
	observe("event", e => m.events.push({ id: e.interactionId, start: e.startTime, duration: e.duration }), { durationThreshold: 16 });
	addEventListener("pointerup", e => { m.lastUp = e.timeStamp }, true);
	// The explainer's loader (ours and the floor's) instantiates a
	// compiled module; go-app's own app.js instantiates as the wasm
	// streams in.
	const instantiate = WebAssembly.instantiate, streaming = WebAssembly.instantiateStreaming;
	WebAssembly.instantiate = async function (...args) {
		const res = await instantiate.apply(this, args);
		m.wasm = (res.instance ?? res).exports.mem;
		return res;
	};
	if (streaming) WebAssembly.instantiateStreaming = async function (...args) {
		const res = await streaming.apply(this, args);
		m.wasm = res.instance.exports.mem;
		return res;
	};
	m.arm = (changed) => {
		const since = performance.now();
		m.since = since;
		m.pending = new Promise(resolve => {
			let done = false;
			const check = () => {
				if (done || !(m.lastUp > since) || !changed()) return;
				done = true;
				mo.disconnect();
				const dom = performance.now();
				requestAnimationFrame(() => {
					const ch = new MessageChannel();
					ch.port1.onmessage = () => resolve({ up: m.lastUp, dom, painted: performance.now() });
					ch.port2.postMessage(0);
				});
			};
			const mo = new MutationObserver(check);
			mo.observe(document, { attributes: true, childList: true, subtree: true, characterData: true });
			setTimeout(() => { if (!done) { done = true; mo.disconnect(); resolve(null) } }, 10000);
		});
		return true;
	};
	// The longest Event Timing entry of the interactions since arm: what
	// INP counts for that click.
	m.clickDuration = () => Math.max(-1, ...m.events.filter(e => e.id > 0 && e.start >= m.since).map(e => e.duration));
	// A point inside el where a click lands on el itself, not on
	// something drawn over it; null if there is none.
	m.pointIn = (el, fx) => {
		const r = el.getBoundingClientRect();
		const tries = [[fx ?? .5, .5]];
		if (fx === undefined) for (const y of [.5, .3, .7, .15, .85]) for (const x of [.5, .35, .65, .2, .8, .1, .9]) tries.push([x, y]);
		for (const [x0, y0] of tries) {
			const x = r.left + r.width * x0, y = r.top + r.height * y0;
			const hit = document.elementFromPoint(x, y);
			if (hit && (hit === el || el.contains(hit))) return { x, y };
		}
		return null;
	};
})()`

// device is the screen and CPU of a load.
type device struct {
	name     string
	phone    bool
	throttle float64 // CPU slow-down, 1 for none
}

var (
	desktop = device{name: "desktop"}
	phone   = device{name: "phone", phone: true, throttle: 4}
)

// loadResult is what one page load measured.
type loadResult struct {
	Ready     float64   `json:"ready"`     // ms from navigation start
	FCP       float64   `json:"fcp"`       // ms
	LCP       float64   `json:"lcp"`       // ms
	LongTask  float64   `json:"longTask"`  // the longest task until ready and settled, ms
	Bytes     float64   `json:"bytes"`     // encoded bytes received until then
	Elements  float64   `json:"elements"`  // elements in the document
	JSHeap    float64   `json:"jsHeap"`    // bytes, after a garbage collection
	WasmMem   float64   `json:"wasmMem"`   // the wasm's linear memory, bytes; 0 without wasm
	OffOrigin []string  `json:"offOrigin"` // requests to any other origin
	Errors    []string  `json:"errors"`    // exceptions and failed requests
	Clicks    []clicked `json:"clicks"`
	// What 50 more selections added to the JS heap and to the wasm's
	// memory, each read after a garbage collection, and what 50 after
	// those added: the wasm's memory is the Go heap's high-water mark,
	// which grows to the collector's goal once and then holds unless
	// something leaks. Measured on our timeline on a desktop only.
	HeapGrowth  float64 `json:"heapGrowth,omitempty"`
	WasmGrowth  float64 `json:"wasmGrowth,omitempty"`
	HeapGrowth2 float64 `json:"heapGrowth2,omitempty"`
	WasmGrowth2 float64 `json:"wasmGrowth2,omitempty"`
}

// clicked is one timed click.
type clicked struct {
	What     string  `json:"what"`     // event, state or date
	Frame    float64 `json:"frame"`    // input event to the end of the next frame after the change, ms
	DOM      float64 `json:"dom"`      // input event to the change, ms
	Duration float64 `json:"duration"` // the longest Event Timing entry; -1 if none reached 16 ms
}

// load is one page in a browser of its own.
type load struct {
	ctx    context.Context
	cancel func()
	dir    string

	mu       sync.Mutex
	origin   string
	bytes    float64
	off      []string
	errors   []string
	requests map[network.RequestID]string
}

// openPage starts a fresh Chromium with an empty profile of its own,
// makes it the device, and opens u; it returns once the page is ready and
// settle has passed, with the start-up figures measured.
func openPage(chrome, u string, dev device, settle time.Duration) (*load, loadResult, error) {
	var res loadResult
	dir, err := os.MkdirTemp("", "benchpeer-profile-")
	if err != nil {
		return nil, res, err
	}
	parsed, err := url.Parse(u)
	if err != nil {
		return nil, res, err
	}
	l := &load{dir: dir, origin: parsed.Scheme + "://" + parsed.Host, requests: map[network.RequestID]string{}}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chrome),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(dir),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-quic", true),
		chromedp.WindowSize(1280, 800),
	)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc, chromedp.WithListener(l.record))
	ctx, cancelTimeout := context.WithTimeout(ctx, 3*time.Minute)
	l.ctx = ctx
	l.cancel = func() { cancelTimeout(); cancelCtx(); cancelAlloc(); os.RemoveAll(dir) }
	fail := func(step string, err error) (*load, loadResult, error) {
		l.close()
		return nil, res, fmt.Errorf("%s %s: %w", step, u, err)
	}
	if err := chromedp.Do(ctx); err != nil {
		return fail("starting Chromium for", err)
	}
	if dev.phone {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile, chromedp.EmulateTouch)); err != nil {
			return fail("emulating a phone for", err)
		}
	}
	if dev.throttle > 1 {
		if _, err := chromedp.Call(ctx, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: dev.throttle}); err != nil {
			return fail("throttling the CPU for", err)
		}
	}
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: instrument}); err != nil {
		return fail("instrumenting", err)
	}
	if _, err := chromedp.Call(ctx, performance.Enable, performance.EnableParams{}); err != nil {
		return fail("enabling metrics for", err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(u)); err != nil {
		return fail("opening", err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`window.__peer.ready > 0`, chromedp.WithPollingTimeout(60*time.Second))); err != nil {
		l.mu.Lock()
		errs := strings.Join(l.errors, "\n  ")
		l.mu.Unlock()
		return fail("waiting for the page to be ready:", fmt.Errorf("%w; the page logged:\n  %s", err, errs))
	}
	time.Sleep(settle)
	type marks struct {
		Ready, FCP, LCP, LongTask, Elements, WasmMem float64
	}
	m, err := chromedp.Run(ctx, chromedp.Evaluate[marks](`(() => {
		const m = window.__peer, fcp = performance.getEntriesByName("first-contentful-paint")[0];
		return { Ready: m.ready, FCP: fcp ? fcp.startTime : -1, LCP: m.lcp, LongTask: Math.max(0, ...m.longTasks),
			Elements: document.getElementsByTagName("*").length, WasmMem: m.wasm ? m.wasm.buffer.byteLength : 0 };
	})()`))
	if err != nil {
		return fail("reading the marks of", err)
	}
	if _, err := chromedp.Call(ctx, heapprofiler.CollectGarbage, cdp.Empty{}); err != nil {
		return fail("collecting garbage in", err)
	}
	metrics, err := chromedp.Call(ctx, performance.GetMetrics, cdp.Empty{})
	if err != nil {
		return fail("reading the metrics of", err)
	}
	for _, mt := range metrics.Metrics {
		if mt.Name == "JSHeapUsedSize" {
			res.JSHeap = mt.Value
		}
	}
	res.Ready, res.FCP, res.LCP, res.LongTask, res.Elements, res.WasmMem = m.Ready, m.FCP, m.LCP, m.LongTask, m.Elements, m.WasmMem
	l.mu.Lock()
	res.Bytes = l.bytes
	l.mu.Unlock()
	return l, res, nil
}

// memory reads the JS heap after a garbage collection, and the wasm's
// linear memory (which never shrinks: its size is the high-water mark).
func (l *load) memory() (heap, wasm float64, err error) {
	if _, err := chromedp.Call(l.ctx, heapprofiler.CollectGarbage, cdp.Empty{}); err != nil {
		return 0, 0, err
	}
	metrics, err := chromedp.Call(l.ctx, performance.GetMetrics, cdp.Empty{})
	if err != nil {
		return 0, 0, err
	}
	for _, mt := range metrics.Metrics {
		if mt.Name == "JSHeapUsedSize" {
			heap = mt.Value
		}
	}
	wasm, err = chromedp.Run(l.ctx, chromedp.Evaluate[float64](`window.__peer.wasm ? window.__peer.wasm.buffer.byteLength : 0`))
	return heap, wasm, err
}

// selectEvents selects the next event of our timeline n times, each
// once the one before shows, as a reader stepping through the story.
const selectEvents = `(async n => {
	for (let i = 0; i < n; i++) {
		const items = [...document.querySelectorAll("#timeline [data-event]")];
		const next = items[(items.findIndex(e => e.getAttribute("aria-current") === "true") + 1) % items.length];
		const shown = '[data-event="' + next.dataset.event + '"][aria-current="true"]', t0 = performance.now();
		next.click();
		await new Promise((resolve, reject) => {
			const poll = () => document.querySelector(shown) ? resolve() :
				performance.now() - t0 > 5000 ? reject(new Error("selection " + i + " never showed")) : requestAnimationFrame(poll);
			poll();
		});
	}
	return true;
})`

// growth measures what n selections add to the page's memory: the JS
// heap and the wasm's memory before and after, once the page is idle.
func (l *load) growth(n int) (heap, wasm float64, err error) {
	h0, w0, err := l.memory()
	if err != nil {
		return 0, 0, err
	}
	if _, err := chromedp.Run(l.ctx, chromedp.Evaluate[bool](fmt.Sprintf("%s(%d)", selectEvents, n), chromedp.EvalAwaitPromise)); err != nil {
		return 0, 0, fmt.Errorf("selecting %d events: %w", n, err)
	}
	time.Sleep(time.Second) // the page's work after the last selection
	h1, w1, err := l.memory()
	return h1 - h0, w1 - w0, err
}

// count evaluates an expression giving a pair of counts.
func (l *load) count(expr string) ([2]int, error) {
	return chromedp.Run(l.ctx, chromedp.Evaluate[[2]int](expr))
}

// record is the page's listener: bytes received, and requests that leave
// the page's origin or fail.
func (l *load) record(ev any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		u := ev.Request.URL
		l.requests[ev.RequestID] = u
		if (strings.HasPrefix(u, "http:") || strings.HasPrefix(u, "https:")) && !strings.HasPrefix(u, l.origin+"/") {
			l.off = append(l.off, u)
		}
	case *network.EventLoadingFinished:
		l.bytes += ev.EncodedDataLength
	case *network.EventLoadingFailed:
		if !ev.Canceled {
			l.errors = append(l.errors, "request failed: "+ev.ErrorText+": "+l.requests[ev.RequestID])
		}
	case *network.EventResponseReceived:
		if ev.Response.Status >= 400 {
			l.errors = append(l.errors, fmt.Sprintf("HTTP %d: %s", ev.Response.Status, ev.Response.URL))
		}
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError {
			var parts []string
			for _, a := range ev.Args {
				parts = append(parts, string(a.Value)+a.Description)
			}
			l.errors = append(l.errors, "console.error: "+strings.Join(parts, " "))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil {
			msg += " " + d.Exception.Description
		}
		l.errors = append(l.errors, "exception: "+msg)
	}
}

// finish adds what the listener saw to res and closes the browser.
func (l *load) finish(res *loadResult) {
	l.mu.Lock()
	res.OffOrigin = append(res.OffOrigin, l.off...)
	res.Errors = append(res.Errors, l.errors...)
	l.mu.Unlock()
	l.close()
}

func (l *load) close() {
	l.cancel()
}

// target is a click to time: what to click, and how the page shows it
// took. Prepare is a JavaScript expression that scrolls the target into
// view if need be and returns it as {x, y, expect}, where expect is a
// JavaScript expression true once the page shows the click's effect; or
// null when the page has nothing left to click.
type target struct {
	what    string
	prepare func(i int) string
	// setup, if set, is a JavaScript expression giving a point to click,
	// untimed, before the first click; or null for none.
	setup string
}

// prepare clicks the target's setup point, if it has one.
func (l *load) prepare(tg target) error {
	if tg.setup == "" {
		return nil
	}
	type point struct{ X, Y float64 }
	p, err := chromedp.Run(l.ctx, chromedp.Evaluate[*point](tg.setup))
	if err != nil || p == nil {
		return err
	}
	if err := chromedp.Do(l.ctx, chromedp.MouseClickXY(p.X, p.Y)); err != nil {
		return err
	}
	time.Sleep(500 * time.Millisecond)
	return nil
}

// click times one click on the target: a real input event at the
// target's place, through the browser's input pipeline.
func (l *load) click(tg target, i int, pause time.Duration) (clicked, error) {
	c := clicked{What: tg.what}
	type spot struct {
		X, Y   float64
		Expect string
	}
	s, err := chromedp.Run(l.ctx, chromedp.Evaluate[*spot](tg.prepare(i), chromedp.EvalAwaitPromise))
	if err != nil {
		return c, fmt.Errorf("finding %s %d: %w", tg.what, i, err)
	}
	if s == nil {
		return c, fmt.Errorf("no %s to click (click %d)", tg.what, i)
	}
	// Two frames: the scroll, if any, is drawn before the click.
	const frames = `new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`
	if _, err := chromedp.Run(l.ctx, chromedp.Evaluate[bool](frames, chromedp.EvalAwaitPromise)); err != nil {
		return c, err
	}
	if _, err := chromedp.Run(l.ctx, chromedp.Evaluate[bool](`window.__peer.arm(() => `+s.Expect+`)`)); err != nil {
		return c, fmt.Errorf("arming %s: %w", tg.what, err)
	}
	if err := chromedp.Do(l.ctx, chromedp.MouseClickXY(s.X, s.Y)); err != nil {
		return c, fmt.Errorf("clicking %s: %w", tg.what, err)
	}
	type timing struct{ Up, DOM, Painted float64 }
	tm, err := chromedp.Run(l.ctx, chromedp.Evaluate[*timing](`window.__peer.pending`, chromedp.EvalAwaitPromise))
	if err != nil {
		return c, fmt.Errorf("timing %s: %w", tg.what, err)
	}
	if tm == nil {
		time.Sleep(pause)
		return c, &missedClick{fmt.Sprintf("%s %d at (%.0f, %.0f): the page did not show %s in 10 s", tg.what, i, s.X, s.Y, s.Expect)}
	}
	c.DOM, c.Frame = tm.DOM-tm.Up, tm.Painted-tm.Up
	// Event Timing entries come after the frame they end with; the pause
	// also lets an animation end before the next click.
	time.Sleep(pause)
	if c.Duration, err = chromedp.Run(l.ctx, chromedp.Evaluate[float64](`window.__peer.clickDuration()`)); err != nil {
		return c, err
	}
	return c, nil
}

// missedClick is a click whose effect never showed: counted and left
// out, so one stray click does not end a long run.
type missedClick struct{ what string }

func (m *missedClick) Error() string { return "missed click: " + m.what }

// The targets. Each runs in the page as it stands, so the next click is
// always relative to what is shown.

// oursNextEvent clicks the event after the selected one in the
// explainer's list of events.
var oursNextEvent = target{what: "event", prepare: func(int) string {
	return `(() => {
		const items = [...document.querySelectorAll("#timeline [data-event]")];
		const next = items[items.findIndex(e => e.getAttribute("aria-current") === "true") + 1];
		if (!next) return null;
		next.scrollIntoView({ block: "nearest", inline: "nearest", behavior: "instant" });
		return new Promise(r => requestAnimationFrame(() => {
			const p = window.__peer.pointIn(next), id = JSON.stringify(next.dataset.event);
			r(p && { x: p.x, y: p.y, expect: "document.querySelector('[data-event=" + id + "][aria-current=true]') && document.getElementById('event-details')?.dataset.detailsFor === " + id });
		}));
	})()`
}}

// theirsNextEvent clicks TimelineJS's next-slide button; on a phone,
// where TimelineJS hides that button, the next event's marker in its time
// navigation, which a reader taps there.
var theirsNextEvent = target{what: "event", setup: theirsDismissSwipeHint, prepare: func(int) string {
	return `(() => {
		const events = window.timeline.config.events;
		const active = document.querySelector(".tl-timemarker-active");
		const after = events.slice(active ? events.findIndex(e => e.unique_id + "-marker" === active.id) + 1 : 0);
		const marker = e => document.querySelector("#" + CSS.escape(e.unique_id + "-marker") + " .tl-timemarker-content-container");
		const expect = e => "document.getElementById(" + JSON.stringify(e.unique_id + "-marker") + ")?.classList.contains('tl-timemarker-active')";
		const button = document.querySelector(".tl-slidenav-next");
		if (button && button.getClientRects().length > 0) {
			const p = after.length > 0 && window.__peer.pointIn(button);
			return p && { x: p.x, y: p.y, expect: expect(after[0]) };
		}
		// Markers crowd and overlap on a phone: the next one a reader can
		// tap is the first after the current one not hidden by another.
		for (const e of after) {
			const el = marker(e), p = el && window.__peer.pointIn(el);
			if (p) return { x: p.x, y: p.y, expect: expect(e) };
		}
		return null;
	})()`
}}

// theirsDismissSwipeHint is the tap a phone reader gives TimelineJS's
// "Swipe to Navigate" notice, which covers the slides until tapped.
const theirsDismissSwipeHint = `(() => {
	const hint = [...document.querySelectorAll(".tl-message-full")].find(e => e.getClientRects().length > 0);
	return hint ? window.__peer.pointIn(hint) : null;
})()`

// floorNext clicks the go-app floor's Next button; the heading shows the
// count one up. It is timed as the next event on the timelines, and filed
// with them, as the least a go-app click costs.
var floorNext = target{what: "event", prepare: func(int) string {
	return `(() => {
		const button = [...document.querySelectorAll("button")].find(b => b.textContent === "Next");
		const h = document.querySelector("h1"), n = h && /^Hello, world! (\d+)$/.exec(h.textContent);
		const p = button && n ? window.__peer.pointIn(button) : null;
		return p ? { x: p.x, y: p.y, expect: "document.querySelector('h1')?.textContent === " + JSON.stringify("Hello, world! " + (+n[1] + 1)) } : null;
	})()`
}}

// oursState clicks a state on the map, a different one each time; the
// country card shows it.
var oursState = target{what: "state", prepare: func(i int) string {
	states := []string{"KAZ", "BLR", "UZB", "RUS", "KGZ", "TJK"}
	return fmt.Sprintf(`(() => {
		const iso = %q;
		const el = document.querySelector('#map [data-iso="' + iso + '"][data-status]');
		if (!el) return null;
		el.scrollIntoView({ block: "center", inline: "nearest", behavior: "instant" });
		return new Promise(r => requestAnimationFrame(() => {
			const p = window.__peer.pointIn(el);
			r(p && { x: p.x, y: p.y, expect: "document.getElementById('country-card')?.dataset.iso === " + JSON.stringify(iso) });
		}));
	})()`, states[i%len(states)])
}}

// oursDate clicks the date scrubber at a point along it, a different one
// each time; the map's date changes.
var oursDate = target{what: "date", prepare: func(i int) string {
	at := []float64{0.3, 0.7, 0.15, 0.55, 0.9, 0.4}[i%6]
	return fmt.Sprintf(`(() => {
		const el = document.getElementById("date-scrubber");
		if (!el) return null;
		el.scrollIntoView({ block: "center", inline: "nearest", behavior: "instant" });
		return new Promise(r => requestAnimationFrame(() => {
			const p = window.__peer.pointIn(el, %g), before = document.getElementById("map-date")?.getAttribute("datetime");
			r(p && { x: p.x, y: p.y, expect: "document.getElementById('map-date')?.getAttribute('datetime') !== " + JSON.stringify(before) });
		}));
	})()`, at)
}}

// chromiumPath finds the browser as the browser tests do: $CHROMIUM, then
// the usual names on PATH.
func chromiumPath() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}
