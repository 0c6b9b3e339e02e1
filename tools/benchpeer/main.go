// Command benchpeer measures the explainer's timeline side by side with
// TimelineJS, on the same sheet, machine and browser, and beside both the
// go-app floor: go-app's smallest app (`make bench-peer`).
//
//	go run ./tools/benchpeer [-runs 7] [-clicks 3] [-lighthouse=false] [-lighthouse-runs 3]
//
// Both timelines show the same events and eras: TimelineJS gets events.csv
// as parsed and sanitised by the explainer, converted to its JSON.
// TimelineJS itself is the npm release pinned below, fetched with npm pack
// into .cache/ and checked against its sha512. The explainer is its real
// server binary; TimelineJS is a minimal page served by a small static
// server here.
//
// The floor is tools/hello (one route, one component rendering a heading
// with a count and a Next button that increments it, marking data-ready
// once mounted as the explainer does), built to wasm with the explainer's
// flags, and served from here through go-app's own handler, with go-app's
// own page and wasm_exec.js and the explainer's loader in its app.js
// (server.PatchedAppJS): what the Go runtime and go-app cost by themselves,
// started the explainer's way, to tell how much of our gap to TimelineJS
// is the stack's and how much is ours. Its Next button is its click: an
// event handler changing one value and one small component rendered
// again, the least a go-app click costs, timed as the next event is and
// filed in the same rows.
//
// All three answer compressed from loopback (brotli or gzip, as the
// explainer's server does), and no request may leave a page's origin.
//
// Each load starts a fresh Chromium with an empty profile, and the runs
// alternate (ours, theirs, the floor, ours, ...), so every side meets the
// same machine load. A run is, per side: the timeline on a desktop
// (1280x800) and on a phone (360x740 with the CPU slowed 4x), each loaded,
// then its next event clicked -clicks times; the floor's page loaded on
// both, then its Next button clicked -clicks times; and for the explainer also its embed of all panels, where a state
// on the map and a date on the scrubber are clicked. On our timeline on a
// desktop, 50 more events are then selected one after another, twice, and
// what each 50 add to the JS heap and to the wasm's memory is reported
// (issue 14: no growth beyond noise). Lighthouse 12 runs after the browser
// runs, alternating too; the floor on mobile only.
//
// It prints medians and maxima per side, the ratio ours/theirs, and the
// floor in a last column, with the load average before and after, and
// writes everything measured as JSON into .cache/bench-peer/ (the floor as
// the side "floor"). It reports; it fails only when it cannot measure or a
// page requested another origin.
//
// It is a build-time tool: nothing here is linked into the app.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	goruntime "runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"explainer/app/timeline"
)

type options struct {
	runs, clicks   int
	lighthouse     bool
	lighthouseRuns int
	web, out       string
	settle         time.Duration
}

func main() {
	var o options
	flag.IntVar(&o.runs, "runs", 7, "alternating runs per side")
	flag.IntVar(&o.clicks, "clicks", 3, "clicks timed per load")
	flag.BoolVar(&o.lighthouse, "lighthouse", true, "run Lighthouse too (slow: needs Node and npm)")
	flag.IntVar(&o.lighthouseRuns, "lighthouse-runs", 3, "Lighthouse runs per page")
	flag.StringVar(&o.web, "web", "web", "folder holding the built app.wasm")
	flag.StringVar(&o.out, "out", ".cache/bench-peer", "folder for the JSON results")
	flag.DurationVar(&o.settle, "settle", 1500*time.Millisecond, "wait after ready before reading a load's figures")
	flag.Parse()
	if o.runs < 1 || o.clicks < 1 || o.lighthouseRuns < 1 {
		fmt.Fprintln(os.Stderr, "benchpeer: -runs, -clicks and -lighthouse-runs must be at least 1")
		os.Exit(2)
	}
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "benchpeer:", err)
		os.Exit(1)
	}
}

// sides.
const (
	ours   = "ours"
	theirs = "theirs"
	floor  = "floor" // go-app's smallest app (see floorPackage)
)

// floorPage is the floor's one page, by the name its loads are filed under.
const floorPage = "hello"

