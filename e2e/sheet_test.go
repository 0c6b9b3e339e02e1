package e2e

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"image"
	"image/color"
	"image/png"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"explainer/internal/copytree"
)

// TestNewsroomSheet serves the explainer built from a timeline sheet as a
// newsroom's Google Sheet exports it: a byte order mark, CRLF line ends, a
// title row, HTML in Text (paragraphs, a link, bold, a line break inside
// the cell, and markup that must never run), a Display Date, a Time and a
// blank last row. The sheet is the explainer's own events.csv so dressed,
// so the rest of the content still refers to its events; the server and
// the wasm are built with it in place of events.csv (go build -overlay).
// It also has TimelineJS 3.9's Alt Text column, local and remote media,
// thumbnails, groups and backgrounds: see newsroomMedia.
func TestNewsroomSheet(t *testing.T) {
	site := newsroomSite(t)
	newsroomMedia(t, site)

	t.Run("HTML in Text shows as the editors wrote it, and never runs", func(t *testing.T) {
		for _, scripts := range []bool{false, true} {
			tb := newTab(t, 90*time.Second)
			if !scripts {
				// The server's page, as a reader sees it before the app runs.
				disableScripts(t, tb)
			}
			tb.open(t, site+"/event/treaty-signed/")
			if scripts {
				tb.waitReady(t)
			}
			type shown struct {
				Paragraphs, Bold, Links, Breaks, Unsafe int
				Link, Target, Rel, Text                 string
				Ran                                     bool
			}
			got := eval[shown](t, tb, `(() => {
				const s = document.querySelector("#event-details .event-summary");
				const a = s.querySelector("a");
				return {
					Paragraphs: s.querySelectorAll(":scope > p").length,
					Bold: s.querySelectorAll("b").length,
					Links: s.querySelectorAll("a").length,
					Breaks: s.querySelectorAll("br").length,
					Unsafe: s.querySelectorAll("script, img, style, [onerror], [onclick]").length,
					Link: a ? a.getAttribute("href") : "",
					Target: a ? a.target : "",
					Rel: a ? a.rel : "",
					Text: s.textContent,
					Ran: window.pwned === true,
				};
			})()`)
			want := shown{Paragraphs: 2, Bold: 1, Links: 1, Breaks: 1,
				Link:   "https://en.wikipedia.org/wiki/Collective_Security_Treaty_Organization",
				Target: "_blank", Rel: "noopener noreferrer"}
			text := got.Text
			got.Text = ""
			if got != want {
				t.Errorf("scripts %v: the summary shows %+v, want %+v", scripts, got, want)
			}
			for _, w := range []string{"Six states sign the Collective Security Treaty (opens in a new tab) in Tashkent.", "not a link"} {
				if !strings.Contains(text, w) {
					t.Errorf("scripts %v: the summary %q lacks %q", scripts, text, w)
				}
			}
			for _, bad := range []string{"<", "pwned", "alert"} {
				if strings.Contains(text, bad) {
					t.Errorf("scripts %v: the summary %q shows %q", scripts, text, bad)
				}
			}
			if date := eval[string](t, tb, `document.querySelector('#timeline [data-event="treaty-signed"] .event-date').textContent`); date != "Spring 1992" {
				t.Errorf("scripts %v: the event's date reads %q, want the sheet's Display Date", scripts, date)
			}
			if scripts {
				// The editors' markup and the introduction, held to the
				// same WCAG checks as the rest of the page.
				for _, v := range runAxe(t, tb) {
					t.Errorf("axe: %s", v)
				}
				tb.noErrors(t)
			}
		}
	})

	t.Run("the title row is the timeline's introduction", func(t *testing.T) {
		for _, scripts := range []bool{false, true} {
			tb := newTab(t, 90*time.Second)
			if !scripts {
				disableScripts(t, tb)
			}
			tb.open(t, site+"/")
			if scripts {
				tb.waitReady(t)
			}
			type intro struct {
				Headline, Text, Caption, Credit, Alt, Src string
				Bold, Links                               int
				BeforeEvents                              bool
				Events                                    int
			}
			got := eval[intro](t, tb, `(() => {
				const i = document.getElementById("timeline-intro");
				if (!i) return {};
				const list = document.querySelector("#timeline .timeline-events");
				return {
					Headline: i.querySelector(".timeline-intro-headline")?.textContent ?? "",
					Text: i.querySelector(".timeline-intro-text")?.textContent ?? "",
					Caption: i.querySelector("#intro-media .media-caption-text")?.textContent ?? "",
					Credit: i.querySelector("#intro-media .media-credit")?.textContent ?? "",
					Alt: i.querySelector("#intro-media img")?.alt ?? "",
					Src: i.querySelector("#intro-media img")?.getAttribute("src") ?? "",
					Bold: i.querySelectorAll(".timeline-intro-headline b").length,
					Links: i.querySelectorAll('.timeline-intro-text a[target="_blank"][rel="noopener noreferrer"]').length,
					BeforeEvents: !!(i.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING),
					Events: document.querySelectorAll("#timeline [data-event]").length,
				};
			})()`)
			want := intro{
				Headline:     "Armenia and the CSTO",
				Text:         "From the treaty of 1992 to an empty chair (opens in a new tab) in Bishkek.",
				Caption:      "Leaders at the Yerevan summit, 2022",
				Credit:       "Kremlin press service",
				Alt:          "Leaders around a table",
				Src:          "/web/media/summit.png",
				Bold:         1,
				Links:        1,
				BeforeEvents: true,
				Events:       newsroomEvents,
			}
			if got != want {
				t.Errorf("scripts %v: the introduction shows %+v, want %+v", scripts, got, want)
			}
			if scripts {
				tb.noErrors(t)
			}
		}
	})
}

