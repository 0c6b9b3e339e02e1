package server

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"explainer/app/content"
	"explainer/app/dataset"
)

func TestDataFilesServed(t *testing.T) {
	h, _ := testSite(t)
	types := map[string]string{
		dataset.TransitionsCSV:  "text/csv; charset=utf-8",
		dataset.EventsCSV:       "text/csv; charset=utf-8",
		dataset.TransitionsJSON: "application/json",
		dataset.EventsJSON:      "application/json",
		dataset.Readme:          "text/plain; charset=utf-8",
	}
	if len(types) != len(dataPaths()) {
		t.Fatalf("dataPaths lists %d files, the test knows %d", len(dataPaths()), len(types))
	}
	for _, p := range dataPaths() {
		res := get(t, h, p)
		b := body(t, res)
		if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != types[p] {
			t.Errorf("%s: %d %q, want 200 %q", p, res.StatusCode, res.Header.Get("Content-Type"), types[p])
			continue
		}
		if cc := res.Header.Get("Cache-Control"); cc != pageCacheControl {
			t.Errorf("%s: Cache-Control %q, want %q", p, cc, pageCacheControl)
		}
		if csp := res.Header.Get("Content-Security-Policy"); csp != contentSecurityPolicy {
			t.Errorf("%s: CSP %q", p, csp)
		}
		switch {
		case strings.HasSuffix(p, ".csv"):
			rows, err := csv.NewReader(strings.NewReader(b)).ReadAll()
			if err != nil || len(rows) < 2 {
				t.Errorf("%s: %d rows, %v", p, len(rows), err)
			}
		case strings.HasSuffix(p, ".json"):
			var doc struct {
				Licence string            `json:"licence"`
				Sources []json.RawMessage `json:"sources"`
			}
			if err := json.Unmarshal([]byte(b), &doc); err != nil || doc.Licence == "" || len(doc.Sources) == 0 {
				t.Errorf("%s: licence %q, %d sources, %v", p, doc.Licence, len(doc.Sources), err)
			}
		default:
			if !strings.Contains(b, dataset.Licence) {
				t.Errorf("%s has no licence", p)
			}
		}

		etag := res.Header.Get("ETag")
		if etag == "" {
			t.Errorf("%s: no ETag", p)
			continue
		}
		if again := get(t, h, p, "If-None-Match", etag); again.StatusCode != http.StatusNotModified || body(t, again) != "" {
			t.Errorf("%s revalidated: %d, want 304 without a body", p, again.StatusCode)
		}
		zipped := get(t, h, p, "Accept-Encoding", "gzip")
		if zipped.Header.Get("Content-Encoding") == "gzip" {
			raw, _ := io.ReadAll(zipped.Body)
			if string(gunzip(t, raw)) != b {
				t.Errorf("%s: the gzipped body is not the plain one", p)
			}
		} else if len(b) > 4096 {
			t.Errorf("%s: %d bytes sent without gzip", p, len(b))
		}
	}
	if res := get(t, h, "/data/other.csv"); res.StatusCode != http.StatusNotFound {
		t.Errorf("/data/other.csv: %d, want 404", res.StatusCode)
	}
}

func TestDataFilesExportedAndCachedOffline(t *testing.T) {
	a, err := loadAssets(webWithFakeWasm(t))
	if err != nil {
		t.Fatal(err)
	}
	routes, err := exportRoutes(a, exportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range dataPaths() {
		if !slices.Contains(routes, p) {
			t.Errorf("the export leaves out %s", p)
		}
		if !slices.Contains(offlineResources(a.dir), p) {
			t.Errorf("the service worker does not cache %s", p)
		}
	}
	s, _ := newSite("https://explainer.example", "")
	out := t.TempDir()
	if err := export(out, s, a, exportOptions{}, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	h, _ := testSite(t)
	for _, p := range dataPaths() {
		got, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(p, "/"))))
		if err != nil {
			t.Fatal(err)
		}
		if want := body(t, get(t, h, p)); !bytes.Equal(got, []byte(want)) {
			t.Errorf("exported %s differs from the server's answer", p)
		}
	}
}

// BenchmarkDataFiles is what building the data files adds to the server's
// start (and the export's): once per process.
func BenchmarkDataFiles(b *testing.B) {
	c := content.Default()
	for b.Loop() {
		dataFiles(c)
	}
}
