// Package contentcheck checks the content files an editor changes, as they
// are on disk, with the parsers the build embeds them with, and lists every
// problem as file:line:column. It runs on the machine only ("explainer
// check"); the wasm never links it.
package contentcheck

import (
	"bytes"
	"errors"
	"fmt"
	"io"
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
// problem to w, one a line. It returns the number of problems.
//
// A file that others cite (sources.csv, events.csv) must be valid for
// those to be checked: with it broken, every citation would look wrong, so
// they are skipped with a line saying so, which counts as a problem.
func Run(root string, w io.Writer) int {
	problems := 0
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
				timeline.Known{Paragraphs: timeline.IsArticleParagraph, Sources: catalog.Lookup})
			report(err)
			tl = t
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
	return problems
}
