package mount

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// The map, the event list and the article listen once on their container
// rather than on each of their hundreds of items: every listener go-app
// mounts is a Go function handed to JavaScript, and mounting about 450 of
// them was a fifth of the client's start-up. Items name themselves with a
// data attribute, which the container's handler reads from the event.

// DataOf returns the value of the data attribute data-<name> on the event's
// target or its nearest ancestor that has it, if that element is inside the
// element that listens (ctx's); otherwise "". go-app runs handlers after
// the event has been dispatched, so the event's currentTarget is gone.
func DataOf(ctx app.Context, e app.Event, name string) string {
	target := e.Get("target")
	if !target.Truthy() || target.Get("closest").Type() != app.TypeFunction {
		return "" // not an element: the document, a text node
	}
	attr := "data-" + name
	item := target.Call("closest", "["+attr+"]")
	if !item.Truthy() || !ctx.JSSrc().Call("contains", item).Bool() {
		return ""
	}
	return item.Call("getAttribute", attr).String()
}
