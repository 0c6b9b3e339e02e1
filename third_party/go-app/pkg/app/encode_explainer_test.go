//go:build !wasm

package app

import (
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

// These tests cover the explainer's patch to the HTML encoder (see
// third_party/go-app/README.md). They use nothing but the standard
// library, as upstream's tests are not vendored.

func TestExplainerEncodeWritesNoWhitespaceBetweenNodes(t *testing.T) {
	tests := []struct {
		ui   UI
		want string
	}{
		// Upstream's indentation made this read "Armenia , on".
		{P().Body(A().Href("/am").Text("Armenia"), Text(", on")), `<p><a href="/am">Armenia</a>, on</p>`},
		{Div().Body(Div().Body(Span().Text("a"), Br(), Span().Text("b"))), `<div><div><span>a</span><br><span>b</span></div></div>`},
		// Whitespace that belongs to the text stays exactly as it is.
		{Pre().Body(Text("  two\n    lines "), B().Text(" x ")), "<pre>  two\n    lines <b> x </b></pre>"},
		{Div().Body(Raw("<i>r</i>"), Text(" t")), `<div><i>r</i> t</div>`},
	}
	for _, tt := range tests {
		if got := HTMLString(tt.ui); got != tt.want {
			t.Errorf("HTMLString = %q, want %q", got, tt.want)
		}
	}
}

func TestExplainerEncodeWritesOnlyBooleanAttributesBare(t *testing.T) {
	tests := []struct {
		ui   UI
		want string
	}{
		// A bare aria-hidden means "", which is not "true".
		{Span().Aria("hidden", true), `<span aria-hidden="true"></span>`},
		{Span().Aria("pressed", false), `<span aria-pressed="false"></span>`},
		{Input().Value("true").Draggable(true), `<input draggable="true" value="true">`},
		{Div().Hidden(true), `<div hidden></div>`},
		// hidden="false" would hide: the client leaves the attribute out.
		{Div().Hidden(false), `<div></div>`},
		{Input().Disabled(true).Checked(true), `<input checked disabled>`},
	}
	for _, tt := range tests {
		if got := HTMLString(tt.ui); got != tt.want {
			t.Errorf("HTMLString = %q, want %q", got, tt.want)
		}
	}
}

func TestExplainerEncodeEscapesForHTML(t *testing.T) {
	// Upstream quoted values as Go strings: title="say \"hi\"" ends at the
	// backslash in a browser, and café became caf\u00e9.
	got := HTMLString(Div().Title(`say "hi" & <b> it's café`).Text(`1 < 2 & "3" café`))
	want := `<div title="say &#34;hi&#34; &amp; &lt;b&gt; it&#39;s café">1 &lt; 2 &amp; &#34;3&#34; café</div>`
	if got != want {
		t.Errorf("HTMLString = %q, want %q", got, want)
	}
}

type explainerEncodeTestPage struct{ Compo }

func (p *explainerEncodeTestPage) Render() UI {
	return Main().Body(H1().Text("Title"), P().Aria("live", "polite").Text("body"))
}

func TestExplainerEncodePage(t *testing.T) {
	Route("/explainer-encode-test", func() Composer { return &explainerEncodeTestPage{} })
	h := &Handler{Name: "test", Icon: Icon{Default: "/web/icon.png"}}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/explainer-encode-test", nil))
	page := rec.Body.String()
	if rec.Code != 200 {
		t.Fatalf("GET /explainer-encode-test: status %d, body %q", rec.Code, page)
	}
	if !strings.HasPrefix(page, "<!doctype html>\n<html") {
		t.Errorf("page starts %.40q, want the doctype on a line of its own and then <html>", page)
	}
	if strings.Count(page, "\n") != 1 {
		t.Errorf("page has %d line breaks, want only the doctype's", strings.Count(page, "\n"))
	}
	if !strings.Contains(page, `<main><h1>Title</h1><p aria-live="polite">body</p></main>`) {
		t.Errorf("page lacks its body as the client would build it:\n%s", page)
	}
	icon := regexp.MustCompile(`<img [^>]*id="app-wasm-loader-icon"[^>]*>`).FindString(page)
	if !strings.Contains(icon, ` loading="lazy"`) {
		t.Errorf("loader icon %q is not loading=\"lazy\"", icon)
	}
}
