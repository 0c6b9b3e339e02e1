package richtext

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Armenia freezes its participation.", "Armenia freezes its participation."},
		{"empty", "", ""},
		{"paragraphs and a link", `<p>Six states sign the <a href="https://example.org/treaty">treaty</a>.</p><p>In <b>Tashkent</b>.</p>`,
			`<p>Six states sign the <a href="https://example.org/treaty">treaty</a>.</p><p>In <b>Tashkent</b>.</p>`},
		{"every allowed tag", "<strong>s</strong><em>e</em><i>i</i>a<br>b<br/>c<ul><li>1<li>2</ul><ol><li>x</li></ol><blockquote>q</blockquote>",
			"<strong>s</strong><em>e</em><i>i</i>a<br>b<br>c<ul><li>1</li><li>2</li></ul><ol><li>x</li></ol><blockquote>q</blockquote>"},
		{"uppercase tags", `<P>One <B>two</B> <A HREF="HTTPS://example.org/x">three</A></P>`,
			`<p>One <b>two</b> <a href="https://example.org/x">three</a></p>`},
		{"entities", "Armenia &amp; the CSTO &mdash; &#8220;frozen&#x201D; &lt;b&gt; &bogus; & AT&T&", "Armenia &amp; the CSTO — “frozen” &lt;b&gt; &amp;bogus; &amp; AT&amp;T&amp;"},
		{"a lone less-than", "1 < 2 and 3 <4", "1 &lt; 2 and 3 &lt;4"},
		{"script dropped with its contents", `Before<script>alert("x")</script>after`, "Beforeafter"},
		{"script in upper case, end tag with space", `a<SCRIPT type=x>alert(1)</script >b`, "ab"},
		{"script never closed", `a<script>alert(1)`, "a"},
		{"script end tag look-alike", `a<script>x="</scripty>";alert(1)</script>b`, "ab"},
		{"style dropped with its contents", `<style>p{color:red}</style>words`, "words"},
		{"event handler", `<img src=x onerror="alert(1)">Picture<b onclick="alert(1)">bold</b>`, "Picture<b>bold</b>"},
		{"javascript URL", `<a href="javascript:alert(1)">click</a>`, "click"},
		{"javascript URL in capitals and with spaces", `<a href="  JaVaScRiPt:alert(1)">click</a>`, "click"},
		{"entity-encoded javascript URL", `<a href="jav&#x61;script&colon;alert(1)">click</a><a href="&#106;avascript:alert(1)">two</a>`, "clicktwo"},
		{"tab inside the scheme", "<a href=\"java\tscript:alert(1)\">click</a>", "click"},
		{"data URL", `<a href="data:text/html,<script>alert(1)</script>">click</a>`, "click"},
		{"relative and protocol-relative URLs", `<a href="/x">one</a> <a href="//evil.example/x">two</a>`, "one two"},
		{"user in URL", `<a href="https://example.org@evil.example/">x</a>`, "x"},
		{"entity in a good URL", `<a href="https://example.org/?a=1&amp;b=2">x</a>`, `<a href="https://example.org/?a=1&amp;b=2">x</a>`},
		{"attributes without quotes", `<a href=https://example.org/x target=_self>x</a>`, `<a href="https://example.org/x">x</a>`},
		{"single quotes, other attributes dropped", `<a class='c' href='http://example.org/' style='x'>x</a>`, `<a href="http://example.org/">x</a>`},
		{"quote in a URL cannot escape", `<a href='https://example.org/"onmouseover="alert(1)'>x</a>`, `<a href="https://example.org/%22onmouseover=%22alert%281%29">x</a>`},
		{"nested anchors", `<a href="https://a.example/">one <a href="https://b.example/">two</a> three</a>`, `<a href="https://a.example/">one two</a> three`},
		{"unclosed tags", `<p><b>bold <i>both`, "<p><b>bold <i>both</i></b></p>"},
		{"misnested", "<b><i>x</b>y</i>", "<b><i>x</i></b>y"},
		{"p closed by a block", "<p>one<p>two<ul><li>three</ul>", "<p>one</p><p>two</p><ul><li>three</li></ul>"},
		{"li outside a list", "<li>item</li>", "item"},
		{"nested lists", "<ul><li>a<ul><li>b</ul><li>c</ul>", "<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>"},
		{"disallowed elements keep their words", `<div><span style="x">Kept</span> <h1>words</h1> <font>too</font></div>`, "Kept words too"},
		{"iframe and svg dropped whole", `a<iframe src="https://evil.example/">fallback</iframe><svg><script>alert(1)</script></svg>b`, "ab"},
		{"comments and doctype", "a<!-- <script>alert(1)</script> -->b<!DOCTYPE html>c<?xml x?>d", "abcd"},
		{"unclosed comment", "a<!-- b", "a"},
		{"tag never closed", `a<b class="x`, "a"},
		{"bogus end tags", "a</>b</ x>c</p>d", "abcd"},
		{"NUL", "a\x00b", "a\uFFFDb"},
		{"line breaks", "one\r\ntwo\rthree", "one\ntwo\nthree"},
		{"deep nesting", strings.Repeat("<b>", 40) + "x", strings.Repeat("<b>", maxDepth) + "x" + strings.Repeat("</b>", maxDepth)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := HTML(Parse(tt.in)); got != tt.want {
				t.Errorf("Parse(%q)\n got %s\nwant %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestPlain(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<p>Six states sign.</p><p>In <b>Tashkent</b>.</p>", "Six states sign. In Tashkent."},
		{"one<br>two", "one two"},
		{"<ul><li>a</li><li>b</li></ul>", "a b"},
		{"  spaced \n out  ", "spaced out"},
		{"<script>x</script>", ""},
	}
	for _, tt := range tests {
		if got := Parse(tt.in).Plain(); got != tt.want {
			t.Errorf("Parse(%q).Plain() = %q, want %q", tt.in, got, tt.want)
		}
	}
	if !Parse("<p> </p>").IsEmpty() || Parse("<p>x</p>").IsEmpty() {
		t.Error("IsEmpty")
	}
	if !Parse("<p>x</p>").HasBlocks() || Parse("<b>x</b>").HasBlocks() {
		t.Error("HasBlocks")
	}
}
