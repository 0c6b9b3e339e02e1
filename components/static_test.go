package components

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func TestStaticWritesTidyHTMLOnce(t *testing.T) {
	builds := 0
	build := func() app.UI {
		builds++
		return app.P().Aria("hidden", true).Body(app.Span().Text("Armenia"), app.Text(", on"))
	}
	const want = `<p aria-hidden="true"><span>Armenia</span>, on</p>`
	for i := 0; i < 3; i++ {
		if got := app.HTMLString(static("test-piece", build)); got != want {
			t.Fatalf("static = %q, want %q", got, want)
		}
	}
	if builds != 1 {
		t.Errorf("build ran %d times, want once", builds)
	}
}

func TestStaticLayerNestsSVG(t *testing.T) {
	got := app.HTMLString(staticLayer("test-layer", "decor", func() []app.UI {
		return []app.UI{svg("text").Text("Kazakhstan")}
	}))
	// go-app writes attributes in no fixed order.
	for _, part := range []string{`<svg `, ` class="decor"`, ` overflow="visible"`, `><text>Kazakhstan</text></svg>`} {
		if !strings.Contains(got, part) {
			t.Errorf("staticLayer = %q, want it to contain %q", got, part)
		}
	}
}
