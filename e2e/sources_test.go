package e2e

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// checkSources lists what is wrong with the cited reports under root: none
// at all, or one that is not a titled, dated link opening safely.
const checkSources = `((root) => {
	const items = [...document.querySelectorAll(root + " li.source")];
	if (items.length === 0) return ["no source"];
	return items.flatMap(li => {
		const a = li.querySelector("a[href^='http']"), when = li.querySelector("time[datetime]");
		const bad = [];
		if (!a || !a.textContent.trim()) bad.push("no linked title: " + li.innerText);
		else if (!a.rel.includes("noopener") || !a.rel.includes("noreferrer")) bad.push("unsafe link: " + a.href);
		if (!when || !when.textContent.trim()) bad.push("no date: " + li.innerText);
		return bad;
	});
})`

func TestEveryEventShowsLinkedDatedReports(t *testing.T) {
	tb := newTab(t, 180*time.Second)
	tb.open(t, "/")
	tb.waitReady(t)
	ids := eval[[]string](t, tb, `[...document.querySelectorAll("#timeline [data-event]")].map(e => e.dataset.event)`)
	if len(ids) < 25 {
		t.Fatalf("only %d events", len(ids))
	}
	for _, id := range ids {
		tb.do(t, chromedp.Click(chromedp.CSS(`#timeline [data-event=`+jsString(id)+`]`)))
		tb.waitEvent(t, id)
		tb.waitTrue(t, `document.getElementById("event-details")?.dataset.detailsFor === `+jsString(id), 10*time.Second)
		if bad := eval[[]string](t, tb, checkSources+`("#event-details")`); len(bad) > 0 {
			t.Errorf("%s: %v", id, bad)
		}
	}
	// The country card gives the reports behind the dates it states.
	tb.open(t, "/country/ARM/")
	tb.waitReady(t)
	tb.waitTrue(t, `!!document.querySelector("#country-card .card-history")`, 10*time.Second)
	if bad := eval[[]string](t, tb, checkSources+`("#country-card .card-history")`); len(bad) > 0 {
		t.Errorf("Armenia's card: %v", bad)
	}
	tb.noErrors(t)
}

func TestSourcesAndMethodReachableFromFooterAndEmbed(t *testing.T) {
	// Without JavaScript: the server's HTML has the section and the link.
	tb := newTab(t, 90*time.Second)
	disableScripts(t, tb)
	tb.open(t, "/")
	if !eval[bool](t, tb, `!!document.querySelector("footer.credits a[href='#sources']")`) {
		t.Error("no link to #sources in the server's footer")
	}
	if got := eval[string](t, tb, `document.querySelector("#sources h2")?.textContent ?? ""`); got != "Sources and method" {
		t.Errorf("server's #sources heading = %q", got)
	}
	if n := eval[int](t, tb, `document.querySelectorAll("#sources .corrections-log li time[datetime]").length`); n == 0 {
		t.Error("no dated corrections in the server's section")
	}

	// In the client: the footer link takes the reader there.
	tc := newTab(t, 90*time.Second)
	tc.open(t, "/event/armenia-freezes/")
	tc.waitReady(t)
	tc.do(t, chromedp.Click(chromedp.CSS(`footer.credits a[href="#sources"]`)))
	tc.waitTrue(t, `location.hash === "#sources" && (() => { const r = document.getElementById("sources").getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0 })()`, 10*time.Second)
	if q := eval[string](t, tc, `location.pathname + location.search`); q != "/event/armenia-freezes/" {
		t.Errorf("following the link changed the view: %q", q)
	}
	tc.noErrors(t)

	// From an embed's credits: a link to the full explainer's section.
	te := newTab(t, 90*time.Second)
	te.open(t, "/embed?view=timeline")
	te.waitReady(t)
	link := eval[struct{ Href, Target string }](t, te, `(() => { const a = document.querySelector(".embed-credits a.embed-sources"); return a ? {Href: a.href, Target: a.target} : {Href: "", Target: ""} })()`)
	if link.Href != baseURL+"/#sources" || link.Target != "_blank" {
		t.Fatalf("embed credits link = %+v, want %s/#sources in a new tab", link, baseURL)
	}
	te.open(t, link.Href)
	if !eval[bool](t, te, `!!document.querySelector("#sources .corrections-log")`) {
		t.Error("the embed's link does not reach the section")
	}
	te.noErrors(t)
}
