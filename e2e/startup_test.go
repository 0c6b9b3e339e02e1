package e2e

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// watchStartup runs in the page before its own scripts. For every batch of
// DOM changes after parsing (the browser delivers one per task) it notes
// which panels were inserted, and after each it checks that every panel the
// server rendered is still in the document with the height it had once the
// page loaded: the reader never sees a panel vanish or the page jump while
// the app mounts.
const watchStartup = `(() => {
	const w = { batches: 0, loadBatch: -1, inserted: {}, problems: [], heights: null, shift: 0 };
	window.startup = w;
	const ids = ["article", "map", "timeline", "status-table", "timeline-charts"];
	const measure = () => Object.fromEntries(ids.map(id => [id, document.getElementById(id)?.getBoundingClientRect().height]));
	// The parser's own insertions are not the app's: start once it is done,
	// and compare heights from when the styles have loaded.
	document.addEventListener("DOMContentLoaded", () => new MutationObserver(records => {
		w.batches++;
		w.firstBatch ??= performance.now();
		for (const r of records) for (const n of r.addedNodes) {
			if (n.nodeType !== 1) continue;
			for (const id of ids) if (n.id === id || n.querySelector("#" + id)) (w.inserted[id] ??= []).push(w.batches);
		}
		if (!w.heights) return;
		const now = measure();
		for (const id of ids) {
			if (w.heights[id] === undefined) continue;
			if (now[id] === undefined) w.problems.push(id + " vanished in batch " + w.batches);
			else if (Math.abs(now[id] - w.heights[id]) > 1) w.problems.push(id + " changed height from " + w.heights[id] + " to " + now[id] + " in batch " + w.batches);
		}
	}).observe(document, { childList: true, subtree: true }));
	addEventListener("load", () => { w.heights = measure(); w.loadBatch = w.batches });
	new PerformanceObserver(l => { for (const e of l.getEntries()) if (!e.hadRecentInput) w.shift += e.value })
		.observe({ type: "layout-shift", buffered: true });
})()`

type startup struct {
	Inserted map[string][]int `json:"inserted"`
	Problems []string         `json:"problems"`
	Shift    float64          `json:"shift"`
	// The batches up to this one came before the load event, when the
	// heights were measured: the ones after it are compared with them.
	LoadBatch int `json:"loadBatch"`
	// When the app first changed the page, and when the page was first
	// painted, in ms since navigation.
	FirstBatch float64 `json:"firstBatch"`
	FCP        float64 `json:"fcp"`
}

