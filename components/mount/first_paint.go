package mount

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// firstPaintWait caps the wait for the first paint: a hidden tab or an
// iframe scrolled out of view may not paint, or not soon, and the app must
// start all the same.
const firstPaintWait = 100 * time.Millisecond

// WaitForFirstPaint returns once the browser has painted the server's page,
// or after firstPaintWait. The client's first render blocks the main thread;
// when the wasm comes quickly (from the service worker's cache, say) it
// would otherwise run before the page was ever painted, and the reader
// would wait for it to see the article. Waiting also gives the browser a
// task of its own between the Go runtime's start and that render.
func WaitForFirstPaint() {
	painted := make(chan struct{}, 2)
	var afterFrame, onFrame app.Func
	// A timeout set inside an animation frame runs once that frame has
	// been painted.
	afterFrame = app.FuncOf(func(app.Value, []app.Value) any {
		painted <- struct{}{}
		// Both have run by now. If the frame never comes (a hidden tab),
		// they stay: two small functions, once per page.
		onFrame.Release()
		afterFrame.Release()
		return nil
	})
	onFrame = app.FuncOf(func(app.Value, []app.Value) any {
		app.Window().Call("setTimeout", afterFrame, 0)
		return nil
	})
	app.Window().Call("requestAnimationFrame", onFrame)
	select {
	case <-painted:
	case <-time.After(firstPaintWait):
	}
}

// Yield lets the browser run what it has waiting (input, rendering, other
// tasks) before going on: the caller goes on in a browser task of its own.
// Work split by Yield into pieces is never one long task, which is what
// blocks a reader's tap while the app starts.
func Yield() {
	resumed := make(chan struct{})
	var callback app.Func
	callback = app.FuncOf(func(app.Value, []app.Value) any {
		callback.Release()
		close(resumed)
		return nil
	})
	app.Window().Call("setTimeout", callback, 0)
	<-resumed
}
