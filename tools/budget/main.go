// Command budget prints the explainer's performance budget: the size of
// the built app.wasm against a go-app hello world built the same way, and
// what a reader waits for in a browser (first paint, ready, selection to
// map, memory), as medians and maxima over several runs.
//
//	go run ./tools/budget [-web web] [-runs 7] [-sizes-only]
//
// It reports; it does not fail on an over-budget figure (it exits non-zero
// only when it cannot measure). The browser figures come from e2e's
// TestBudget, which it runs with E2E_BENCH=1 and reads back as JSON; they
// are taken on loopback in headless Chromium, so they show the app's own
// cost, not the network's.
//
// It is a build-time tool: nothing here is linked into the app.
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/andybalholm/brotli"

	"explainer/internal/benchresult"
)

// Budgets. Sizes are in bytes (1 MB = 1,000,000 bytes), times in ms.
const (
	brotliBudget       = 1_500_000
	selectToMapBudget  = 16.0
	helloPackage       = "./tools/hello"
	wasmBuildFlagsNote = `-trimpath -ldflags="-s -w"`
)

func main() {
	web := flag.String("web", "web", "folder holding the built app.wasm")
	runs := flag.Int("runs", 7, "page loads to measure, cold and warm each")
	sizesOnly := flag.Bool("sizes-only", false, "measure the wasm sizes only, not the browser")
	flag.Parse()
	if err := run(*web, *runs, *sizesOnly); err != nil {
		fmt.Fprintln(os.Stderr, "budget:", err)
		os.Exit(1)
	}
}

// sizes of one wasm binary.
type sizes struct{ raw, gzip, brotli int }

func run(web string, runs int, sizesOnly bool) error {
	tmp, err := os.MkdirTemp("", "budget-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	fmt.Fprintln(os.Stderr, "budget: compressing app.wasm and building the go-app hello world...")
	app, err := measureFile(filepath.Join(web, "app.wasm"))
	if err != nil {
		return fmt.Errorf("%w (run make build first)", err)
	}
	helloWasm := filepath.Join(tmp, "hello.wasm")
	build := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", helloWasm, helloPackage)
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := build.CombinedOutput(); err != nil {
		return fmt.Errorf("building %s: %v\n%s", helloPackage, err, out)
	}
	hello, err := measureFile(helloWasm)
	if err != nil {
		return err
	}

	var br *benchresult.Browser
	if !sizesOnly {
		fmt.Fprintf(os.Stderr, "budget: measuring in Chromium (%d cold and %d warm loads, then 90 selections and 5 passes through the article)...\n", runs, runs)
		if br, err = measureBrowser(tmp, runs); err != nil {
			return err
		}
	}
	printTable(os.Stdout, app, hello, br)
	return nil
}

// measureFile compresses a file the way tools/precompress does (best
// brotli, best gzip) and returns the three sizes.
func measureFile(name string) (sizes, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return sizes{}, err
	}
	var gz, br bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression) // the level is valid
	bw := brotli.NewWriterLevel(&br, brotli.BestCompression)
	for _, w := range []io.WriteCloser{zw, bw} {
		if _, err := w.Write(b); err != nil {
			return sizes{}, err
		}
		if err := w.Close(); err != nil {
			return sizes{}, err
		}
	}
	return sizes{raw: len(b), gzip: gz.Len(), brotli: br.Len()}, nil
}

// measureBrowser runs e2e's TestBudget and reads its results.
func measureBrowser(tmp string, runs int) (*benchresult.Browser, error) {
	out := filepath.Join(tmp, "browser.json")
	cmd := exec.Command("go", "test", "-count=1", "-timeout=15m", "-run", "^TestBudget$", "-v", "./e2e")
	cmd.Env = append(os.Environ(), "E2E_BENCH=1", "E2E_BENCH_RUNS="+strconv.Itoa(runs), "E2E_BENCH_OUT="+out)
	log, err := cmd.CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("the browser measurements failed: %v\n%s", err, log)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		return nil, fmt.Errorf("the browser measurements wrote no results (is Chromium installed?):\n%s", log)
	}
	var r benchresult.Browser
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, err
	}
	return &r, nil
}

