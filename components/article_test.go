package components

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/story"
)

func TestArticleRendersEveryParagraphWithItsID(t *testing.T) {
	a := story.Default()
	html := app.HTMLString(NewArticle(a))
	for _, p := range a.Paragraphs {
		if !strings.Contains(html, `id="p-`+p.ID+`"`) {
			t.Errorf("paragraph %s has no id in %.200s", p.ID, html)
		}
	}
	for _, want := range []string{a.Headline, "By Times Tengri", `datetime="2025-11-26"`, "26 November 2025", "5 min read"} {
		if !strings.Contains(html, want) {
			t.Errorf("article lacks %q", want)
		}
	}
}

func TestArticleMarksMentions(t *testing.T) {
	src := "---\nheadline: H\noutlet: O\npublished: 2025-11-26\nreading-minutes: 1\n---\n{#a}\nIn [2021-2022](date:2021/2022) [Armenia](country:ARM) <b>waited</b>.\n"
	a, err := story.Parse("t.md", src)
	if err != nil {
		t.Fatal(err)
	}
	e := app.NewTestEngine()
	if err := e.Load(NewArticle(a)); err != nil {
		t.Fatal(err)
	}
	html := app.HTMLString(NewArticle(a))
	for _, want := range []string{
		`data-iso="ARM"`, `>Armenia</a>`, `href="/country/ARM/"`,
		`datetime="2021/2022"`, `>2021-2022</time>`,
		"&lt;b&gt;waited&lt;/b&gt;", // content is text, never markup
	} {
		if !strings.Contains(html, want) {
			t.Errorf("article lacks %q:\n%s", want, html)
		}
	}
	if strings.Contains(html, "<b>") {
		t.Error("content text was rendered as HTML")
	}
}

func TestNilArticleRendersEmpty(t *testing.T) {
	if err := app.Match(app.Article().ID("article").Class("article"), NewArticle(nil).Render()); err != nil {
		t.Error(err)
	}
}

// A paragraph's strip tells the status of each state it names at its
// moment, and links to that view; a paragraph without a moment has none.
func TestArticleMomentStrips(t *testing.T) {
	src := "---\nheadline: H\noutlet: O\npublished: 2025-11-26\nreading-minutes: 1\n---\n" +
		"{#a at=2024-02}\n[Armenia](country:ARM) and [Azerbaijan](country:AZE).\n\n" +
		"{#b}\n[Armenia](country:ARM) again.\n"
	a, err := story.Parse("strip-test.md", src)
	if err != nil {
		t.Fatal(err)
	}
	html := app.HTMLString(NewArticle(a))
	for _, want := range []string{
		`data-moment="a"`, `href="/at/2024-02/"`, "at the end of February 2024",
		`data-moment-status="frozen" data-strip-iso="ARM"`, "member, participation frozen",
		`data-moment-status="former" data-strip-iso="AZE"`, "former member",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("the strip lacks %q:\n%s", want, html)
		}
	}
	if strings.Contains(html, `data-moment="b"`) {
		t.Error("a paragraph without a moment has a strip")
	}
	if strings.Contains(html, `data-reading`) {
		t.Error("a paragraph is marked as followed with none followed")
	}
	if html := app.HTMLString(NewArticle(a).Reading("a")); !strings.Contains(html, `class="paragraph is-reading" data-paragraph="a" data-reading="true" id="p-a"`) {
		t.Errorf("the followed paragraph is not marked:\n%s", html)
	}
}
