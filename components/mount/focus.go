package mount

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// keptFocus carries the reader's focus across the app's start. go-app's
// first render replaces the server's page with the client's, and each
// panel going live replaces its copy again; an element that had focus (a
// link in the article the reader tabbed to, say) is gone, and the browser
// drops focus to the body. The page looks the same throughout, so the
// element in the same place is the one the reader had: before a
// replacement, remember notes that place; after it, restore focuses what
// is there now.
type keptFocus struct {
	el   app.Value // the focused element when last remembered; nil for none
	tag  string    // its tag name, checked against its successor's
	path []int     // its index among its parent's element children, from the body down
}

// focusAcrossMounts is the page's kept focus while its panels mount.
var focusAcrossMounts keptFocus

// remember notes the focused element and its place. When nothing (the
// body) has focus, the last note stands only if its element was replaced:
// the reader who left it on purpose does not get it back.
func (f *keptFocus) remember() {
	doc := app.Window().Get("document")
	body := doc.Get("body")
	el := doc.Get("activeElement")
	if !el.Truthy() || el.Equal(body) {
		if f.el != nil && f.el.Get("isConnected").Bool() {
			f.forget()
		}
		return
	}
	var path []int
	for node := el; !node.Equal(body); node = node.Get("parentElement") {
		if !node.Truthy() {
			return // in a shadow root or a detached tree: no path from the body
		}
		i := 0
		for sib := node.Get("previousElementSibling"); sib.Truthy(); sib = sib.Get("previousElementSibling") {
			i++
		}
		path = append(path, i)
	}
	for i, j := 0, len(path)-1; i < j; i, j = i+1, j-1 {
		path[i], path[j] = path[j], path[i]
	}
	*f = keptFocus{el: el, tag: el.Get("tagName").String(), path: path}
}

// restore focuses the element now in the remembered place, if the
// remembered one was replaced and the reader has not focused anything
// else since.
func (f *keptFocus) restore() {
	if f.el == nil || f.el.Get("isConnected").Bool() {
		return
	}
	doc := app.Window().Get("document")
	body := doc.Get("body")
	if active := doc.Get("activeElement"); active.Truthy() && !active.Equal(body) {
		f.forget()
		return
	}
	el := body
	for _, i := range f.path {
		if el = el.Get("children").Index(i); !el.Truthy() {
			f.forget()
			return
		}
	}
	if el.Get("tagName").String() != f.tag {
		f.forget()
		return
	}
	el.Call("focus", map[string]any{"preventScroll": true})
	f.el = el
}

// forget drops the note: the page is live, nothing more will be replaced.
func (f *keptFocus) forget() { *f = keptFocus{} }
