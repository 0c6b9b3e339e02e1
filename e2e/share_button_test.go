package e2e

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// stubShare replaces the Web Share API with one that records what it is
// given, as a phone's share sheet would receive it.
const stubShare = `(Object.defineProperty(Navigator.prototype, "share", {configurable: true, value: function (d) {
	window.sharedData = {title: d.title, text: d.text, url: d.url}; return Promise.resolve(); }}), true)`

// noShare takes the Web Share API away, as on most desktop browsers.
const noShare = `(delete Navigator.prototype.share, !("share" in navigator))`

// evalIn is eval for a context of its own, such as an iframe's target.
func evalIn[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

func waitIn(t *testing.T, ctx context.Context, expr string, timeout time.Duration) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(timeout))); err != nil {
		t.Fatalf("waiting for %s: %v", expr, err)
	}
}

type sharedData struct{ Title, Text, URL string }

// shareThere clicks Share where navigator.share exists and returns what it was given.
func shareThere(t *testing.T, ctx context.Context) sharedData {
	t.Helper()
	evalIn[bool](t, ctx, stubShare)
	if _, err := chromedp.Run(ctx, chromedp.Click(chromedp.CSS("#share-button"))); err != nil {
		t.Fatal(err)
	}
	waitIn(t, ctx, `window.sharedData !== undefined`, 10*time.Second)
	return evalIn[sharedData](t, ctx, `window.sharedData`)
}