// results are every figure measured, by metric and side, in run order.
type results struct {
	Started    time.Time `json:"started"`
	LoadBefore string    `json:"loadavgBefore"`
	LoadAfter  string    `json:"loadavgAfter"`
	LoadPeak   float64   `json:"loadavgPeak"` // the highest 1-minute average sampled during the run
	CPUs       int       `json:"cpus"`
	Runs       int       `json:"runs"`
	Clicks     int       `json:"clicks"`
	TimelineJS string    `json:"timelinejs"`
	Floor      string    `json:"floor"`          // the package built as the floor
	FloorWasm  int       `json:"floorWasmBytes"` // its wasm, uncompressed
	Events     int       `json:"events"`
	Eras       int       `json:"eras"`
	// RemoteMediaLeftOut counts media TimelineJS would load from other
	// sites at once, left out of its side (see timelineJSON).
	RemoteMediaLeftOut int                             `json:"remoteMediaLeftOut"`
	Samples            map[string]map[string][]float64 `json:"samples"`
	Loads              map[string][]loadResult         `json:"loads"` // by side/page/device
	Lighthouse         []lighthouseResult              `json:"lighthouse,omitempty"`
	OffOrigin          []string                        `json:"offOrigin,omitempty"`
	PageErrors         []string                        `json:"pageErrors,omitempty"`
	BelowThresh        map[string]int                  `json:"clicksUnder16ms"` // clicks Event Timing did not report, by side
	Missed             []string                        `json:"missedClicks,omitempty"`
}

func (r *results) add(metric, side string, v float64) {
	if r.Samples[metric] == nil {
		r.Samples[metric] = map[string][]float64{}
	}
	r.Samples[metric][side] = append(r.Samples[metric][side], v)
}