// newsroomMedia checks the newsroom sheet's media, thumbnails, groups and
// accents in the browser; site is newsroomSite's address.
func newsroomMedia(t *testing.T, site string) {
	t.Run("a local image shows at once, with its alt text, caption and credit", func(t *testing.T) {
		tb := newTab(t, 90*time.Second)
		tb.open(t, site+"/?event=treaty-signed")
		tb.waitReady(t)
		tb.waitTrue(t, `document.querySelector("#event-media img")?.complete === true`, 10*time.Second)
		type shown struct {
			Src, Alt, Caption, Credit string
			Loaded, Framed, Thumb     bool
		}
		got := eval[shown](t, tb, `(() => {
			const f = document.getElementById("event-media");
			const img = f.querySelector("img");
			const frame = f.querySelector(".media-frame").getBoundingClientRect();
			const thumb = document.querySelector('#timeline [data-event="treaty-signed"] img.event-thumb');
			return {
				Src: img.getAttribute("src"), Alt: img.alt,
				Caption: f.querySelector(".media-caption-text").textContent,
				Credit: f.querySelector(".media-credit").textContent,
				Loaded: img.naturalWidth === 64,
				// The frame keeps its 16:9 box whatever the picture.
				Framed: frame.width > 0 && Math.abs(frame.height - frame.width * 9 / 16) < 2,
				Thumb: !!thumb && thumb.complete && thumb.naturalWidth === 64 && thumb.getAttribute("role") === "presentation",
			};
		})()`)
		want := shown{Src: "/web/media/treaty.png", Alt: "Six leaders sign the treaty at a table",
			Caption: "The signing in Tashkent", Credit: "Archive photo", Loaded: true, Framed: true, Thumb: true}
		if got != want {
			t.Errorf("the local image shows %+v, want %+v", got, want)
		}
		// An offline reader has the images too: the service worker keeps them.
		tb.waitServiceWorker(t)
		if !eval[bool](t, tb, `(async () => {
			for (const k of await caches.keys()) {
				const c = await caches.open(k);
				if (await c.match("/web/media/treaty.png", {ignoreSearch: true}) && await c.match("/web/media/summit.png", {ignoreSearch: true})) return true;
			}
			return false;
		})()`) {
			t.Error("the service worker's cache lacks the local images")
		}
		// A remote thumbnail is not shown in the list.
		if n := eval[int](t, tb, `document.querySelectorAll('#timeline [data-event="armenia-freezes"] img').length`); n != 0 {
			t.Errorf("a remote thumbnail shows in the list (%d images)", n)
		}
		for _, v := range runAxe(t, tb) {
			t.Errorf("axe: %s", v)
		}
		tb.noErrors(t)
	})

	t.Run("a video is a card until the reader loads it; nothing leaves the site before", func(t *testing.T) {
		// Before the app runs, the server's card has the link to the
		// video, and no button that would do nothing.
		plain := newTab(t, 60*time.Second)
		disableScripts(t, plain)
		plain.open(t, site+"/?event=armenia-freezes")
		if got := eval[string](t, plain, `(() => {
			const f = document.getElementById("event-media");
			return f.dataset.provider + " " + f.querySelectorAll("button, iframe, img").length + " " + f.querySelector("a.media-source").href;
		})()`); got != "YouTube 0 https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1m30s" {
			t.Errorf("without scripts the card is %q", got)
		}

		requests := recordBrowserRequests(t)
		tb := newTab(t, 90*time.Second)
		tb.open(t, site+"/?event=armenia-freezes")
		tb.waitReady(t)
		type card struct {
			Provider, Title, Button, Caption, Credit, Link string
			Frames                                         int
		}
		got := eval[card](t, tb, `(() => {
			const f = document.getElementById("event-media");
			return {
				Provider: f.dataset.provider,
				Title: f.querySelector(".media-card-title")?.textContent ?? "",
				Button: f.querySelector("button.media-load")?.textContent ?? "",
				Caption: f.querySelector(".media-caption-text")?.textContent ?? "",
				Credit: f.querySelector(".media-credit i")?.textContent ?? "",
				Link: f.querySelector('a.media-source[target="_blank"][rel="noopener noreferrer"]')?.href ?? "",
				Frames: document.querySelectorAll("iframe").length,
			};
		})()`)
		want := card{Provider: "YouTube", Title: "Video on YouTube", Button: "Load video from YouTube",
			Caption: "Pashinyan announces the freeze", Credit: "France 24",
			Link: "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1m30s"}
		if got != want {
			t.Errorf("the video's card shows %+v, want %+v", got, want)
		}
		for _, v := range runAxe(t, tb) {
			t.Errorf("axe: %s", v)
		}
		tb.noErrors(t)
		before := requests()
		if !slices.Contains(before, site+"/?event=armenia-freezes") {
			t.Fatalf("the recording missed the page itself: %v", before)
		}
		for _, u := range before {
			if !strings.HasPrefix(u, site+"/") && !strings.HasPrefix(u, "data:") {
				t.Errorf("a request left the site before the reader asked: %s", u)
			}
		}

		tb.do(t, chromedp.Click(chromedp.CSS("#event-media button.media-load")))
		tb.waitTrue(t, `!!document.getElementById("event-media-player")`, 10*time.Second)
		// The button is gone: the focus moves to the player, not to the page.
		tb.waitTrue(t, `document.activeElement?.id === "event-media-player"`, 5*time.Second)
		type player struct{ Src, Sandbox, Allow, Title, Focused string }
		p := eval[player](t, tb, `(() => {
			const f = document.getElementById("event-media-player");
			return {Src: f.getAttribute("src"), Sandbox: f.getAttribute("sandbox"), Allow: f.getAttribute("allow"),
				Title: f.title, Focused: document.activeElement?.id ?? ""};
		})()`)
		wantPlayer := player{Src: "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&start=90",
			Sandbox: "allow-scripts allow-same-origin allow-presentation",
			Allow:   "autoplay; encrypted-media; fullscreen; picture-in-picture",
			Title:   "YouTube video: Armenia freezes its participation", Focused: "event-media-player"}
		if !strings.HasPrefix(p.Title, wantPlayer.Title) {
			t.Errorf("the player's title is %q, want it to start %q", p.Title, wantPlayer.Title)
		}
		p.Title = wantPlayer.Title
		if p != wantPlayer {
			t.Errorf("after the click the player is %+v, want %+v", p, wantPlayer)
		}
		// The machine has no internet: the request is attempted, not served.
		deadline := time.Now().Add(10 * time.Second)
		for !slices.ContainsFunc(requests(), func(u string) bool { return strings.HasPrefix(u, wantPlayer.Src) }) {
			if time.Now().After(deadline) {
				t.Fatalf("no request to the player after the click; requests: %v", requests())
			}
			time.Sleep(100 * time.Millisecond)
		}
	})

	t.Run("a remote image waits too; another address is a link card", func(t *testing.T) {
		requests := recordBrowserRequests(t)
		tb := newTab(t, 90*time.Second)
		tb.open(t, site+"/?event=yerevan-summit")
		tb.waitReady(t)
		if b := eval[string](t, tb, `document.querySelector("#event-media button.media-load")?.textContent ?? ""`); b != "Load image from Wikimedia Commons" {
			t.Errorf("the remote image's button reads %q", b)
		}
		tb.do(t, chromedp.Click(chromedp.CSS(`#timeline [data-event="bishkek-summit"]`)))
		tb.waitEvent(t, "bishkek-summit")
		type link struct {
			Provider, Href, Text string
			Buttons, Images      int
		}
		got := eval[link](t, tb, `(() => {
			const f = document.querySelector("#event-media.media-link");
			return f ? {Provider: f.dataset.provider, Href: f.querySelector("a").href, Text: f.querySelector("a").textContent,
				Buttons: f.querySelectorAll("button").length, Images: f.querySelectorAll("img, iframe").length} : {};
		})()`)
		if want := (link{Provider: "example.org", Href: "https://example.org/bishkek-report",
			Text: "Open on example.org (opens in a new tab)"}); got != want {
			t.Errorf("the link card shows %+v, want %+v", got, want)
		}
		for _, u := range requests() {
			if !strings.HasPrefix(u, site+"/") && !strings.HasPrefix(u, "data:") {
				t.Errorf("a request left the site unasked: %s", u)
			}
		}
		tb.do(t, chromedp.Click(chromedp.CSS(`#timeline [data-event="yerevan-summit"]`)))
		tb.waitEvent(t, "yerevan-summit")
		tb.do(t, chromedp.Click(chromedp.CSS("#event-media button.media-load")))
		tb.waitTrue(t, `!!document.querySelector("#event-media img.media-image")`, 10*time.Second)
		if src := eval[string](t, tb, `document.querySelector("#event-media img.media-image").src`); src != "https://upload.wikimedia.org/wikipedia/commons/a/a9/Example.jpg" {
			t.Errorf("the loaded image is %q", src)
		}
	})

	t.Run("groups are labelled lanes; an accent only where its contrast passes", func(t *testing.T) {
		tb := newTab(t, 90*time.Second)
		tb.open(t, site+"/")
		tb.waitReady(t)
		type chart struct {
			Lanes                       []string
			OnLane                      bool
			Accent, FaintAccent         string
			ListAccent, FaintListAccent int
			Group                       string
		}
		got := eval[chart](t, tb, `(() => {
			const c = [...document.querySelectorAll(".chart-wide, .chart-narrow")].find(e => e.offsetParent !== null);
			const lines = [...c.querySelectorAll(".lane line")].map(l => l.getAttribute("y1"));
			const marker = id => c.querySelector('circle[data-marker="' + id + '"]');
			return {
				Lanes: [...c.querySelectorAll(".lane-label")].map(e => e.textContent),
				OnLane: marker("treaty-signed").getAttribute("cy") === lines[0] &&
					marker("armenia-freezes").getAttribute("cy") === lines[1] &&
					marker("bishkek-summit").getAttribute("cy") === lines[2],
				Accent: getComputedStyle(marker("treaty-signed")).fill,
				FaintAccent: getComputedStyle(marker("armenia-freezes")).fill,
				ListAccent: document.querySelectorAll('#timeline [data-event="treaty-signed"] .event-accent circle[fill="#1a73e8"]').length,
				FaintListAccent: document.querySelectorAll('#timeline [data-event="armenia-freezes"] .event-accent').length,
				Group: document.querySelector('#timeline [data-event="treaty-signed"] .event-group')?.textContent ?? "",
			};
		})()`)
		if strings.Join(got.Lanes, "|") != "Founding|Estrangement|Other events" || !got.OnLane {
			t.Errorf("lanes %q, markers on their lanes %v; want Founding, Estrangement, Other events", got.Lanes, got.OnLane)
		}
		if got.Accent != "rgb(26, 115, 232)" || got.ListAccent != 1 {
			t.Errorf("the passing accent: marker fill %q, %d list dots", got.Accent, got.ListAccent)
		}
		if got.FaintAccent == "rgb(255, 215, 0)" || got.FaintListAccent != 0 {
			t.Errorf("the faint accent is shown: marker fill %q, %d list dots", got.FaintAccent, got.FaintListAccent)
		}
		if got.Group != "Founding" {
			t.Errorf("the list says the group %q, want Founding", got.Group)
		}
		for _, v := range runAxe(t, tb) {
			t.Errorf("axe: %s", v)
		}
		tb.noErrors(t)
	})
}

