package mount

import (
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func TestStaticWritesHTMLOnce(t *testing.T) {
	builds := 0
	build := func() app.UI {
		builds++
		return app.P().Aria("hidden", true).Body(app.Span().Text("Armenia"), app.Text(", on"))
	}
	const want = `<p aria-hidden="true"><span>Armenia</span>, on</p>`
	for i := 0; i < 3; i++ {
		if got := app.HTMLString(Static("test-piece", build)); got != want {
			t.Fatalf("static = %q, want %q", got, want)
		}
	}
	if builds != 1 {
		t.Errorf("build ran %d times, want once", builds)
	}
}