func run(o options) error {
	for _, f := range []string{"app.wasm", "app.wasm.br", "app.wasm.gz"} {
		if _, err := os.Stat(filepath.Join(o.web, f)); err != nil {
			return fmt.Errorf("%s/%s is missing: run make build first", o.web, f)
		}
	}
	chrome := chromiumPath()
	if chrome == "" {
		return errors.New("no Chromium found: install chromium or set CHROMIUM")
	}
	r := &results{
		Started: time.Now().UTC(), LoadBefore: loadavg(), CPUs: goruntime.NumCPU(), Runs: o.runs, Clicks: o.clicks,
		TimelineJS: timelineJSPackage + "@" + timelineJSVersion,
		Floor:      floorPackage,
		Samples:    map[string]map[string][]float64{}, Loads: map[string][]loadResult{}, BelowThresh: map[string]int{},
	}

	stopWatching := watchLoad()
	defer stopWatching()

	// TimelineJS's side: its files, the converted sheet and the page.
	files, err := fetchTimelineJS(".cache")
	if err != nil {
		return err
	}
	tl := timeline.Default()
	conv, err := timelineJSON(tl)
	if err != nil {
		return err
	}
	r.Events, r.Eras, r.RemoteMediaLeftOut = tl.Len(), len(tl.Eras()), conv.RemoteLeftOut
	files["/timeline.json"] = conv.JSON
	for _, m := range conv.LocalImages {
		b, err := os.ReadFile(filepath.Join(o.web, filepath.FromSlash(m.WebPath())))
		if err != nil {
			return fmt.Errorf("a local image of the sheet: %w", err)
		}
		files[m.Src] = b
	}
	files["/"] = []byte(timelinePage)
	theirsURL, stopStatic, err := serveStatic(files)
	if err != nil {
		return err
	}
	defer stopStatic()

	// Ours: the real server, built as the browser tests build it.
	tmp, err := os.MkdirTemp("", "benchpeer-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	srv, err := startServer(tmp, o.web)
	if err != nil {
		return err
	}
	defer srv.stop()

	// The floor: go-app's hello world, built as our wasm is and served
	// through go-app's handler from here.
	wasm, err := buildFloor(tmp)
	if err != nil {
		return err
	}
	r.FloorWasm = len(wasm)
	floorHTTP, err := floorHandler(wasm, o.web)
	if err != nil {
		return err
	}
	floorURL, stopFloor, err := listen(floorHTTP)
	if err != nil {
		return err
	}
	defer stopFloor()

	first := tl.Events()[0].ID
	// shown counts what a page draws, as two numbers, so a run where a
	// side left something out is refused: the events and eras of a
	// timeline; the floor's heading with its count not yet clicked, and its
	// loader, which go-app removes once the app runs.
	const (
		// The era chart is drawn once per band of widths (CSS shows one).
		oursShown   = `[document.querySelectorAll("#timeline [data-event]").length, new Set([...document.querySelectorAll("#timeline .era-chart .era")].map(e => e.getAttribute("class"))).size]`
		theirsShown = `[document.querySelectorAll(".tl-timemarker").length, document.querySelectorAll(".tl-timeera").length]`
		floorShown  = `[[...document.querySelectorAll("h1")].filter(h => h.textContent === "Hello, world! 0").length, document.querySelectorAll("#app-wasm-loader").length]`
	)
	timelineShown, floorWant := [2]int{r.Events, r.Eras}, [2]int{1, 0}
	pages := []struct {
		side, name, url string
		dev             device
		shown           string
		want            [2]int
		targets         []target
	}{
		{ours, "timeline", srv.url + "/embed?view=timeline&event=" + first, desktop, oursShown, timelineShown, []target{oursNextEvent}},
		{theirs, "timeline", theirsURL + "/", desktop, theirsShown, timelineShown, []target{theirsNextEvent}},
		{floor, floorPage, floorURL + "/", desktop, floorShown, floorWant, []target{floorNext}},
		{ours, "timeline", srv.url + "/embed?view=timeline&event=" + first, phone, oursShown, timelineShown, []target{oursNextEvent}},
		{theirs, "timeline", theirsURL + "/", phone, theirsShown, timelineShown, []target{theirsNextEvent}},
		{floor, floorPage, floorURL + "/", phone, floorShown, floorWant, []target{floorNext}},
		{ours, "all", srv.url + "/embed?view=all", desktop, oursShown, timelineShown, []target{oursState, oursDate}},
		{ours, "all", srv.url + "/embed?view=all", phone, oursShown, timelineShown, []target{oursState, oursDate}},
	}
	fmt.Fprintf(os.Stderr, "benchpeer: %d events and %d eras on both sides; ours %s, TimelineJS %s, go-app floor %s (%d bytes of wasm); load average %s\n",
		r.Events, r.Eras, srv.url, theirsURL, floorURL, r.FloorWasm, r.LoadBefore)
	for i := range o.runs {
		for _, p := range pages {
			pause := 1200 * time.Millisecond // TimelineJS slides for 1 s
			if p.dev.throttle > 1 {
				pause = 2500 * time.Millisecond
			}
			l, res, err := openPage(chrome, p.url, p.dev, o.settle)
			if err != nil {
				return err
			}
			if n, err := l.count(p.shown); err != nil || n != p.want {
				l.close()
				return fmt.Errorf("%s %s on a %s counts %v, want %v, by %s (%v)", p.side, p.name, p.dev.name, n, p.want, p.shown, err)
			}
			for _, tg := range p.targets {
				if err := l.prepare(tg); err != nil {
					l.close()
					return fmt.Errorf("%s %s on a %s: %w", p.side, p.name, p.dev.name, err)
				}
				for c := range o.clicks {
					ck, err := l.click(tg, c, pause)
					var missed *missedClick
					if errors.As(err, &missed) {
						r.Missed = append(r.Missed, p.side+" "+p.name+" on a "+p.dev.name+": "+missed.what)
						continue
					}
					if err != nil {
						l.close()
						return fmt.Errorf("%s %s on a %s: %w", p.side, p.name, p.dev.name, err)
					}
					res.Clicks = append(res.Clicks, ck)
				}
			}
			if p.side == ours && p.name == "timeline" && !p.dev.phone {
				if res.HeapGrowth, res.WasmGrowth, err = l.growth(selections); err == nil {
					res.HeapGrowth2, res.WasmGrowth2, err = l.growth(selections)
				}
				if err != nil {
					l.close()
					return fmt.Errorf("%s %s on a %s: %w", p.side, p.name, p.dev.name, err)
				}
			}
			l.finish(&res)
			r.record(p.side, p.name, p.dev, res)
			fmt.Fprintf(os.Stderr, "benchpeer: run %d/%d: %s %s on a %s: ready %.0f ms, %d clicks\n",
				i+1, o.runs, p.side, p.name, p.dev.name, res.Ready, len(res.Clicks))
		}
	}
	if o.lighthouse {
		lr, err := runLighthouse(o.lighthouseRuns, srv.url, theirsURL, floorURL, tmp)
		if err != nil {
			return err
		}
		r.Lighthouse = lr
	}
	r.LoadAfter = loadavg()
	r.LoadPeak = stopWatching()

	printTable(os.Stdout, r)
	if err := os.MkdirAll(o.out, 0o755); err != nil {
		return err
	}
	b, err := json.MarshalIndent(r, "", "\t")
	if err != nil {
		return err
	}
	name := filepath.Join(o.out, "bench-peer-"+r.Started.Format("20060102-150405")+".json")
	for _, f := range []string{name, filepath.Join(o.out, "latest.json")} {
		if err := os.WriteFile(f, b, 0o644); err != nil {
			return err
		}
	}
	fmt.Fprintf(os.Stderr, "benchpeer: results in %s\n", name)
	if len(r.OffOrigin) > 0 {
		return fmt.Errorf("the pages requested other origins, so the comparison is not fair:\n  %s", strings.Join(r.OffOrigin, "\n  "))
	}
	return nil
}

// record files one load's figures under their metrics.
func (r *results) record(side, page string, dev device, res loadResult) {
	r.Loads[side+"/"+page+"/"+dev.name] = append(r.Loads[side+"/"+page+"/"+dev.name], res)
	r.OffOrigin = append(r.OffOrigin, res.OffOrigin...)
	r.PageErrors = append(r.PageErrors, res.Errors...)
	if page == "timeline" || page == floorPage {
		r.add("ready/"+dev.name, side, res.Ready)
		if dev.throttle > 1 {
			r.add("longtask/"+dev.name, side, res.LongTask)
		} else {
			r.add("bytes", side, res.Bytes)
			r.add("fcp", side, res.FCP)
			r.add("lcp", side, res.LCP)
			r.add("elements", side, res.Elements)
			r.add("jsheap", side, res.JSHeap)
			if res.WasmMem > 0 {
				r.add("wasmmem", side, res.WasmMem)
			}
			if side == ours {
				r.add("growth/jsheap", side, res.HeapGrowth)
				r.add("growth/wasmmem", side, res.WasmGrowth)
				r.add("growth2/jsheap", side, res.HeapGrowth2)
				r.add("growth2/wasmmem", side, res.WasmGrowth2)
			}
		}
	}
	for _, c := range res.Clicks {
		r.add("frame/"+c.What+"/"+dev.name, side, c.Frame)
		d := c.Duration
		if d < 0 {
			// Event Timing leaves out events under its 16 ms threshold:
			// such a click counts as 16, its upper bound.
			d = 16
			r.BelowThresh[side]++
		}
		r.add("duration/"+c.What+"/"+dev.name, side, d)
	}
}

// selections is how many events the memory check selects (issue 14: no
// memory growth beyond noise after 50 selections).
const selections = 50

// loadavg is /proc/loadavg's 1, 5 and 15 minute averages.
func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

// watchLoad samples the 1-minute load average every 5 s, since it is what
// says whether a run is worth reading; stop ends the sampling and returns
// the peak. stop may be called more than once.
func watchLoad() (stop func() float64) {
	done := make(chan struct{})
	result := make(chan float64, 1)
	go func() {
		peak := 0.0
		tick := time.NewTicker(5 * time.Second)
		defer tick.Stop()
		for {
			if f := strings.Fields(loadavg()); len(f) > 0 {
				if v, err := strconv.ParseFloat(f[0], 64); err == nil {
					peak = max(peak, v)
				}
			}
			select {
			case <-done:
				result <- peak
				return
			case <-tick.C:
			}
		}
	}()
	var once sync.Once
	var peak float64
	return func() float64 {
		once.Do(func() { close(done); peak = <-result })
		return peak
	}
}

// ourServer is the explainer's serve command, running.
type ourServer struct {
	url  string
	cmd  *exec.Cmd
	done chan error
}

var urlInOutput = regexp.MustCompile(`http://[^\s]+`)

// startServer builds the server into dir and serves web on a free
// loopback port, as the browser tests do.
func startServer(dir, web string) (*ourServer, error) {
	bin := filepath.Join(dir, "server-under-bench")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		return nil, fmt.Errorf("building the server: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "serve", "-addr", "127.0.0.1:0", "-web", web)
	cmd.Stderr = os.Stderr
	// A pipe of our own, not StdoutPipe: Wait may then run while the
	// output is still being read.
	pr, pw := io.Pipe()
	cmd.Stdout = pw
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	s := &ourServer{cmd: cmd, done: make(chan error, 1)}
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			if u := urlInOutput.FindString(sc.Text()); u != "" {
				select {
				case found <- u:
				default:
				}
			}
		}
		io.Copy(io.Discard, pr)
	}()
	go func() {
		err := cmd.Wait()
		pw.Close()
		s.done <- err
	}()
	select {
	case s.url = <-found:
		return s, nil
	case err := <-s.done:
		return nil, fmt.Errorf("the server exited before listening: %v", err)
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		return nil, errors.New("the server printed no address in 20 s")
	}
}

func (s *ourServer) stop() {
	s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.done:
	case <-time.After(10 * time.Second):
		s.cmd.Process.Kill()
		<-s.done
	}
}