// The app replaces the server's HTML with its own, one panel per task after
// the page's chrome, so that no single task blocks the reader for long; the
// page looks the same throughout.
func TestAppMountsPanelByPanelWithoutShift(t *testing.T) {
	for _, c := range []struct {
		path   string
		warm   bool     // a second visit: the service worker serves the wasm at once
		panels []string // mounted after the first render, in this order
	}{
		// A panel's own parts (the map's table, the timeline's charts)
		// join the queue when the panel goes live.
		{"/event/armenia-freezes/", false, []string{"article", "map", "timeline", "status-table", "timeline-charts"}},
		{"/event/armenia-freezes/", true, []string{"article", "map", "timeline", "status-table", "timeline-charts"}},
		{"/embed?view=all&theme=dark", false, []string{"map", "timeline", "article", "status-table", "timeline-charts"}},
		{"/embed?view=map", false, []string{"map", "status-table"}},
	} {
		t.Run(fmt.Sprintf("%s warm=%t", c.path, c.warm), func(t *testing.T) {
			tb := newTab(t, 60*time.Second)
			if _, err := chromedp.Call(tb.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: watchStartup}); err != nil {
				t.Fatal(err)
			}
			tb.open(t, c.path)
			tb.waitReady(t)
			if c.warm {
				tb.waitServiceWorker(t)
				tb.do(t, chromedp.Reload())
				tb.waitReady(t)
			}
			tb.do(t, chromedp.Sleep(300*time.Millisecond))
			s := eval[startup](t, tb, `({...window.startup, fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? -1})`)
			t.Logf("first paint at %.0f ms, the app's first change at %.0f ms; the load event after batch %d", s.FCP, s.FirstBatch, s.LoadBatch)
			if s.FCP < 0 || s.FirstBatch < s.FCP {
				t.Errorf("the app changed the page (at %.0f ms) before its first paint (%.0f ms)", s.FirstBatch, s.FCP)
			}
			for _, p := range s.Problems {
				t.Error(p)
			}
			if s.Shift > 0.001 {
				t.Errorf("the layout shifted by %.4f while the app mounted", s.Shift)
			}
			// Each panel is inserted first as part of the server's copy,
			// with the first render; a part again with its panel's live
			// render; and last live, in a batch (a task) of its own.
			first := 0
			var live []int
			for _, id := range c.panels {
				got := s.Inserted[id]
				if len(got) < 2 {
					t.Fatalf("%s was inserted in batches %v, want its copy and then live", id, got)
				}
				if first == 0 {
					first = got[0]
				}
				if got[0] != first {
					t.Errorf("%s's copy came in batch %d, not with the first render (%d)", id, got[0], first)
				}
				live = append(live, got[len(got)-1])
			}
			// Heights are compared from the load event on: a panel that
			// went live before it was not watched.
			if s.LoadBatch < 0 || live[0] <= s.LoadBatch {
				t.Errorf("the panels went live in batches %v, the load event came after batch %d: their heights were not watched", live, s.LoadBatch)
			}
			if !slices.IsSorted(live) || len(slices.Compact(slices.Clone(live))) != len(live) || live[0] <= first {
				t.Errorf("the panels %v went live in batches %v after the first render in %d: want one each, in order", c.panels, live, first)
			}
			tb.noErrors(t)
		})
	}
}

// On a phone the panels come after the article. The wasm downloads at
// once, but the app starts only when the reader comes within a screen of
// the panels, from the downloaded copy: reading the article costs nothing
// of the app's start.
//
// On a first visit the service worker installs meanwhile and fetches the
// wasm into its cache through the same HTTP cache: whichever of it and the
// page's prefetch asks first downloads the wasm, and the other only
// revalidates it. Which one wins depends on the machine's load, so the
// worker's turn is also forced, by holding the page's request back until
// the worker has installed.
func TestAppStartsNearThePanelsOnAPhone(t *testing.T) {
	for _, workerFirst := range []bool{false, true} {
		t.Run(fmt.Sprintf("worker first=%t", workerFirst), func(t *testing.T) {
			tb := newTab(t, 60*time.Second)
			tb.asPhone(t)
			var held *heldRequests
			if workerFirst {
				held = tb.holdRequests(t, "*app.wasm*")
			}
			tb.open(t, "/")
			if workerFirst {
				held.wait(t, 20*time.Second)
				tb.waitServiceWorker(t)
				held.release(t)
			}
			tb.waitTrue(t, `performance.getEntriesByType("resource").some(e => e.name.includes("app.wasm") && e.responseEnd > 0)`, 40*time.Second)
			// The loader goes once the Go program runs; data-ready once it has
			// mounted.
			const started = `document.documentElement.hasAttribute("data-ready") || !document.getElementById("app-wasm-loader")`
			for _, screens := range []float64{0, 2.5} {
				if screens > 0 {
					tb.scrollAbove(t, screens)
				}
				tb.do(t, chromedp.Sleep(1500*time.Millisecond))
				if eval[bool](t, tb, started) {
					t.Fatalf("with the panels more than a screen below the viewport (scrolled to %g screens above them), the app started", screens)
				}
				if h := eval[float64](t, tb, `document.getElementById("app-wasm-loader").getBoundingClientRect().height`); h > 0 {
					t.Errorf("while the app waits for the reader, the loading bar shows (%.0f px): nothing is loading", h)
				}
			}
			tb.scrollAbove(t, 1.5)
			before := eval[float64](t, tb, `scrollY`)
			tb.waitReady(t)
			// The app starts from the copy downloaded while the reader read:
			// at most a revalidation's headers cross the network again.
			loads := eval[[][2]float64](t, tb, `performance.getEntriesByType("resource").filter(e => e.name.includes("app.wasm")).map(e => [e.transferSize, e.encodedBodySize])`)
			const headers = 10_000 // a revalidation: headers, no body
			if len(loads) != 2 || loads[1][0] > headers {
				t.Fatalf("the wasm's loads [transferred, body bytes] were %v: want one while the reader reads, then one from the cache", loads)
			}
			// Downloaded once: by the page, or by the worker, whose copy
			// the page then revalidated.
			full, revalidated := loads[0][0] >= loads[0][1], loads[0][0] <= headers
			tb.waitServiceWorker(t)
			// The wasm's URL carries its content hash: ask for the one loaded.
			inWorker := eval[bool](t, tb, `caches.match(performance.getEntriesByType("resource").find(e => e.name.includes("app.wasm")).name).then(r => !!r)`)
			switch {
			case workerFirst && !revalidated:
				t.Errorf("the worker had fetched the wasm, yet the page downloaded it again: loads %v", loads)
			case !full && !revalidated:
				t.Errorf("the wasm's first load was cut short: loads %v", loads)
			case revalidated && !inWorker:
				t.Errorf("the page only revalidated the wasm (loads %v), but the worker has no copy: whose was it?", loads)
			}
			if after := eval[float64](t, tb, `scrollY`); after != before {
				t.Errorf("the page scrolled from %.0f to %.0f while the app started", before, after)
			}
			tb.noErrors(t)
		})
	}
}

