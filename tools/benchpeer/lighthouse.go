package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// lighthouseResult is one Lighthouse run's performance figures.
type lighthouseResult struct {
	Side   string  `json:"side"`
	Page   string  `json:"page"`   // the path audited
	Preset string  `json:"preset"` // mobile or desktop
	Score  float64 `json:"score"`  // performance, 0 to 100
	TBT    float64 `json:"tbt"`    // total blocking time, ms
	LCP    float64 `json:"lcp"`    // ms
}

// lighthouseTarget is a page Lighthouse audits.
type lighthouseTarget struct {
	side, base, path, preset string
}

// runLighthouse audits, runs times each and alternating between the
// sides: the explainer's three embeds of the timeline and the map on a
// phone and its page on a desktop, TimelineJS's page on both, and the
// go-app floor's page on a phone. Lighthouse is the version make audit
// installs, and starts a Chromium of its own, with a fresh profile, for
// every run.
func runLighthouse(runs int, oursURL, theirsURL, floorURL, tmp string) ([]lighthouseResult, error) {
	out, err := exec.Command("tools/audit.sh", "--install").Output()
	if err != nil {
		return nil, fmt.Errorf("installing Lighthouse (tools/audit.sh --install): %w", err)
	}
	lh := strings.TrimSpace(string(out))
	targets := []lighthouseTarget{
		{ours, oursURL, "/embed?view=timeline", "mobile"},
		{theirs, theirsURL, "/", "mobile"},
		{floor, floorURL, "/", "mobile"},
		{ours, oursURL, "/embed?view=map", "mobile"},
		{ours, oursURL, "/embed?view=all", "mobile"},
		{ours, oursURL, "/", "desktop"},
		{theirs, theirsURL, "/", "desktop"},
	}
	var results []lighthouseResult
	for i := range runs {
		for _, tg := range targets {
			report := filepath.Join(tmp, "lighthouse.json")
			args := []string{tg.base + tg.path, "--quiet", "--only-categories=performance",
				"--chrome-flags=--headless=new --no-sandbox --disable-gpu",
				"--output=json", "--output-path=" + report}
			if tg.preset == "desktop" {
				args = append(args, "--preset=desktop")
			}
			if err := auditRetrying(lh, args, tg.base+tg.path); err != nil {
				return nil, err
			}
			r, err := readLighthouse(report)
			if err != nil {
				return nil, err
			}
			r.Side, r.Page, r.Preset = tg.side, tg.path, tg.preset
			results = append(results, r)
			fmt.Fprintf(os.Stderr, "benchpeer: lighthouse %d/%d: %s %s (%s): %.0f, TBT %.0f ms\n",
				i+1, runs, tg.side, tg.path, tg.preset, r.Score, r.TBT)
		}
	}
	return results, nil
}

// lighthouseAttempts is how many times one audit is tried. Lighthouse now
// and then fails to trace a page's load (NO_NAVSTART) and asks to be run
// again; that should not throw away a run's quarter of an hour of browser
// figures.
const lighthouseAttempts = 3

// auditRetrying runs Lighthouse lh with args, again after a failure, up to
// lighthouseAttempts times, and returns the last failure if none passed.
func auditRetrying(lh string, args []string, page string) error {
	var err error
	for attempt := 1; attempt <= lighthouseAttempts; attempt++ {
		cmd := exec.Command(lh, args...)
		cmd.Env = append(os.Environ(), "CHROME_PATH="+chromiumPath())
		var msg []byte
		if msg, err = cmd.CombinedOutput(); err == nil {
			return nil
		}
		err = fmt.Errorf("lighthouse %s (attempt %d of %d): %v\n%s", page, attempt, lighthouseAttempts, err, msg)
		if attempt < lighthouseAttempts {
			fmt.Fprintf(os.Stderr, "benchpeer: %v\nbenchpeer: trying again\n", err)
		}
	}
	return err
}

func readLighthouse(path string) (lighthouseResult, error) {
	var lhr struct {
		Categories map[string]struct {
			Score *float64 `json:"score"`
		} `json:"categories"`
		Audits map[string]struct {
			NumericValue float64 `json:"numericValue"`
		} `json:"audits"`
		RuntimeError *struct {
			Code, Message string
		} `json:"runtimeError"`
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return lighthouseResult{}, err
	}
	if err := json.Unmarshal(b, &lhr); err != nil {
		return lighthouseResult{}, fmt.Errorf("%s: %w", path, err)
	}
	perf := lhr.Categories["performance"].Score
	if perf == nil {
		msg := "no performance score"
		if lhr.RuntimeError != nil {
			msg += ": " + lhr.RuntimeError.Code + " " + lhr.RuntimeError.Message
		}
		return lighthouseResult{}, fmt.Errorf("lighthouse: %s", msg)
	}
	return lighthouseResult{
		Score: *perf * 100,
		TBT:   lhr.Audits["total-blocking-time"].NumericValue,
		LCP:   lhr.Audits["largest-contentful-paint"].NumericValue,
	}, nil
}
