package components

import (
	"slices"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// staged mounts a page's panels one browser task at a time. go-app's first
// client render builds every element of the page through JavaScript calls
// in a single task; on a phone that task blocked input for about a second.
// Until a panel's turn comes, the page shows the server's prerendered HTML
// of it, parsed in one go by the browser, so nothing disappears or moves:
// the reader sees the same page throughout.
type staged struct {
	pending   []string          // ids of the panels still showing the server's HTML, in mounting order
	prerender map[string]string // the server's HTML of each pending panel
}

// stageYield is the pause between two panels: long enough that the browser
// gets a task of its own in between (to paint, or to answer the reader).
const stageYield = time.Millisecond

// capture keeps the server's HTML of the panels with these ids, read from
// the document before go-app replaces it; they will mount in this order.
// It does nothing on the server, or for an id the document lacks (that
// panel mounts at once).
func (s *staged) capture(ids ...string) {
	s.pending, s.prerender = nil, nil
	if !app.IsClient {
		return
	}
	doc := app.Window().Get("document")
	for _, id := range ids {
		if el := doc.Call("getElementById", id); el.Truthy() {
			s.keep(id, el.Get("outerHTML").String())
		}
	}
}

// keep records html as the server's copy of panel id, to mount after the
// panels kept before it.
func (s *staged) keep(id, html string) {
	if s.prerender == nil {
		s.prerender = make(map[string]string)
	}
	s.pending = append(s.pending, id)
	s.prerender[id] = html
}

// panel is the panel with that id: the server's copy of it until its turn
// comes, then live.
func (s *staged) panel(id string, live func() app.UI) app.UI {
	if slices.Contains(s.pending, id) {
		return app.Raw(s.prerender[id])
	}
	return live()
}

// mountNext makes the pending panels live one by one, each in a task of its
// own, then calls done after the last one's render.
func (s *staged) mountNext(ctx app.Context, done func(app.Context)) {
	if len(s.pending) == 0 {
		s.prerender = nil
		ctx.Defer(done)
		return
	}
	ctx.After(stageYield, func(ctx app.Context) {
		s.pending = s.pending[1:]
		s.mountNext(ctx, done)
	})
}