// Share hands the system's share sheet the full page's canonical URL for
// the view, from the page and from an embed in another site's page: never
// the embed's own URL, its parameters or the host's.
func TestShareSharesTheFullPageURL(t *testing.T) {
	t.Run("page", func(t *testing.T) {
		tb := newTab(t, 60*time.Second)
		tb.open(t, "/?country=arm&event=armenia-freezes&utm_source=news")
		tb.waitReady(t)
		got := shareThere(t, tb.ctx)
		if want := baseURL + "/event/armenia-freezes/?country=ARM"; got.URL != want {
			t.Errorf("shared %q, want %q", got.URL, want)
		}
		if !strings.HasPrefix(got.Text, "22 February 2024: ") || got.Title != "Armenia and the CSTO, explained" {
			t.Errorf("shared title %q, text %q", got.Title, got.Text)
		}
		tb.noErrors(t)
	})
	t.Run("embed", func(t *testing.T) {
		host := newHostSite(t, func(*http.Request) string {
			return fmt.Sprintf(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>News</title></head><body>
<iframe src="%s/embed?view=map&amp;at=1999-06&amp;theme=dark&amp;embedId=x1" title="Map" width="700" height="900" allow="web-share; clipboard-write"></iframe>
</body></html>`, baseURL)
		})
		tb := newTab(t, 60*time.Second)
		tb.open(t, host+"/")
		frame := embedTarget(t, tb)
		waitIn(t, frame, `document.documentElement.dataset.ready === "true"`, 40*time.Second)
		got := shareThere(t, frame)
		if want := baseURL + "/at/1999-06/"; got.URL != want {
			t.Errorf("the embed shared %q, want %q", got.URL, want)
		}
		if got.Text != "June 1999: the CSTO's members" {
			t.Errorf("the embed shared the text %q", got.Text)
		}
		tb.noErrors(t)
	})
}

// grantClipboard lets the tab's pages write and read the clipboard.
func grantClipboard(t *testing.T, tb *tab) {
	t.Helper()
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		_, err := chromedp.CallBrowser(tb.ctx, cdpbrowser.SetPermission, cdpbrowser.SetPermissionParams{
			Permission: &cdpbrowser.PermissionDescriptor{Name: name}, Setting: cdpbrowser.PermissionSettingGranted,
			Origin: baseURL, BrowserContextID: chromedp.FromContext(tb.ctx).BrowserContextID,
		})
		if err != nil {
			t.Fatalf("granting %s: %v", name, err)
		}
	}
}

// statusRegion is the share status line's role, politeness and text.
const statusRegion = `(() => { const s = document.getElementById("share-status");
	return s ? [s.getAttribute("role"), s.getAttribute("aria-live"), s.textContent, getComputedStyle(s).display].join("|") : "missing"; })()`

// Without the Web Share API, Share (pressed with the keyboard) copies the
// link, says so where screen readers announce it (a polite live region
// there before the news), and the message goes after a while.
func TestShareCopiesTheLink(t *testing.T) {
	for _, c := range []struct{ name, path, want string }{
		{"page", "/country/AZE/?at=2024-03", "/country/AZE/?at=2024-03"},
		{"embed", "/embed?view=timeline&event=armenia-freezes&theme=light&childId=frame1", "/event/armenia-freezes/"},
	} {
		t.Run(c.name, func(t *testing.T) {
			tb := newTab(t, 60*time.Second)
			grantClipboard(t, tb)
			tb.open(t, c.path)
			tb.waitReady(t)
			eval[bool](t, tb, noShare)
			if got := eval[string](t, tb, statusRegion); !strings.HasPrefix(got, "status|polite||") || strings.HasSuffix(got, "|none") {
				t.Fatalf("before sharing, the status line is %q, want an empty polite live region", got)
			}
			// By keyboard: the button takes focus and Enter shares.
			eval[bool](t, tb, `(document.getElementById("share-button").focus(), document.activeElement.id === "share-button")`)
			tb.do(t, chromedp.KeyEvent("\r"))
			tb.waitTrue(t, `document.getElementById("share-status").textContent === "Link copied"`, 10*time.Second)
			if v := eval[bool](t, tb, `(() => { const r = document.getElementById("share-status").getBoundingClientRect(); return r.width > 0 && r.height > 0; })()`); !v {
				t.Error(`"Link copied" is not visible`)
			}
			if got := eval[string](t, tb, `navigator.clipboard.readText()`); got != baseURL+c.want {
				t.Errorf("copied %q, want %q", got, baseURL+c.want)
			}
			tb.waitTrue(t, `document.getElementById("share-status").textContent === ""`, 15*time.Second)
			tb.noErrors(t)
		})
	}
}

// Where the clipboard is refused (an iframe without clipboard-write, a
// browser's setting), the link is shown selected in a read-only field,
// with focus, for the reader to copy; on a 320 px phone, and axe finds
// nothing wrong with it.
func TestShareFallsBackToASelectedField(t *testing.T) {
	tb := newTab(t, 60*time.Second)
	tb.asPhone(t)
	tb.do(t, chromedp.EmulateViewport(320, 700, chromedp.EmulateMobile, chromedp.EmulateTouch))
	tb.open(t, "/?event=armenia-freezes")
	tb.startApp(t)
	eval[bool](t, tb, noShare+` && (navigator.clipboard.writeText = () => Promise.reject(new DOMException("refused", "NotAllowedError")), true)`)
	tb.do(t, chromedp.Click(chromedp.CSS("#share-button")))
	tb.waitTrue(t, `document.activeElement?.id === "share-link"`, 10*time.Second)
	type field struct {
		Value, Status      string
		ReadOnly, Selected bool
		Right              float64
		Width              float64
	}
	got := eval[field](t, tb, `(() => { const f = document.getElementById("share-link");
		return {value: f.value, status: document.getElementById("share-status").textContent, readOnly: f.readOnly,
			selected: f.selectionStart === 0 && f.selectionEnd === f.value.length,
			right: f.getBoundingClientRect().right, width: document.documentElement.clientWidth}; })()`)
	if want := baseURL + "/event/armenia-freezes/"; got.Value != want || !got.ReadOnly || !got.Selected {
		t.Errorf("the field holds %q (read-only %v, selected %v), want %q read-only and selected", got.Value, got.ReadOnly, got.Selected, want)
	}
	if got.Status == "" {
		t.Error("the status line does not say what to do")
	}
	if got.Right > got.Width {
		t.Errorf("at 320 px the field ends at %.0f px, past the page's %.0f", got.Right, got.Width)
	}
	for _, v := range runAxe(t, tb) {
		t.Errorf("with the link field shown: %s", v)
	}
	tb.noErrors(t)
}