// TestPlainTimelineJSSheet serves the explainer built from a plain
// TimelineJS sheet (the template's columns only: no ids, states, sources,
// paragraphs or path). Its events show and select; what needs the
// explainer's own columns is not shown rather than shown empty.
func TestPlainTimelineJSSheet(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repoRoot, "app", "timeline", "testdata", "timelinejs.csv"))
	if err != nil {
		t.Fatal(err)
	}
	site := sheetSite(t, data)
	tb := newTab(t, 90*time.Second)
	tb.open(t, site+"/")
	tb.waitReady(t)
	ids := eval[[]string](t, tb, `[...document.querySelectorAll("#timeline [data-event]")].map(e => e.dataset.event)`)
	want := "collective-security-treaty-signed armenia-freezes-its-participation bishkek-summit"
	if strings.Join(ids, " ") != want {
		t.Fatalf("events %v, want %s", ids, want)
	}
	tb.do(t, chromedp.Click(chromedp.CSS(`#timeline [data-event="armenia-freezes-its-participation"]`)))
	tb.waitEvent(t, "armenia-freezes-its-participation")
	type shown struct {
		Summary, MapDate, URL string
		Sources, States, Play int
	}
	got := eval[shown](t, tb, `({
		Summary: document.querySelector("#event-details .event-summary")?.textContent ?? "",
		MapDate: document.getElementById("map-date").getAttribute("datetime"),
		URL: location.pathname + location.search,
		Sources: document.querySelectorAll("#event-details h4, #event-details .event-sources").length,
		States: document.querySelectorAll("#event-details .event-states").length,
		Play: document.querySelectorAll("#play-path").length,
	})`)
	if w := (shown{Summary: "Pashinyan says Armenia has frozen its participation in the CSTO.", MapDate: "2024-02-22",
		URL: "/event/armenia-freezes-its-participation/"}); got != w {
		t.Errorf("after selecting an event the page shows %+v, want %+v", got, w)
	}
	tb.noErrors(t)
}

