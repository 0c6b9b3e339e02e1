package page

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The peer benchmark clicks Next and waits for the heading to count one
// up: the heading must carry the count, and the button must be there.
func TestNextCountsInTheHeading(t *testing.T) {
	h := &Hello{}
	if html := app.HTMLString(h.Render()); !strings.Contains(html, "Hello, world! 0</h1>") || !strings.Contains(html, ">Next</button>") {
		t.Fatalf("before any click: %s", html)
	}
	h.next(app.Context{}, app.Event{})
	h.next(app.Context{}, app.Event{})
	if html := app.HTMLString(h.Render()); !strings.Contains(html, "Hello, world! 2</h1>") {
		t.Errorf("after two clicks: %s", html)
	}
}
