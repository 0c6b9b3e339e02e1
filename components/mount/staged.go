package mount

import (
	"slices"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Staged mounts a page's panels one browser task at a time, in the order
// their owners start them, then marks the page ready (markReady). go-app's first
// client render builds every element of the page through JavaScript calls
// in a single task; on a phone that task blocked input for about a second.
// Until a panel's turn comes, the page shows the server's prerendered HTML
// of it, parsed in one go by the browser, so nothing disappears or moves:
// the reader sees the same page throughout.
type Staged struct {
	pending   []string          // ids of the panels still showing the server's HTML, in mounting order
	prerender map[string]string // the server's HTML of each pending panel
}

// Capture keeps the server's HTML of the panels with these ids, read from
// the document before go-app replaces it; they will mount in this order.
// It does nothing on the server, or for an id the document lacks (that
// panel mounts at once).
func (s *Staged) Capture(ids ...string) {
	s.pending, s.prerender = nil, nil
	if !app.IsClient {
		return
	}
	// Before the first render replaces the server's page. A panel that
	// captures its own parts while it goes live is already inside a stage,
	// which remembered the focus before its render.
	if !mounting.running {
		focusAcrossMounts.remember()
	}
	doc := app.Window().Get("document")
	for _, id := range ids {
		if el := doc.Call("getElementById", id); el.Truthy() {
			s.Keep(id, el.Get("outerHTML").String())
		}
	}
}

// Keep records html as the server's copy of panel id, to mount after the
// panels kept before it.
func (s *Staged) Keep(id, html string) {
	if s.prerender == nil {
		s.prerender = make(map[string]string)
	}
	s.pending = append(s.pending, id)
	s.prerender[id] = html
}

// Panel is the panel with that id: the server's copy of it until its turn
// comes, then live.
func (s *Staged) Panel(id string, live func() app.UI) app.UI {
	if slices.Contains(s.pending, id) {
		return app.Raw(s.prerender[id])
	}
	return live()
}

// Start queues the pending panels to go live. Call it from the owner's
// OnMount, with the owner's context.
func (s *Staged) Start(ctx app.Context) {
	for range s.pending {
		mounting.queue = append(mounting.queue, stage{s, ctx})
	}
	if !mounting.running {
		mounting.running = true
		mountNext(ctx)
	}
}

// mounting is the page's queue of panels waiting to go live, from every
// Staged owner: a panel that goes live may hold panels of its own, which
// join the queue. Only the UI goroutine touches it.
var mounting struct {
	queue   []stage
	running bool
}

// stage is one panel to make live: the next pending one of s, whose owner
// re-renders in ctx.
type stage struct {
	s   *Staged
	ctx app.Context
}

// mountNext makes the first queued panel live in a task of its own, then
// goes on with the next; when none is left, the page is ready. Around each
// replacement the reader's focus is kept (focusAcrossMounts).
func mountNext(ctx app.Context) {
	ctx.Defer(func(app.Context) { focusAcrossMounts.restore() })
	if len(mounting.queue) == 0 {
		mounting.running = false
		ctx.Defer(func(app.Context) {
			focusAcrossMounts.forget()
			markReady()
		})
		return
	}
	ctx.Defer(func(ctx app.Context) {
		inTaskOfItsOwn(ctx, func(ctx app.Context) {
			focusAcrossMounts.remember()
			next := mounting.queue[0]
			mounting.queue = mounting.queue[1:]
			next.ctx.Dispatch(func(app.Context) {
				next.s.pending = next.s.pending[1:]
				if len(next.s.pending) == 0 {
					next.s.prerender = nil
				}
			})
			mountNext(ctx)
		})
	})
}

// inTaskOfItsOwn runs fn on the UI goroutine in a browser task of its own,
// once the present task has ended, so the browser may paint or answer the
// reader in between. It is armed after the present render (Defer), and with
// the browser's own setTimeout: go-app's After uses a Go timer, and one
// already due when the Go runtime finishes a render runs in that same task,
// so on a busy machine two panels went live in one task. What fn
// dispatches is rendered before its task ends.
func inTaskOfItsOwn(ctx app.Context, fn func(app.Context)) {
	var callback app.Func
	callback = app.FuncOf(func(app.Value, []app.Value) any {
		callback.Release()
		ctx.Dispatch(fn)
		return nil
	})
	app.Window().Call("setTimeout", callback, 0)
}

// markReady sets data-ready="true" on <html>: the contract browser tests and
// embedding hosts wait on. Only the client calls it (OnMount never runs on
// the server), so prerendered HTML never carries the marker.
func markReady() {
	app.Window().Get("document").Get("documentElement").Call("setAttribute", "data-ready", "true")
}