// TestForgottenRegenerationShowsOldContentEverywhere: an events.csv edited
// without make build (content_gen.go left stale) changes neither the
// server's page nor the app: both show the committed timeline, so the
// prerendered page and the app it turns into never disagree.
func TestForgottenRegenerationShowsOldContentEverywhere(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repoRoot, "app", "timeline", "testdata", "timelinejs.csv"))
	if err != nil {
		t.Fatal(err)
	}
	site := buildSheetSite(t, data, false)
	const committed, edited = `data-event="armenia-freezes"`, `data-event="armenia-freezes-its-participation"`
	resp, err := http.Get(site + "/")
	if err != nil {
		t.Fatal(err)
	}
	page, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(page, []byte(committed)) || bytes.Contains(page, []byte(edited)) {
		t.Errorf("the server's page has %s: %t, %s: %t; want the committed event alone",
			committed, bytes.Contains(page, []byte(committed)), edited, bytes.Contains(page, []byte(edited)))
	}
	tb := newTab(t, 90*time.Second)
	tb.open(t, site+"/")
	tb.waitReady(t)
	type shown struct{ Committed, Edited int }
	got := eval[shown](t, tb, `({
		Committed: document.querySelectorAll('#timeline [`+committed+`]').length,
		Edited: document.querySelectorAll('#timeline [`+edited+`]').length,
	})`)
	if got.Committed == 0 || got.Edited != 0 {
		t.Errorf("the app shows %+v events of the committed and the edited timeline; want the committed alone", got)
	}
	tb.noErrors(t)
}

