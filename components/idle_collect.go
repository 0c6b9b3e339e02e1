package components

import (
	"runtime"
	"runtime/debug"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Go's collector in the browser runs a cycle in one task on the page's
// only thread (marking, the js.Value finalizers, sweeping): a long task on
// a busy machine, in the middle of a scroll if the heap reached its goal
// there. A reader scrolling through the article leaves garbage behind each
// paragraph the panels follow, and Go's default goal (its floor: the live
// heap is small) was reached about once per pass. So the goal is set
// further off, and the heap is collected when the reader pauses instead,
// once enough garbage is there for a collection to be worth its cost.

// readingGCPercent is the collector's GOGC while the panels follow: the
// heap may grow to five times the live heap (and Go's floor scales alike)
// before a collection must run, whatever the reader is doing: room for
// several passes through the article and back without a pause. The wasm's
// memory, which never shrinks, grows to match (the README gives the
// figure).
const readingGCPercent = 400

// idleCollectFrom is the share of the heap's goal at which a pause in the
// reading is used to collect: half way, so that from any pause the reader
// can read through the article and back at least twice before the
// collector must run while they scroll.
const idleCollectFrom = 0.5

// idleBudgetMs is the idle time a collection waits for: the browser
// offers up to 50 ms when no frame is due, and a few ms between the
// frames of a scroll, which is not a pause.
const idleBudgetMs = 40

// idleCollector collects the heap in the reader's pauses. Only the UI
// goroutine and the browser's callbacks, one at a time, touch it.
type idleCollector struct {
	callback app.Func
	pending  bool
	stats    runtime.MemStats
}

// collector is the page's one idle collector: pages come and go, the
// heap stays.
var collector idleCollector

// start sets the collector's goal for reading, once the panels follow the
// article. It runs on the client.
func (c *idleCollector) start() {
	if c.callback != nil || !app.Window().Get("requestIdleCallback").Truthy() {
		return // without idle callbacks (Safari), Go's own pacing stays
	}
	debug.SetGCPercent(readingGCPercent)
	c.callback = app.FuncOf(func(_ app.Value, args []app.Value) any {
		c.idle(args[0])
		return nil
	})
}

// note asks for a collection in the next pause if the heap is half way to
// its goal. It runs as each paragraph reaches the reading line, and on
// each of the reader's choices.
func (c *idleCollector) note() {
	if c.callback == nil || c.pending {
		return
	}
	runtime.ReadMemStats(&c.stats)
	if float64(c.stats.HeapAlloc) < idleCollectFrom*float64(c.stats.NextGC) {
		return
	}
	c.pending = true
	c.request()
}

func (c *idleCollector) request() {
	app.Window().Call("requestIdleCallback", c.callback)
}

// idle collects if the browser's idle period is a pause, not the gap
// between two frames; otherwise it waits for the next one.
func (c *idleCollector) idle(deadline app.Value) {
	if deadline.Call("timeRemaining").Float() < idleBudgetMs {
		c.request()
		return
	}
	c.pending = false
	runtime.GC()
}
