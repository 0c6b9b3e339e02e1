package embed

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		query string
		want  Options
	}{
		{"", Options{View: All, Theme: Auto}},
		{"view=map&theme=dark", Options{View: Map, Theme: Dark}},
		{"view=timeline&theme=light&childId=csto-1&embedId=abc_2", Options{View: Timeline, Theme: Light, ChildID: "csto-1", EmbedID: "abc_2"}},
		{"view=MAP&theme=purple", Options{View: All, Theme: Auto}},
		{"view=article&childId=%3Cscript%3E", Options{View: Article, Theme: Auto}},
		{"embedId=" + strings.Repeat("a", 65), Options{View: All, Theme: Auto}},
		{"childId=a%22b", Options{View: All, Theme: Auto}},
	}
	for _, tt := range tests {
		if got := Parse(tt.query); got != tt.want {
			t.Errorf("Parse(%q) = %+v, want %+v", tt.query, got, tt.want)
		}
	}
}

func TestQueryRoundTrip(t *testing.T) {
	for _, o := range []Options{
		{View: All, Theme: Auto},
		{View: Map, Theme: Dark, EmbedID: "x1"},
		{View: Article, Theme: Light, ChildID: "c"},
	} {
		if got := Parse(o.Query()); got != o {
			t.Errorf("Parse(%q) = %+v, want %+v", o.Query(), got, o)
		}
	}
}

func TestCode(t *testing.T) {
	code := Code("https://news.example/csto/", Options{View: Map, Theme: Dark, EmbedID: "e1"}, "event=armenia-freezes", `A "map" & more`)
	for _, want := range []string{
		`src="https://news.example/csto/embed?event=armenia-freezes&amp;embedId=e1&amp;theme=dark&amp;view=map"`,
		`title="A &#34;map&#34; &amp; more"`,
		`loading="lazy"`, `height="900"`,
		`<script async src="https://news.example/csto/web/embed.js"></script>`,
	} {
		if !strings.Contains(code, want) {
			t.Errorf("code lacks %s:\n%s", want, code)
		}
	}
}

func TestViews(t *testing.T) {
	if !All.Shows(Map) || !Map.Shows(Map) || Map.Shows(Timeline) {
		t.Error("Shows")
	}
	for _, v := range Views() {
		if v.Height() < 300 || v.Label() == "" {
			t.Errorf("view %s: height %d label %q", v, v.Height(), v.Label())
		}
	}
}

// The embed's Share button needs the clipboard and the share sheet, which
// an iframe only has when its allow attribute names them.
func TestIFrameAllowsSharing(t *testing.T) {
	code := IFrame("https://explainer.example/embed", "Map", 900)
	if !strings.Contains(code, `allow="clipboard-write; web-share"`) {
		t.Errorf("the iframe does not allow the clipboard and the share sheet: %s", code)
	}
}
