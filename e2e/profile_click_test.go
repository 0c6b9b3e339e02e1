package e2e

import (
	"cmp"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// clickTimer goes into the page before a click: it marks the first
// pointerup after arm(), and once changed() holds, the end of the next
// frame (a message posted from a requestAnimationFrame callback runs after
// that frame's style, layout and paint), as make bench-peer times a
// click. The marks are user-timing marks, so they land in the trace too.
const clickTimer = `(() => {
	const m = window.__click = { up: -1 };
	addEventListener("pointerup", e => { if (m.armed && m.up < 0) { m.up = e.timeStamp; performance.mark("click-up") } }, true);
	m.arm = (changed) => {
		m.armed = true; m.up = -1;
		m.pending = new Promise(resolve => {
			const check = () => {
				if (m.up < 0 || !changed()) return;
				mo.disconnect();
				const dom = performance.now();
				requestAnimationFrame(() => {
					const ch = new MessageChannel();
					ch.port1.onmessage = () => { performance.mark("click-painted"); m.armed = false; resolve({ dom: dom - m.up, frame: performance.now() - m.up }) };
					ch.port2.postMessage(0);
				});
			};
			const mo = new MutationObserver(check);
			mo.observe(document, { attributes: true, childList: true, subtree: true, characterData: true });
			setTimeout(() => { mo.disconnect(); resolve(null) }, 10000);
		});
		return true;
	};
	return true;
})()`

// clickTargets are the three clicks of issue 14, as make bench-peer
// makes them: each what a page must show to have it, and an expression
// giving {x, y, expect} for the i-th click (%d), where expect is true once
// the page shows the click's effect.
var clickTargets = []struct{ what, shows, prepare string }{
	{"event", "#timeline [data-event]", `((i) => {
		const items = [...document.querySelectorAll("#timeline [data-event]")];
		const next = items[(items.findIndex(e => e.getAttribute("aria-current") === "true") + 1) %% items.length];
		next.scrollIntoView({ block: "nearest", inline: "nearest", behavior: "instant" });
		const r = next.getBoundingClientRect(), id = JSON.stringify(next.dataset.event);
		return { x: r.left + r.width / 2, y: r.top + r.height / 2,
			expect: "document.querySelector('[data-event=" + id + "][aria-current=true]') !== null" };
	})(%d)`},
	{"state", "#map [data-status]", `((i) => {
		const iso = ["KAZ", "BLR", "UZB", "RUS", "KGZ", "TJK"][i %% 6];
		const el = document.querySelector('#map [data-iso="' + iso + '"][data-status]');
		el.scrollIntoView({ block: "center", inline: "nearest", behavior: "instant" });
		const r = el.getBoundingClientRect();
		for (const [fx, fy] of [[.5, .5], [.4, .5], [.6, .5], [.5, .4], [.5, .6], [.3, .3], [.7, .7]]) {
			const x = r.left + r.width * fx, y = r.top + r.height * fy, hit = document.elementFromPoint(x, y);
			if (hit && (hit === el || el.contains(hit)))
				return { x, y, expect: "document.getElementById('country-card')?.dataset.iso === " + JSON.stringify(iso) };
		}
		return null;
	})(%d)`},
	{"date", "#date-scrubber", `((i) => {
		const el = document.getElementById("date-scrubber");
		el.scrollIntoView({ block: "center", inline: "nearest", behavior: "instant" });
		const r = el.getBoundingClientRect(), f = [0.3, 0.7, 0.15, 0.55, 0.9, 0.4][i %% 6];
		const before = document.getElementById("map-date").getAttribute("datetime");
		return { x: r.left + r.width * f, y: r.top + r.height / 2,
			expect: "document.getElementById('map-date').getAttribute('datetime') !== " + JSON.stringify(before) };
	})(%d)`},
}

// TestProfileClick says where the time goes between a click and the frame
// that shows its result, for the three clicks of issue 14 (the next event
// in the timeline, a state on the map, a date on the scrubber) in the
// embed of all three panels: for each kind, the medians of the app's
// update (go-app's render and diff), the Go garbage collector, calls into
// JavaScript, and the browser's style, layout and paint, then the app's
// costliest functions. It measures, it does not judge, and runs only
// when E2E_PROFILE is set; E2E_PROFILE_CPU=4 slows the CPU as a phone,
// E2E_PROFILE_PATH profiles another page. Function names need a wasm
// built with its symbols (see TestProfileFollowing).
func TestProfileClick(t *testing.T) {
	if os.Getenv("E2E_PROFILE") == "" {
		t.Skip("set E2E_PROFILE=1 to profile the clicks")
	}
	path := cmp.Or(os.Getenv("E2E_PROFILE_PATH"), "/embed?view=all")
	tb := newTab(t, 300*time.Second)
	tb.open(t, path)
	tb.waitReady(t)
	tb.do(t, chromedp.Sleep(time.Second)) // the panels mount after data-ready
	eval[bool](t, tb, clickTimer)
	if rate, _ := strconv.ParseFloat(os.Getenv("E2E_PROFILE_CPU"), 64); rate > 1 {
		if _, err := chromedp.Call(tb.ctx, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: rate}); err != nil {
			t.Fatal(err)
		}
	}
	const clicks = 6
	type timing struct{ DOM, Frame float64 }
	type point struct {
		X, Y   float64
		Expect string
	}
	times := map[string][]timing{}
	onMain, samples := traceDuring(t, tb, func() {
		for _, tg := range clickTargets {
			if !eval[bool](t, tb, `document.querySelector(`+jsString(tg.shows)+`) !== null`) {
				t.Logf("%s shows no %s to click", path, tg.what)
				continue
			}
			for i := range clicks {
				p := eval[*point](t, tb, fmt.Sprintf(tg.prepare, i))
				if p == nil {
					t.Fatalf("no %s to click", tg.what)
				}
				eval[bool](t, tb, `new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`)
				eval[bool](t, tb, `window.__click.arm(() => `+p.Expect+`)`)
				tb.do(t, chromedp.MouseClickXY(p.X, p.Y))
				tm := eval[*timing](t, tb, `window.__click.pending`)
				if tm == nil {
					t.Fatalf("%s %d: the page did not show %s", tg.what, i, p.Expect)
				}
				times[tg.what] = append(times[tg.what], *tm)
				tb.do(t, chromedp.Sleep(300*time.Millisecond))
			}
		}
	})
	var ups, painted []float64
	for _, e := range onMain {
		switch {
		case e.Name == "click-up":
			ups = append(ups, e.Ts)
		case e.Name == "click-painted":
			painted = append(painted, e.Ts)
		}
	}
	var done []int // the targets clicked, by index
	for k, tg := range clickTargets {
		if len(times[tg.what]) > 0 {
			done = append(done, k)
		}
	}
	if len(ups) != len(painted) || len(ups) != clicks*len(done) {
		t.Fatalf("the trace has %d pointerup and %d painted marks for %d clicks", len(ups), len(painted), clicks*len(done))
	}
	self := selfTimes(onMain)
	// cpu is the main thread's CPU time in the tasks between the two: on
	// a shared machine the wall times include waiting for a core.
	t.Logf("%-6s %7s %7s %7s | %7s %7s %7s %7s %7s %7s %7s", "click", "dom", "frame", "cpu", "update", "go gc", "js call", "style", "layout", "paint", "other")
	for k, ti := range done {
		tg := clickTargets[ti]
		cols := make([][]float64, 10)
		allSelf, allIncl, allEv := map[string]float64{}, map[string]float64{}, map[string]float64{}
		for i := range clicks {
			n := k*clicks + i
			from, to := ups[n], painted[n]
			ev := self.within(traceEvent{Ts: from, Dur: to - from})
			fnSelf, incl := samples.within(from, to)
			for name, ms := range fnSelf {
				allSelf[name] += ms / clicks
			}
			for name, ms := range ev {
				allEv[name] += ms / clicks
			}
			for name, ms := range incl {
				allIncl[name] += ms / clicks
			}
			tm := times[tg.what][i]
			update := incl["github.com_maxence_charriere_go_app_v10_pkg_app.__engineX_.processFrame"]
			gc := sumOf(incl, "runtime.gcBgMarkWorker", "runtime.gcAssistAlloc", "runtime.bgsweep", "runtime.bgscavenge", "runtime.gcStart")
			var jsCall float64
			for name, ms := range fnSelf {
				if strings.HasPrefix(name, "syscall/js.") {
					jsCall += ms
				}
			}
			// Trace event names differ between Chromium versions: both sets.
			style := sumOf(ev, "UpdateLayoutTree", "RecalculateStyles", "ParseAuthorStyleSheet", "Document::updateStyle", "Document::recalcStyle")
			layout := sumOf(ev, "Layout", "LocalFrameView::performLayout", "LocalFrameView::UpdateStyleAndLayout", "IntersectionObserverController::computeIntersections", "UpdateLayerTree", "InlineNode::ShapeTextIncludingFirstLine", "InlineNode::SetTextWithOffset")
			paint := sumOf(ev, "Paint", "PrePaint", "Layerize", "PaintImage", "Commit", "CompositeLayers", "Blink.PrePaint.UpdateTime", "Blink.Paint.UpdateTime", "PaintArtifactCompositor::Update", "Blink.CompositingInputs.UpdateTime")
			cols[0] = append(cols[0], tm.DOM)
			cols[1] = append(cols[1], tm.Frame)
			cols[2] = append(cols[2], update)
			cols[3] = append(cols[3], gc)
			cols[4] = append(cols[4], jsCall)
			cols[5] = append(cols[5], style)
			cols[6] = append(cols[6], layout)
			cols[7] = append(cols[7], paint)
			cols[8] = append(cols[8], tm.Frame-update-style-layout-paint)
			var cpu float64
			for _, e := range onMain {
				if e.Name == "RunTask" && e.Ts+e.Dur > from && e.Ts < to {
					cpu += e.Tdur / 1000
				}
			}
			cols[9] = append(cols[9], cpu)
		}
		med := make([]any, 0, 11)
		med = append(med, tg.what)
		for _, i := range []int{0, 1, 9, 2, 3, 4, 5, 6, 7, 8} {
			slices.Sort(cols[i])
			med = append(med, pct(cols[i], 50))
		}
		t.Logf("%-6s %7.1f %7.1f %7.1f | %7.1f %7.1f %7.1f %7.1f %7.1f %7.1f %7.1f", med...)
		var b strings.Builder
		fmt.Fprintf(&b, "%s, mean per click; trace events, self:", tg.what)
		for _, kv := range topN(allEv, 15) {
			fmt.Fprintf(&b, "\n    %-70s %6.2f ms", kv.name, kv.ms)
		}
		b.WriteString("\n  sampled functions, self (inclusive):")
		for _, kv := range topN(allSelf, 15) {
			fmt.Fprintf(&b, "\n    %-70s %6.2f ms (%.2f)", kv.name, kv.ms, allIncl[kv.name])
		}
		b.WriteString("\n  inclusive:")
		for _, kv := range topN(allIncl, 90) {
			fmt.Fprintf(&b, "\n    %-70s %6.2f ms", kv.name, kv.ms)
		}
		t.Log(b.String())
	}
}

func sumOf(m map[string]float64, names ...string) float64 {
	var total float64
	for _, n := range names {
		total += m[n]
	}
	return total
}

// traceDuring runs do under Chromium's tracer and V8's sampling profiler,
// sampling finely for short clicks, and returns the main thread's complete
// and instant events, in order, and the samples.
func traceDuring(t *testing.T, tb *tab, do func()) ([]traceEvent, profileSamples) {
	t.Helper()
	events, prof := traceWhile(t, tb, 100, do)
	onMain := onMainThread(events, func(e traceEvent) bool {
		return isComplete(e) || e.Name == "click-up" || e.Name == "click-painted"
	})
	return onMain, sampleTimes(prof.Profile)
}
