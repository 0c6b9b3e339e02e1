package components

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

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
