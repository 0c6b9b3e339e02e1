package components

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/content"
	"explainer/app/view"
)

// Each layout's text is at least 12 CSS px at the narrowest width CSS
// shows it at, and CSS switches layouts where the Go code says.
func TestChartTextLegibleAtItsNarrowest(t *testing.T) {
	for _, c := range []struct {
		l    chartLayout
		from float64
	}{{narrowChart, narrowChartFrom}, {wideChart, wideChartFrom}} {
		if px := c.l.font * c.from / c.l.w; px < 12 {
			t.Errorf("%s layout: text %.1f px at %.0f px wide", c.l.name, px, c.from)
		}
	}
	css, err := os.ReadFile("../web/explainer.css")
	if err != nil {
		t.Fatal(err)
	}
	want := "@container charts (min-width: " + strconv.Itoa(wideChartFrom) + "px)"
	if !strings.Contains(string(css), want) {
		t.Errorf("explainer.css lacks %q", want)
	}
	for _, rule := range []string{".era-label { font: 16px", ".tick text, .stairs-year { font: 16px"} {
		if !strings.Contains(string(css), rule) || wideChart.font != 16 || narrowChart.font != 16 {
			t.Errorf("explainer.css and the layouts disagree on the chart's text size (%q)", rule)
		}
	}
}

// The staircase names each year once, and no two names overlap.
func TestStairsYearsOnceAndApart(t *testing.T) {
	path := content.Default().Timeline.Path()
	for _, l := range []chartLayout{wideChart, narrowChart} {
		labels := l.yearLabels(path)
		seen := map[int]bool{}
		for i, y := range labels {
			if seen[y.year] {
				t.Errorf("%s: %d labelled twice", l.name, y.year)
			}
			seen[y.year] = true
			w := l.textWidth(strconv.Itoa(y.year))
			if y.x-w/2 < 0 || y.x+w/2 > l.w {
				t.Errorf("%s: %d at %.0f runs off the chart", l.name, y.year, y.x)
			}
			if i > 0 && y.x-labels[i-1].x < w {
				t.Errorf("%s: %d and %d overlap (%.0f and %.0f)", l.name, labels[i-1].year, y.year, labels[i-1].x, y.x)
			}
		}
		for _, e := range path {
			if !seen[e.Date.Year] {
				t.Errorf("%s: the path's year %d is not labelled", l.name, e.Date.Year)
			}
		}
	}
	html := app.HTMLString(newTimelineChart(content.Default().Timeline, view.Default(), nil))
	years := regexp.MustCompile(`class="stairs-year"[^>]*>(\d{4})<`).FindAllStringSubmatch(html, -1)
	count := map[string]int{}
	for _, m := range years {
		count[m[1]]++
	}
	if len(count) == 0 {
		t.Fatal("no year drawn under the staircases")
	}
	for y, n := range count {
		if n != 2 { // once per layout
			t.Errorf("year %s drawn %d times under the staircases, want once in each of 2 layouts", y, n)
		}
	}
}

// Era names stay within the chart, in both layouts.
func TestEraLabelsWithinTheChart(t *testing.T) {
	for _, l := range []chartLayout{wideChart, narrowChart} {
		for i, e := range content.Default().Timeline.Eras() {
			_, _, g := l.era(i, e)
			w := l.textWidth(e.Label)
			x0 := g.label.x
			if g.label.anchor == "end" {
				x0 -= w
			}
			if x0 < 0 || x0+w > l.w {
				t.Errorf("%s: %q spans %.0f-%.0f of %.0f", l.name, e.Label, x0, x0+w, l.w)
			}
		}
	}
}
