package e2e

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
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
func TestNewsroomSheet(t *testing.T) {
	site := newsroomSite(t)

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
				Headline, Text, Credit string
				Bold, Links            int
				BeforeEvents           bool
				Events                 int
			}
			got := eval[intro](t, tb, `(() => {
				const i = document.getElementById("timeline-intro");
				if (!i) return {};
				const list = document.querySelector("#timeline .timeline-events");
				return {
					Headline: i.querySelector(".timeline-intro-headline")?.textContent ?? "",
					Text: i.querySelector(".timeline-intro-text")?.textContent ?? "",
					Credit: i.querySelector(".timeline-intro-credit")?.textContent ?? "",
					Bold: i.querySelectorAll(".timeline-intro-headline b").length,
					Links: i.querySelectorAll('.timeline-intro-text a[target="_blank"][rel="noopener noreferrer"]').length,
					BeforeEvents: !!(i.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING),
					Events: document.querySelectorAll("#timeline [data-event]").length,
				};
			})()`)
			want := intro{
				Headline:     "Armenia and the CSTO",
				Text:         "From the treaty of 1992 to an empty chair (opens in a new tab) in Bishkek.",
				Credit:       "Leaders at the Yerevan summit, 2022 — Kremlin press service",
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
	return sheetSite(t, newsroomSheet(t))
}

// sheetSite builds the explainer, server and wasm, with the sheet in place
// of events.csv and serves it over a copy of web/ holding its wasm. It
// returns the site's address.
func sheetSite(t *testing.T, data []byte) string {
	t.Helper()
	dir := t.TempDir()
	sheet := filepath.Join(dir, "events.csv")
	if err := os.WriteFile(sheet, data, 0o644); err != nil {
		t.Fatal(err)
	}
	overlay, err := json.Marshal(map[string]map[string]string{
		"Replace": {filepath.Join(repoRoot, "app", "timeline", "events.csv"): sheet},
	})
	if err != nil {
		t.Fatal(err)
	}
	overlayFile := filepath.Join(dir, "overlay.json")
	if err := os.WriteFile(overlayFile, overlay, 0o644); err != nil {
		t.Fatal(err)
	}
	web := filepath.Join(dir, "web")
	if _, err := copytree.Copy(filepath.Join(repoRoot, "web"), web); err != nil {
		t.Fatalf("copying web/: %v", err)
	}
	// The copies compressed for the real wasm must not stand in for this one.
	for _, f := range []string{"app.wasm.br", "app.wasm.gz"} {
		os.Remove(filepath.Join(web, f))
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
		if r[col["ID"]] != "treaty-signed" {
			continue
		}
		found = true
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