// As the app starts it replaces the server's page with its own, panel by
// panel; a reader who had tabbed to a link or a control keeps their place.
func TestFocusKeptWhileTheAppStarts(t *testing.T) {
	for _, c := range []struct {
		name, sel string
		phone     bool
	}{
		// Replaced by the first render, then by the article going live.
		{"article link", "#article a.mention", false},
		// Also by the map going live, then by the table.
		{"table summary", "#status-table summary", false},
		// On a phone the app starts late, as the reader nears the panels:
		// a keyboard reader at the end of the article starts it.
		{"phone, last article link", "#article a.mention", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			tb := newTab(t, 60*time.Second)
			var wasm *heldRequests
			if c.phone {
				tb.asPhone(t)
				tb.open(t, "/")
				tb.waitTrue(t, `!!document.getElementById("app-wasm-loader")?.hasAttribute("data-waiting")`, 10*time.Second)
			} else {
				wasm = tb.holdRequests(t, "*app.wasm*")
				tb.open(t, "/")
				wasm.wait(t, 20*time.Second)
			}
			// An element's identity across the replacement: the live DOM
			// orders attributes differently from the server's HTML.
			const identity = `(el => el === document.body ? "the body" : [el.tagName, el.getAttribute("href"), el.textContent.trim().slice(0, 60)].join(" "))`
			// The last match: on a phone, the link nearest the panels.
			want := eval[string](t, tb, `(() => { const el = [...document.querySelectorAll(`+jsString(c.sel)+`)].pop();
				window.focusedBefore = el; el.focus(); return `+identity+`(el) })()`)
			if c.phone {
				// Read on towards the panels; focus stays on the link.
				tb.scrollAbove(t, 1.5)
			} else {
				wasm.release(t)
			}
			tb.waitReady(t)
			if eval[bool](t, tb, `window.focusedBefore.isConnected`) {
				t.Fatalf("%s was not replaced as the app started: this test checks nothing", c.sel)
			}
			if got := eval[string](t, tb, identity+`(document.activeElement)`); got != want {
				t.Errorf("after the app started, focus is on %q; want %q", got, want)
			}
			tb.noErrors(t)
		})
	}
}
