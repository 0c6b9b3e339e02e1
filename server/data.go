package server

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"

	"explainer/app/content"
	"explainer/app/dataset"
)

// dataFile is one file of "Get the data", built once when the server starts.
type dataFile struct {
	contentType string
	etag        string
	body        encodedBody
}

// dataFiles builds the files of dataset from the content the server
// shows, by path. The content is embedded in the binary, so they never
// change while the server runs.
func dataFiles(c *content.Content) map[string]dataFile {
	tf := dataset.Transitions(c.History)
	ef := dataset.Events(c.Timeline)
	files := map[string]struct {
		contentType string
		body        []byte
	}{
		dataset.TransitionsCSV:  {"text/csv; charset=utf-8", dataset.TransitionsCSVBytes(tf)},
		dataset.TransitionsJSON: {"application/json", dataset.JSON(tf)},
		dataset.EventsCSV:       {"text/csv; charset=utf-8", dataset.EventsCSVBytes(c.Timeline)},
		dataset.EventsJSON:      {"application/json", dataset.JSON(ef)},
		dataset.Readme:          {"text/plain; charset=utf-8", dataset.ReadmeText(tf, ef)},
	}
	out := make(map[string]dataFile, len(files))
	for p, f := range files {
		sum := sha256.Sum256(f.body)
		h := http.Header{"Content-Type": {f.contentType}}
		out[p] = dataFile{
			contentType: f.contentType,
			etag:        `"` + hex.EncodeToString(sum[:8]) + `"`,
			body:        encodeBody(h, f.body),
		}
	}
	return out
}

// dataPaths lists the data files' paths, for the export and the offline cache.
func dataPaths() []string {
	return []string{dataset.Readme, dataset.EventsCSV, dataset.EventsJSON, dataset.TransitionsCSV, dataset.TransitionsJSON}
}

// dataHandler serves the data files, gzipped where the reader accepts it,
// with an ETag so a browser or CDN revalidating gets a 304. No
// Content-Disposition: the page's links carry a download attribute with
// the file's name, and a static host would not send the header, so the
// server does not either (the export's answers are the server's).
func dataHandler(files map[string]dataFile) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f, ok := files[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		h := http.Header{"Content-Type": {f.contentType}, "Etag": {f.etag}}
		if etagMatch(r.Header.Get("If-None-Match"), f.etag) {
			sendBody(w, r, h, http.StatusNotModified, encodedBody{})
			return
		}
		sendBody(w, r, h, http.StatusOK, f.body)
	})
}