func printTable(w io.Writer, app, hello sizes, br *benchresult.Browser) {
	p := func(format string, args ...any) { fmt.Fprintf(w, format, args...) }
	p("PERFORMANCE BUDGET\n\n")
	p("app.wasm size (built %s; hello world = go-app's smallest app, built the same way)\n", wasmBuildFlagsNote)
	p("  %-10s %14s %14s %8s   %-22s %s\n", "encoding", "explainer", "hello world", "ratio", "budget", "result")
	row := func(name string, a, h int, budget int) {
		b, res := "", ""
		if budget > 0 {
			b = "<= " + bytesStr(budget)
			if a <= budget {
				res = fmt.Sprintf("PASS (%s to spare)", bytesStr(budget-a))
			} else {
				res = fmt.Sprintf("OVER by %s", bytesStr(a-budget))
			}
		}
		p("  %-10s %14s %14s %7.2fx   %-22s %s\n", name, bytesStr(a), bytesStr(h), float64(a)/float64(h), b, res)
	}
	row("raw", app.raw, hello.raw, 0)
	row("gzip -9", app.gzip, hello.gzip, 0)
	row("brotli 11", app.brotli, hello.brotli, brotliBudget)
	p("  the explainer adds %s brotli to go-app's own %s (%.0f%% of the total)\n",
		bytesStr(app.brotli-hello.brotli), bytesStr(hello.brotli), 100*float64(app.brotli-hello.brotli)/float64(app.brotli))
	if br == nil {
		return
	}

	p("\nloading \"/\" on loopback, headless Chromium, %d runs each (ms from navigation start)\n", br.Runs)
	p("  %-52s %8s %8s %10s\n", "", "median", "max", "")
	t := func(name string, xs []float64, note string) {
		p("  %-52s %8s %8s   %s\n", name, ms(benchresult.Median(xs)), ms(benchresult.Max(xs)), note)
	}
	t("first contentful paint, cold", br.ColdFCP, fmt.Sprintf("%.0f%% of cold data-ready", 100*benchresult.Median(br.ColdFCP)/benchresult.Median(br.ColdReady)))
	t("app.wasm received, cold", br.ColdWasmEnd, "")
	t("data-ready, cold (fresh context: no cache, no SW)", br.ColdReady, "")
	t("longest main-thread task, cold (wasm start-up)", br.ColdLongTask, "what Total Blocking Time sees")
	t("first contentful paint, warm", br.WarmFCP, "")
	t("data-ready, warm (SW in control, wasm from cache)", br.WarmReady,
		fmt.Sprintf("%.2fx cold", benchresult.Median(br.WarmReady)/benchresult.Median(br.ColdReady)))
	pass := func(ok bool) string {
		if ok {
			return "PASS"
		}
		return "FAIL"
	}
	p("  first paint is the prerendered HTML: FCP before data-ready in %d/%d cold runs, before app.wasm had arrived in %d/%d   %s\n",
		br.FCPBeforeRdy, br.Runs, br.FCPBeforeWasm, br.Runs, pass(br.FCPBeforeRdy == br.Runs))
	p("  warm loads whose app.wasm came from the service worker: %d/%d\n", br.WarmFromSW, br.Runs)

	p("\non a phone (390x844): the app starts as the reader nears the panels, cold, %d runs (ms)\n", len(br.PhoneNearToReady))
	p("  %-52s %8s %8s\n", "", "median", "max")
	t("longest task, load and reading, wasm downloaded", br.PhoneReadLongTask, "0 = none of 50 ms or more")
	t("scroll to a screen above the panels -> data-ready", br.PhoneNearToReady, "")

	p("\ninteraction in the loaded page (ms, measured in the page with performance.now())\n")
	p("  %-52s %8s %8s   %-10s %s\n", "", "median", "max", "budget", "result")
	sel := benchresult.Median(br.SelectToMap)
	res := fmt.Sprintf("PASS (%.1fx budget)", sel/selectToMapBudget)
	if sel >= selectToMapBudget {
		res = fmt.Sprintf("OVER (%.1fx budget)", sel/selectToMapBudget)
	}
	p("  %-52s %8s %8s   %-10s %s\n", fmt.Sprintf("click timeline event -> map updated in DOM (n=%d)", len(br.SelectToMap)),
		ms(sel), ms(benchresult.Max(br.SelectToMap)), "< 16", res)
	t(fmt.Sprintf("click timeline event -> next frame (n=%d)", len(br.SelectToFrame)), br.SelectToFrame, "")
	t(fmt.Sprintf("date slider change -> map updated in DOM (n=%d)", len(br.ScrubToMap)), br.ScrubToMap, "")
	if br.Missed > 0 {
		p("  %d interactions showed no update within 2 s (left out above)\n", br.Missed)
	}

	p("\nreading: scrolling through the article and back, 40 px a frame, the panels following, reduced motion (%d passes, ms)\n", len(br.ScrollLongTask))
	p("  %-52s %8s %8s\n", "", "median", "max")
	t(fmt.Sprintf("frame interval during the scroll (n=%d)", len(br.ScrollFrames)), br.ScrollFrames, "16.7 = every frame on time")
	t("longest task in a pass", br.ScrollLongTask, "0 = none of 50 ms or more")
	t(fmt.Sprintf("scroll step -> map date updated in DOM (n=%d)", len(br.ScrollToMap)), br.ScrollToMap, "")
	p("  %-52s %8.0f   the map followed the article\n", "map date changes in a pass", benchresult.Median(br.ScrollMapUpdates))
	t(fmt.Sprintf("the same, colours fading (no reduced motion): frame interval (n=%d)", len(br.FadeFrames)), br.FadeFrames, "")
	t("the same, colours fading: longest task in a pass", br.FadeLongTask, "")
	t(fmt.Sprintf("the same, following off: frame interval (n=%d)", len(br.StillFrames)), br.StillFrames, "what scrolling costs here anyway")
	t("the same, following off: longest task in a pass", br.StillLongTask, "")

	p("\nmemory (after a garbage collection)\n")
	p("  %-52s %12s %16s %8s\n", "", "after load", "+50 selections", "ratio")
	p("  %-52s %12s %16s %7.2fx\n", "JavaScript heap in use", bytesStr(int(br.JSHeapLoaded)), bytesStr(int(br.JSHeapAfter50)), br.JSHeapAfter50/br.JSHeapLoaded)
	p("  %-52s %12s %16s %7.2fx\n", "wasm linear memory (the Go heap; it never shrinks)", bytesStr(int(br.WasmMemLoaded)), bytesStr(int(br.WasmMemAfter)), br.WasmMemAfter/br.WasmMemLoaded)
}

func ms(v float64) string {
	if v < 100 {
		return strconv.FormatFloat(v, 'f', 1, 64)
	}
	return strconv.FormatFloat(v, 'f', 0, 64)
}

// bytesStr writes n with thousands separators.
func bytesStr(n int) string {
	if n < 0 {
		return "-" + bytesStr(-n)
	}
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
