package e2e

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"image"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// fetchedData is what the page gets when it fetches a data link.
type fetchedData struct {
	Href, Type, Body string
	Status           int
}

// The "Get the data" links of the map and the timeline open: each answers
// 200 with its type, and its CSV or JSON parses with every row and the
// sources and licence. In an embed too.
func TestDataLinksOpen(t *testing.T) {
	for _, path := range []string{"/", "/embed?view=all"} {
		t.Run(path, func(t *testing.T) {
			tb := newTab(t, 60*time.Second)
			tb.open(t, path)
			tb.waitReady(t)
			got := eval[[]fetchedData](t, tb, `Promise.all([...document.querySelectorAll("#map-data a, #timeline-data a")].map(async a => {
				const r = await fetch(a.href);
				return {href: a.getAttribute("href"), status: r.status, type: r.headers.get("Content-Type"), body: await r.text()};
			}))`)
			want := map[string]string{
				"/data/transitions.csv": "text/csv; charset=utf-8", "/data/transitions.json": "application/json",
				"/data/events.csv": "text/csv; charset=utf-8", "/data/events.json": "application/json",
				"/data/README.txt": "text/plain; charset=utf-8",
			}
			seen := map[string]bool{}
			for _, f := range got {
				seen[f.Href] = true
				if f.Status != 200 || f.Type != want[f.Href] {
					t.Errorf("%s: %d %q, want 200 %q", f.Href, f.Status, f.Type, want[f.Href])
					continue
				}
				checkDataBody(t, f)
			}
			for href := range want {
				if !seen[href] {
					t.Errorf("no link to %s", href)
				}
			}
			names := eval[[]string](t, tb, `[...document.querySelectorAll("#map-data a[download], #timeline-data a[download]")].map(a => a.download)`)
			if strings.Join(names, " ") != "csto-transitions.csv csto-events.csv" {
				t.Errorf("the CSV links save as %q", names)
			}
			tb.noErrors(t)
		})
	}
}

func checkDataBody(t *testing.T, f fetchedData) {
	t.Helper()
	switch {
	case strings.HasSuffix(f.Href, ".csv"):
		rows := strings.Split(strings.TrimSuffix(f.Body, "\r\n"), "\r\n")
		header := map[string]string{"/data/transitions.csv": "date,iso,country,status", "/data/events.csv": "Year,Month,Day"}[f.Href]
		if !strings.HasPrefix(rows[0], header) || len(rows) < 10 {
			t.Errorf("%s: header %q, %d lines", f.Href, rows[0], len(rows))
		}
	case strings.HasSuffix(f.Href, ".json"):
		var doc map[string]any
		if err := json.Unmarshal([]byte(f.Body), &doc); err != nil {
			t.Fatalf("%s: %v", f.Href, err)
		}
		rows, _ := doc[strings.TrimSuffix(strings.TrimPrefix(f.Href, "/data/"), ".json")].([]any)
		srcs, _ := doc["sources"].([]any)
		if len(rows) < 10 || len(srcs) == 0 || doc["licence"] == "" || doc["licence"] == nil {
			t.Errorf("%s: %d rows, %d sources, licence %v", f.Href, len(rows), len(srcs), doc["licence"])
		}
	default:
		if !strings.Contains(f.Body, "Licence") || !strings.Contains(f.Body, "Sources") {
			t.Errorf("%s says nothing of sources or licence", f.Href)
		}
	}
}

// allowDownloads saves the tab's downloads in a folder of the test's.
func allowDownloads(t *testing.T, tb *tab) string {
	t.Helper()
	dir := t.TempDir()
	_, err := chromedp.CallBrowser(tb.ctx, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
		Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir,
		BrowserContextID: chromedp.FromContext(tb.ctx).BrowserContextID,
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// waitFile waits for a finished download named name in dir.
func waitFile(t *testing.T, dir, name string) []byte {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err == nil && len(b) > 0 {
			return b
		}
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			t.Fatal(err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	t.Fatalf("no download %s; the folder holds %v", name, names)
	return nil
}

// svgElement is an element of the downloaded SVG, with the attributes the
// test reads.
type svgElement struct {
	Name, ISO, Status, Fill, ID, Text string
}

func readSVG(t *testing.T, b []byte) (root xml.StartElement, els []svgElement) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	var stack []*svgElement
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the SVG does not parse: %v", err)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			if root.Name.Local == "" {
				root = tk
			}
			e := svgElement{Name: tk.Name.Local}
			for _, a := range tk.Attr {
				switch a.Name.Local {
				case "data-iso":
					e.ISO = a.Value
				case "data-status":
					e.Status = a.Value
				case "fill":
					e.Fill = a.Value
				case "id":
					e.ID = a.Value
				}
			}
			els = append(els, e)
			stack = append(stack, &els[len(els)-1])
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].Text += string(tk)
			}
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		}
	}
	return root, els
}