// TestNoTitleRowNoIntroduction: without a title row in the explainer's
// own events.csv, the timeline has no introduction, not an empty one.
func TestNoTitleRowNoIntroduction(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repoRoot, "app", "timeline", "events.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(strings.ToLower(string(data)), ",title,") {
		t.Skip("events.csv has a title row")
	}
	tb := newTab(t, 60*time.Second)
	tb.open(t, "/")
	tb.waitReady(t)
	if n := eval[int](t, tb, `document.querySelectorAll("#timeline-intro, .timeline-intro").length`); n != 0 {
		t.Errorf("%d introductions without a title row", n)
	}
	tb.noErrors(t)
}

// newsroomEvents is the number of events in the explainer's events.csv,
// counted by newsroomSite: the title row must not add one.
var newsroomEvents int

// newsroomSite builds the explainer with events.csv dressed as a Google
// Sheets export and serves it; see sheetSite.
func newsroomSite(t *testing.T) string {
	t.Helper()
	return sheetSite(t, newsroomSheet(t),
		webFile{"media/treaty.png", pngOf(t, 64, 48, color.RGBA{0x2a, 0x6f, 0x97, 0xff})},
		webFile{"media/summit.png", pngOf(t, 80, 45, color.RGBA{0x7a, 0x2e, 0x1d, 0xff})})
}

