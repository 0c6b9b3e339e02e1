// Package contentcheck checks the content files an editor changes, as they
// are on disk, with the parsers the build embeds them with, and lists every
// problem as file:line:column. It runs on the machine only ("explainer
// check"); the wasm never links it.
package contentcheck

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/gif" // the formats whose size the check reads
	_ "image/jpeg"
	_ "image/png"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"explainer/app/corrections"
	"explainer/app/membership"
	"explainer/app/roles"
	"explainer/app/sources"
	"explainer/app/story"
	"explainer/app/timeline"
)

// The content files, relative to the repository, as problems name them.
const (
	SourcesFile     = "app/sources/sources.csv"
	ArticleFile     = "app/story/article.md"
	EventsFile      = "app/timeline/events.csv"
	TransitionsFile = "app/membership/transitions.csv"
	RolesFile       = "app/roles/roles.csv"
	CorrectionsFile = "app/corrections/corrections.csv"
)

// Run checks the content files under the repository root and writes each
// problem to w, one a line, then each warning (what loads but will not be
// shown), "warning: " before it. It returns the number of problems.
//
// A file that others cite (sources.csv, events.csv) must be valid for
// those to be checked: with it broken, every citation would look wrong, so
// they are skipped with a line saying so, which counts as a problem.
func Run(root string, w io.Writer) int {
	problems := 0
	var warnings []error
	report := func(err error) {
		if err == nil {
			return
		}
		for _, line := range strings.Split(err.Error(), "\n") {
			fmt.Fprintln(w, line)
			problems++
		}
	}
	read := func(name string) []byte {
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name)))
		if err != nil {
			report(fmt.Errorf("%s: %w", name, errors.Unwrap(err)))
			return nil
		}
		return data
	}
	skip := func(name, because string) {
		report(fmt.Errorf("%s: not checked: %s has problems", name, because))
	}

	var catalog *sources.Catalog
	if data := read(SourcesFile); data != nil {
		c, err := sources.Parse(SourcesFile, bytes.NewReader(data))
		report(err)
		catalog = c
	}
	if data := read(ArticleFile); data != nil {
		_, err := story.Parse(ArticleFile, string(data))
		report(err)
	}
	var tl *timeline.Timeline
	if data := read(EventsFile); data != nil {
		if catalog == nil {
			skip(EventsFile, SourcesFile)
		} else {
			t, err := timeline.Parse(EventsFile, bytes.NewReader(data),
				timeline.Known{Paragraphs: timeline.IsArticleParagraph, Sources: catalog.Lookup, LocalFile: localImage(root)})
			report(err)
			tl = t
			if t != nil {
				warnings = append(warnings, t.Warnings()...)
			}
		}
	}
	if data := read(TransitionsFile); data != nil {
		if catalog == nil {
			skip(TransitionsFile, SourcesFile)
		} else {
			_, err := membership.ParseTransitions(TransitionsFile, bytes.NewReader(data), catalog.Lookup)
			report(err)
		}
	}
	if data := read(RolesFile); data != nil {
		_, err := roles.Parse(RolesFile, bytes.NewReader(data), timeline.IsArticleParagraph)
		report(err)
	}
	if data := read(CorrectionsFile); data != nil {
		if tl == nil {
			skip(CorrectionsFile, EventsFile)
		} else {
			_, err := corrections.Parse(CorrectionsFile, bytes.NewReader(data), corrections.EventsOf(tl))
			report(err)
		}
	}
	for _, warning := range warnings {
		fmt.Fprintln(w, "warning: "+warning.Error())
	}
	return problems
}

// decodable are the image formats Go reads, by file extension.
var decodable = map[string]string{".png": "png", ".gif": "gif", ".jpg": "jpeg", ".jpeg": "jpeg"}

// localImage checks that a local image is a file under root's web/ folder
// and, for the formats Go reads, that it is an image of that format.
func localImage(root string) func(p string) error {
	return func(p string) error {
		name := "web/" + p
		f, err := os.Open(filepath.Join(root, filepath.FromSlash(name)))
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("%s: no such file", name)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", name, errors.Unwrap(err))
		}
		defer f.Close()
		if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
			return fmt.Errorf("%s: not a file", name)
		}
		ext := strings.ToLower(filepath.Ext(p))
		if want, ok := decodable[ext]; ok {
			if _, format, err := image.DecodeConfig(f); err != nil || format != want {
				return fmt.Errorf("%s: not a %s image", name, want)
			}
		}
		return nil
	}
}
