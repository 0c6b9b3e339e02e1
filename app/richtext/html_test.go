package richtext

import (
	"reflect"
	"testing"
)

func TestHTMLReadsBackAsTheSameText(t *testing.T) {
	for _, in := range []string{
		"plain & <simple> \"quoted\"",
		"<p>One <b>bold</b> and <i>it</i>.</p><p>Two<br>lines</p>",
		`<ul><li><a href="https://example.org/a?b=1&amp;c=2">a link</a></li><li><em>x</em></li></ul>`,
		"<blockquote><strong>q</strong></blockquote> tail",
	} {
		text := Parse(in)
		if back := Parse(HTML(text)); !reflect.DeepEqual(back, text) {
			t.Errorf("%q: HTML %q read back as %+v, want %+v", in, HTML(text), back, text)
		}
	}
}
