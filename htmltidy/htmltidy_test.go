package htmltidy

import "testing"

func TestTidy(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<!doctype html>\n<p>\n  In \n  <span>Armenia</span>\n  , on\n</p>", "<!doctype html>\n<p>In <span>Armenia</span>, on</p>"},
		// The text's own leading space survives; only the indentation goes.
		{"<html>\n  <body>\n    <p>\n      <a>Armenia</a>\n       has decided\n    </p>\n  </body>\n</html>", "<html><body><p><a>Armenia</a> has decided</p></body></html>"},
		{"<div>\n  <img src=\"x\">\n  <br>\n  <p>\n     a\n  </p>\n</div>", "<div><img src=\"x\"><br><p> a</p></div>"},
		{"<div>\n  <path d=\"M0 0\"/>\n   b\n</div>", "<div><path d=\"M0 0\"/> b</div>"},
		{"<p title=\"a > b\">\n   x\n</p>", "<p title=\"a > b\"> x</p>"},
		{`<svg aria-hidden class="x">`, `<svg aria-hidden="true" class="x">`},
		{`<a aria-current>x</a><b aria-pressed/>`, `<a aria-current="true">x</a><b aria-pressed="true"/>`},
		{`<a aria-pressed="false" title="a aria-busy b">aria-hidden </a>`, `<a aria-pressed="false" title="a aria-busy b">aria-hidden </a>`},
		{`<p aria-label='it is aria-x y' hidden>`, `<p aria-label='it is aria-x y' hidden>`},
	}
	for _, tt := range tests {
		if got := string(Tidy([]byte(tt.in))); got != tt.want {
			t.Errorf("Tidy(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