// "Download the map" saves the map at its date as an SVG that stands
// alone (every state with its status and the fill the page gives it, the
// patterns, the enlarged South Caucasus, the title, the date and the
// credits) and as a PNG of the same size, named for the date; in an
// embed too. Nothing leaves the origin.
func TestMapDownloads(t *testing.T) {
	for _, c := range []struct{ name, path string }{
		{"page", "/?at=2024-03-01"},
		{"embed", "/embed?view=map&at=2024-03-01&theme=dark"},
	} {
		t.Run(c.name, func(t *testing.T) {
			tb := newTab(t, 90*time.Second)
			dir := allowDownloads(t, tb)
			tb.open(t, c.path)
			tb.waitReady(t)
			fills := eval[map[string]string](t, tb, `Object.fromEntries([...document.querySelectorAll("#map svg.map path[data-iso]")].map(p => [p.dataset.iso, getComputedStyle(p).fill]))`)
			statuses := statuses(t, tb)

			tb.do(t, chromedp.Click(chromedp.CSS("#map-download-svg")))
			doc := waitFile(t, dir, "csto-map-2024-03-01.svg")
			root, els := readSVG(t, doc)
			if root.Name.Local != "svg" || root.Name.Space != "http://www.w3.org/2000/svg" {
				t.Fatalf("the root is %v", root.Name)
			}
			var text strings.Builder
			shapes, patterns := 0, map[string]bool{}
			for _, e := range els {
				text.WriteString(e.Text + " ")
				if e.Name == "pattern" {
					patterns[e.ID] = true
				}
				if e.Name != "path" || e.ISO == "" {
					continue
				}
				shapes++
				if e.Status != statuses[e.ISO] || e.Fill != fills[e.ISO] || e.Fill == "" {
					t.Errorf("%s in the file: %s filled %q; on the page: %s filled %q", e.ISO, e.Status, e.Fill, statuses[e.ISO], fills[e.ISO])
				}
			}
			if shapes != len(statuses) || statuses["ARM"] != "frozen" {
				t.Errorf("%d shapes in the file, %d on the page; Armenia %q", shapes, len(statuses), statuses["ARM"])
			}
			if !patterns["hatch-frozen"] || !bytes.Contains(doc, []byte(`fill="url(#hatch-frozen)"`)) {
				t.Error("the file lacks the frozen hatching")
			}
			for _, want := range []string{"1 March 2024", "Map: Natural Earth", "Armenia and the CSTO, explained", "Member, participation frozen", "South Caucasus, enlarged", "Armenia "} {
				if !strings.Contains(text.String(), want) {
					t.Errorf("the file's text lacks %q", want)
				}
			}
			if bytes.Contains(doc, []byte("http://127.0.0.1")) || bytes.Contains(doc, []byte("class=")) {
				t.Error("the file refers to the page (its address or its classes)")
			}

			tb.do(t, chromedp.Click(chromedp.CSS("#map-download-png")))
			pic, err := png.Decode(bytes.NewReader(waitFile(t, dir, "csto-map-2024-03-01.png")))
			if err != nil {
				t.Fatalf("the PNG does not decode: %v", err)
			}
			var w, h int
			for _, a := range root.Attr {
				switch a.Name.Local {
				case "width":
					w, _ = strconv.Atoi(a.Value)
				case "height":
					h, _ = strconv.Atoi(a.Value)
				}
			}
			if b := pic.Bounds(); b.Dx() != w || b.Dy() != h || w < 1000 || h < 600 {
				t.Errorf("the PNG is %dx%d, the SVG %dx%d", b.Dx(), b.Dy(), w, h)
			}
			if n := colours(pic); n < 6 {
				t.Errorf("the PNG has %d colours: nothing drawn", n)
			}
			if keep := os.Getenv("E2E_ARTIFACTS"); keep != "" {
				// To look at: the harness keeps failed tests' screenshots there too.
				os.CopyFS(filepath.Join(keep, "map-download-"+c.name), os.DirFS(dir))
			}
			for _, r := range tb.rec.Requests() {
				if !sameOrigin(r, baseURL) {
					t.Errorf("a request left the origin: %s", r)
				}
			}
			tb.noErrors(t)
		})
	}
}

// colours counts the distinct colours of a sample of pixels.
func colours(img image.Image) int {
	seen := map[[4]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 7 {
		for x := b.Min.X; x < b.Max.X; x += 7 {
			r, g, bl, a := img.At(x, y).RGBA()
			seen[[4]uint32{r >> 8, g >> 8, bl >> 8, a >> 8}] = true
		}
	}
	return len(seen)
}
