package contentcheck

import (
	"bytes"
	"image"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestTheRepositorysContentIsValid(t *testing.T) {
	var out strings.Builder
	if n := Run("../..", &out); n != 0 {
		t.Errorf("%d problems:\n%s", n, out.String())
	}
}

// A plain TimelineJS sheet as events.csv is as valid to check as to the
// build: corrections.csv's entries about the explainer's events do not
// count against it.
func TestAPlainTimelineJSSheetChecks(t *testing.T) {
	root := copyContent(t)
	data, err := os.ReadFile("../../app/timeline/testdata/timelinejs.csv")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, filepath.FromSlash(EventsFile)), data, 0o644); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	if n := Run(root, &out); n != 0 {
		t.Errorf("%d problems:\n%s", n, out.String())
	}
}

// copyContent copies the content files to a new folder laid out as the
// repository, and returns it.
func copyContent(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	for _, f := range []string{SourcesFile, ArticleFile, EventsFile, TransitionsFile, RolesFile, CorrectionsFile} {
		dst := filepath.Join(root, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(filepath.Join("../..", filepath.FromSlash(f)))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestProblemsNameFileLineAndColumn(t *testing.T) {
	root := copyContent(t)
	events := filepath.Join(root, filepath.FromSlash(EventsFile))
	data, err := os.ReadFile(events)
	if err != nil {
		t.Fatal(err)
	}
	// The second line's Month (column 2) becomes 13, and a row of a
	// TimelineJS type that does not exist is added at the end.
	lines := strings.SplitAfter(string(data), "\n")
	cells := strings.SplitN(lines[1], ",", 3)
	lines[1] = cells[0] + ",13," + cells[2]
	bad := strings.Join(lines, "") + "2024,1,1,,,,,,,H,T,,,,,slide,,,x-slide,context,ARM,tass-2012-06-28,,,,\n"
	if err := os.WriteFile(events, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	n := Run(root, &out)
	got := out.String()
	want := []string{
		"app/timeline/events.csv:2:2: Month: 13 is not a month",
		`app/timeline/events.csv:` + strconv.Itoa(len(lines)) + `:16: Type: "slide" is not a TimelineJS type`,
	}
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("output lacks %q:\n%s", w, got)
		}
	}
	// corrections.csv cites events, so it waits for events.csv to be fixed.
	if !strings.Contains(got, "app/corrections/corrections.csv: not checked: app/timeline/events.csv has problems") {
		t.Errorf("output does not say corrections.csv was skipped:\n%s", got)
	}
	if n != 3 {
		t.Errorf("%d problems, want 3:\n%s", n, got)
	}
}

// A local image is checked on disk: there, and an image of its format;
// what will not be shown is a warning, not a problem.
func TestLocalMediaIsCheckedOnDisk(t *testing.T) {
	root := copyContent(t)
	media := filepath.Join(root, "web", "media")
	if err := os.MkdirAll(media, 0o755); err != nil {
		t.Fatal(err)
	}
	var png bytes.Buffer
	if err := pngEncode(&png); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"good.png": png.Bytes(), "fake.png": []byte("not a picture")} {
		if err := os.WriteFile(filepath.Join(media, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	check := func(sheet string) (int, string) {
		if err := os.WriteFile(filepath.Join(root, filepath.FromSlash(EventsFile)), []byte(sheet), 0o644); err != nil {
			t.Fatal(err)
		}
		var out strings.Builder
		n := Run(root, &out)
		return n, out.String()
	}
	n, got := check("Year,Headline,Media,Alt Text\n" +
		"2023,Good,media/good.png,A map\n" +
		"2023,Gone,/web/media/gone.jpg,A map\n" +
		"2023,Fake,media/fake.png,A map\n")
	for _, w := range []string{
		"app/timeline/events.csv:3:3: Media: web/media/gone.jpg: no such file\n",
		"app/timeline/events.csv:4:3: Media: web/media/fake.png: not a png image\n",
	} {
		if !strings.Contains(got, w) {
			t.Errorf("output lacks %q:\n%s", w, got)
		}
	}
	if n != 3 { // the two files, and corrections.csv left unchecked
		t.Errorf("%d problems, want 3:\n%s", n, got)
	}

	n, got = check("Year,Headline,Media,Alt Text,Background\n" +
		"2023,Good,media/good.png,A map,#1a73e8\n" +
		"2023,Faint,media/good.png,A map,#ffd700\n" +
		"2023,No alt,media/good.png,,\n")
	for _, w := range []string{
		"warning: app/timeline/events.csv:3:5: Background: #ffd700 is not used as the event's accent",
		"warning: app/timeline/events.csv:4:3: Media: a local image without Alt Text",
	} {
		if !strings.Contains(got, w) {
			t.Errorf("output lacks %q:\n%s", w, got)
		}
	}
	if n != 0 {
		t.Errorf("%d problems, want none (warnings only):\n%s", n, got)
	}
}

func pngEncode(w io.Writer) error {
	img := image.NewRGBA(image.Rect(0, 0, 4, 3))
	return png.Encode(w, img)
}

// A paragraph's moment is checked as the build reads it: a bad date is
// named at its line and column.
func TestAMomentsDateIsChecked(t *testing.T) {
	root := copyContent(t)
	article := filepath.Join(root, filepath.FromSlash(ArticleFile))
	data, err := os.ReadFile(article)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	n := 0
	for i, l := range lines {
		if strings.HasPrefix(l, "{#escalation ") {
			lines[i], n = "{#escalation at=2024-14}", i+1
		}
	}
	if n == 0 {
		t.Fatal("no escalation paragraph in the article")
	}
	if err := os.WriteFile(article, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	Run(root, &out)
	want := ArticleFile + ":" + strconv.Itoa(n) + `:17: at: date "2024-14": no such date`
	if !strings.Contains(out.String(), want) {
		t.Errorf("output lacks %q:\n%s", want, out.String())
	}
}