// pngOf is a PNG of one colour, w by h pixels: the sheets' local images.
func pngOf(t *testing.T, w, h int, c color.RGBA) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.SetRGBA(x, y, c)
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// webFile is a file a sheet's site serves under web/: its media.
type webFile struct {
	name string // relative to web/, e.g. "media/treaty.png"
	data []byte
}

// sheetSite builds the explainer, server and wasm, with the sheet in place
// of events.csv and serves it over a copy of web/ holding its wasm and the
// files given. It returns the site's address.
func sheetSite(t *testing.T, data []byte, files ...webFile) string {
	t.Helper()
	return buildSheetSite(t, data, true, files...)
}

// buildSheetSite is sheetSite; without regenerate it leaves the committed
// content_gen.go files in place, as an editor does who forgets make build.
func buildSheetSite(t *testing.T, data []byte, regenerate bool, files ...webFile) string {
	t.Helper()
	dir := t.TempDir()
	sheet := filepath.Join(dir, "events.csv")
	if err := os.WriteFile(sheet, data, 0o644); err != nil {
		t.Fatal(err)
	}
	replace := map[string]string{filepath.Join(repoRoot, "app", "timeline", "events.csv"): sheet}
	overlayFile := filepath.Join(dir, "overlay.json")
	writeOverlay := func() {
		overlay, err := json.Marshal(map[string]map[string]string{"Replace": replace})
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(overlayFile, overlay, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	writeOverlay()
	if regenerate {
		regenerateWith(t, dir, overlayFile, replace)
		writeOverlay()
	}
	web := filepath.Join(dir, "web")
	if _, err := copytree.Copy(filepath.Join(repoRoot, "web"), web); err != nil {
		t.Fatalf("copying web/: %v", err)
	}
	// The copies compressed for the real wasm must not stand in for this one.
	for _, f := range []string{"app.wasm.br", "app.wasm.gz"} {
		os.Remove(filepath.Join(web, f))
	}
	for _, f := range files {
		name := filepath.Join(web, filepath.FromSlash(f.name))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, f.data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	bin := filepath.Join(dir, "server-under-test")
	builds := []struct {
		env  []string
		args []string
	}{
		{nil, []string{"build", "-overlay", overlayFile, "-o", bin, "."}},
		{[]string{"GOOS=js", "GOARCH=wasm"}, []string{"build", "-overlay", overlayFile, "-trimpath", "-ldflags=-s -w", "-o", filepath.Join(web, "app.wasm"), "."}},
	}
	for _, b := range builds {
		cmd := exec.Command("go", b.args...)
		cmd.Dir = repoRoot
		cmd.Env = append(os.Environ(), b.env...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(b.args, " "), err, out)
		}
	}
	srv := &pinnedServer{addr: freePort(t), web: web, bin: bin}
	srv.start(t)
	t.Cleanup(func() { srv.stop(t) })
	return "http://" + srv.addr
}

// regenerateWith runs contentgen built with the overlay's content files in
// place, and adds the content_gen.go files it writes under dir to replace.
func regenerateWith(t *testing.T, dir, overlayFile string, replace map[string]string) {
	t.Helper()
	// The server and the wasm build their model from the Go data contentgen
	// writes, not from events.csv: the generator, built with the sheet in
	// place, writes that data for both builds to use in place of the
	// committed files.
	gen := filepath.Join(dir, "gen")
	cmd := exec.Command("go", "run", "-overlay", overlayFile, "./tools/contentgen", "-root", gen)
	cmd.Dir = repoRoot
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("contentgen with the sheet: %v\n%s", err, out)
	}
	generated, err := filepath.Glob(filepath.Join(gen, "app", "*", "content_gen.go"))
	if err != nil || len(generated) == 0 {
		t.Fatalf("contentgen wrote no files under %s (%v)", gen, err)
	}
	for _, g := range generated {
		rel, _ := filepath.Rel(gen, g)
		replace[filepath.Join(repoRoot, rel)] = g
	}
}

// newsroomSheet is events.csv as a newsroom's sheet: see TestNewsroomSheet.
func newsroomSheet(t *testing.T) []byte {
	t.Helper()
	f, err := os.Open(filepath.Join(repoRoot, "app", "timeline", "events.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// TimelineJS 3.9's Alt Text column, at the end as a newsroom adds it.
	for i := range rows {
		cell := ""
		if i == 0 {
			cell = "Alt Text"
		}
		rows[i] = append(rows[i], cell)
	}
	col := make(map[string]int)
	for i, h := range rows[0] {
		col[h] = i
	}
	newsroomEvents = 0
	found := false
	for _, r := range rows[1:] {
		if r[col["Type"]] == "" {
			newsroomEvents++
		}
		set := func(cells map[string]string) {
			for k, v := range cells {
				r[col[k]] = v
			}
		}
		switch r[col["ID"]] {
		case "armenia-freezes":
			set(map[string]string{"Media": "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1m30s",
				"Media Caption": "Pashinyan announces the freeze", "Media Credit": "<i>France 24</i>",
				"Media Thumbnail": "https://i.ytimg.com/vi/dQw4w9WgXcQ/default.jpg", // remote: not shown
				"Group":           "Estrangement", "Background": "#ffd700"})         // too faint on white: no accent
		case "yerevan-summit":
			set(map[string]string{"Media": "https://upload.wikimedia.org/wikipedia/commons/a/a9/Example.jpg",
				"Alt Text": "Leaders at a round table", "Media Caption": "The summit", "Group": "Estrangement"})
		case "bishkek-summit":
			set(map[string]string{"Media": "https://example.org/bishkek-report", "Media Caption": "A report"})
		}
		if r[col["ID"]] != "treaty-signed" {
			continue
		}
		found = true
		set(map[string]string{"Media": "media/treaty.png", "Alt Text": "Six leaders sign the treaty at a table",
			"Media Caption": "The signing in <b>Tashkent</b>", "Media Credit": "Archive photo",
			"Media Thumbnail": "/web/media/treaty.png", "Group": "Founding", "Background": "#1A73E8"})
		r[col["Display Date"]] = "Spring 1992"
		r[col["Time"]] = "10:00"
		r[col["Text"]] = `<p>Six states sign the <a href="https://en.wikipedia.org/wiki/Collective_Security_Treaty_Organization">Collective Security Treaty</a> in <b>Tashkent</b>.</p>` +
			"<p>Armenia, Kazakhstan, Kyrgyzstan,\nRussia, Tajikistan and Uzbekistan<br>sign." +
			`<script>window.pwned = true</script><img src="x" onerror="window.pwned = true">` +
			`<a href="javascript:window.pwned = true">not a link</a></p>`
	}
	if !found {
		t.Fatal("events.csv has no event treaty-signed")
	}
	title := make([]string, len(rows[0]))
	title[col["Type"]] = "title"
	title[col["Headline"]] = "<b>Armenia</b> and the CSTO"
	title[col["Text"]] = `<p>From the treaty of 1992 to an <a href="https://www.timestengri.kz/">empty chair</a> in Bishkek.</p>`
	title[col["Media Caption"]] = "Leaders at the Yerevan summit, 2022"
	title[col["Media Credit"]] = "Kremlin press service"
	title[col["Media"]] = "/web/media/summit.png"
	title[col["Alt Text"]] = "Leaders around a table"
	blank := make([]string, len(rows[0]))
	all := append([][]string{rows[0], title}, rows[1:]...)
	all = append(all, blank)

	var b bytes.Buffer
	b.WriteString("\ufeff")
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	if err := w.WriteAll(all); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
