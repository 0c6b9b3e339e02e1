package e2e

import (
	"fmt"
	"math"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// An embed whose iframe URL carries a newsletter's tracking parameters
// besides Pym's childId and a Datawrapper embedId: the server answers it
// from the page it caches for the embed's view and ids (no redirect, so
// the iframe's location keeps its ids), the page's links carry the ids on
// and not the tracking, and the host page gets its height messages.
func TestEmbedWithTrackingParameters(t *testing.T) {
	const width = 700
	embedURL := baseURL + "/embed?utm_source=newsletter&view=timeline&embedId=dw1&fbclid=abc&utm_medium=email"
	host := newHostSite(t, func(*http.Request) string { return fmt.Sprintf(hostPage, width, embedURL) })
	tb := newTab(t, 90*time.Second)
	tb.do(t, chromedp.EmulateViewport(width+40, 900))
	tb.open(t, host+"/")
	frame, reported := settledHeight(t, tb)
	if math.Abs(frame-reported) > 4 || frame < 300 {
		t.Errorf("iframe is %.0f px tall, the embed's content %.0f px", frame, reported)
	}
	pym := eval[[]string](t, tb, `window.heights.pym`)
	if len(pym) == 0 || !strings.HasPrefix(pym[len(pym)-1], "pymxPYMxframe-boxxPYMxheightxPYMx") {
		t.Errorf("Pym messages %v", pym)
	}
	if key := eval[string](t, tb, `Object.keys(window.heights.dw[0])[0]`); key != "dw1" {
		t.Errorf("Datawrapper messages keyed %q, want dw1", key)
	}
	src := eval[string](t, tb, `document.querySelector("#frame-box iframe").src`)
	res, page := httpGet(t, strings.TrimPrefix(src, baseURL), nil)
	if res.StatusCode != http.StatusOK || res.Request.URL.String() != src {
		t.Fatalf("GET %s: %s, ended at %s (a redirect would change the iframe's location)", src, res.Status, res.Request.URL)
	}
	for _, want := range []string{"childId=frame-box", "embedId=dw1", "view=timeline"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the embed's page does not carry %s on in its links", want)
		}
	}
	for _, junk := range []string{"utm_source", "fbclid"} {
		if strings.Contains(string(page), junk) {
			t.Errorf("the embed's page carries the tracking parameter %s on", junk)
		}
	}
	tb.noErrors(t)
}
