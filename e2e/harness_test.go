// Package e2e tests the explainer as readers meet it: the real server
// binary, the real wasm, in headless Chromium driven by chromedp.
//
// The tests need a built client (make build). Chromium is found from
// $CHROMIUM or on PATH; without it the browser tests skip, except when
// CI=true, where they fail: CI must not go green without running them.
//
// One server and one headless Chromium serve the whole run; the tests run
// one at a time. Each tab is opened in a browser context of its own, an
// off-the-record profile that Chromium disposes of when the test ends: its
// HTTP cache (in memory), service workers, Cache Storage, cookies and
// storage are the tab's alone, so no test sees what another left, whatever
// the order (TestTabsShareNothing fails if one does). What the tests do
// share is the browser process and the server, whose page cache changes how
// fast a page comes, not what it is. recordBrowserRequests sees the whole
// browser, so it counts on the tests running one at a time.
//
// The harness, for every test file of the package:
//
//	newTab(t, timeout) *tab        a fresh tab in its own browser context, 1280x800, reduced motion
//	tb.open(t, path)               navigate to a path of the test server (or a full URL); waits for load
//	tb.waitReady(t)                wait for <html data-ready="true">: the client app has mounted
//	tb.startApp(t)                 scroll to the panels, as a reader on a phone does, and waitReady
//	tb.asPhone(t), tb.scrollAbove(t, screens)  a 390x844 phone; scroll to screens above the panels
//	tb.waitTrue(t, expr, timeout)  poll a JavaScript expression until it is true
//	tb.do(t, actions...)           run chromedp actions; fail the test on error
//	eval[T](t, tb, expr)           evaluate JavaScript (promises awaited) and decode its value
//	tb.noErrors(t)                 fail on console errors, exceptions, error log entries (CSP, failed
//	                               loads), HTTP errors, failed requests and service worker errors
//	tb.rec.Requests(), Errors()    what the page requested, and what went wrong, so far
//	tb.holdRequests(t, pattern)    hold the tab's matching requests at the network until release
//	tb.waitServiceWorker(t)        wait until the service worker activates; fail at once if it cannot install
//	recordBrowserRequests(t)       every request of the whole browser, service workers included
//	jsString(s)                    s as a JavaScript string literal
//
// page_test.go adds checkArticle, disableScripts, inkShare and exportSite;
// server_test.go adds httpGet and rawGet for tests without a browser.
// statichost_test.go adds staticHosts: Caddy and nginx serving an export
// with deploy/'s configurations, started per test on a free port.
// Set E2E_ARTIFACTS to a folder to keep there a screenshot of the tab of
// every failed test.
package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/serviceworker"
	"github.com/chromedp/chromedp"
)

var (
	repoRoot  string // the repository, where the server runs
	serverBin string // the server binary built for this run
	baseURL   string // the server started for this run, e.g. http://127.0.0.1:41234
)

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	root, err := filepath.Abs("..")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	repoRoot = root
	for _, f := range []string{"app.wasm", "app.wasm.br", "app.wasm.gz"} {
		if _, err := os.Stat(filepath.Join(root, "web", f)); err != nil {
			fmt.Fprintf(os.Stderr, "e2e: web/%s is missing: run make build first\n", f)
			return 1
		}
	}
	warnIfStale(root)
	// Neutral names: a "pkill -f explainer" run by hand on a shared machine
	// should not stop the server under test.
	tmp, err := os.MkdirTemp("", "e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer os.RemoveAll(tmp)
	serverBin = filepath.Join(tmp, "server-under-test")
	build := exec.Command("go", "build", "-o", serverBin, ".")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "e2e: building the server: %v\n%s", err, out)
		return 1
	}
	srv, err := startServer(root)
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	baseURL = srv.URL
	code := m.Run()
	stopBrowser()
	if err := srv.Stop(); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: the server did not shut down cleanly on SIGTERM:", err)
		code = 1
	}
	return code
}

// warnIfStale says so when a file the wasm is built from (as the Go tool
// lists them, like the Makefile does) is newer than the built wasm: the
// tests would check an old client.
func warnIfStale(root string) {
	wasm, err := os.Stat(filepath.Join(root, "web", "app.wasm"))
	if err != nil {
		return
	}
	list := exec.Command("go", "list", "-deps", "-f",
		`{{if not .Standard}}{{$d := .Dir}}{{range .GoFiles}}{{$d}}/{{.}} {{end}}{{range .EmbedFiles}}{{$d}}/{{.}} {{end}}{{end}}`, ".")
	list.Dir = root
	list.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := list.Output()
	if err != nil {
		fmt.Fprintf(os.Stderr, "e2e: warning: cannot list the wasm's sources to check the build is fresh: %v\n", err)
		return
	}
	var newer []string
	for _, p := range append(strings.Fields(string(out)), filepath.Join(root, "go.mod"), filepath.Join(root, "go.sum")) {
		if info, err := os.Stat(p); err == nil && info.ModTime().After(wasm.ModTime()) {
			rel, _ := filepath.Rel(root, p)
			newer = append(newer, rel)
		}
	}
	if len(newer) > 0 {
		fmt.Fprintf(os.Stderr, "e2e: warning: web/app.wasm is older than %s: run make build\n", strings.Join(newer, ", "))
	}
	for _, c := range []string{"app.wasm.br", "app.wasm.gz"} {
		if info, err := os.Stat(filepath.Join(root, "web", c)); err == nil && info.ModTime().Before(wasm.ModTime()) {
			fmt.Fprintf(os.Stderr, "e2e: warning: web/%s is older than web/app.wasm: run make build\n", c)
		}
	}
}

// server is a running `explainer serve` process.
type server struct {
	URL    string
	cmd    *exec.Cmd
	out    *addrWatcher
	exited chan error
}

// startServer runs the built binary's serve command from dir on a free
// loopback port and waits for the line that gives its address.
func startServer(dir string) (*server, error) {
	cmd := exec.Command(serverBin, "serve", "-addr", "127.0.0.1:0")
	cmd.Dir = dir
	out := &addrWatcher{found: make(chan string, 1)}
	cmd.Stdout = out
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	select {
	case u := <-out.found:
		return &server{URL: u, cmd: cmd, out: out, exited: exited}, nil
	case err := <-exited:
		return nil, fmt.Errorf("the server exited before listening (%v); it printed:\n%s", err, out)
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		return nil, fmt.Errorf("the server printed no address in 20s; it printed:\n%s", out)
	}
}

// Stop sends SIGTERM and waits for the server to finish; an error means
// it had already died, exited with a failure or had to be killed.
func (s *server) Stop() error {
	select {
	case err := <-s.exited:
		if err == nil {
			return errors.New("the server had exited during the run, cleanly: something sent it SIGTERM or SIGINT")
		}
		return fmt.Errorf("the server had exited during the run: %v", err)
	default:
	}
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		return err
	}
	select {
	case err := <-s.exited:
		return err
	case <-time.After(15 * time.Second):
		s.cmd.Process.Kill()
		<-s.exited
		return errors.New("still running 15s after SIGTERM; killed")
	}
}

// addrWatcher collects a process's output and sends the first http:// URL
// it prints ("serving the explainer on http://127.0.0.1:41234").
type addrWatcher struct {
	mu    sync.Mutex
	buf   bytes.Buffer
	sent  bool
	found chan string
}

var urlInOutput = regexp.MustCompile(`http://[^\s]+`)

func (w *addrWatcher) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	text := w.buf.String()
	if i := strings.LastIndexByte(text, '\n'); !w.sent && i >= 0 {
		if u := urlInOutput.FindString(text[:i]); u != "" {
			w.sent = true
			w.found <- u
		}
	}
	return len(p), nil
}

func (w *addrWatcher) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

// chromiumPath finds the browser: $CHROMIUM, then the usual names on PATH.
func chromiumPath() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

var (
	browserOnce   sync.Once
	browserCtx    context.Context
	browserCancel context.CancelFunc
	browserErr    error
	browserDir    string
)

// browser starts one headless Chromium for the whole run, with a fresh
// profile in which no test loads a page: each tab gets a browser context
// of its own (see newTab).
// Without Chromium the test skips, or fails when CI=true.
func browser(t *testing.T) context.Context {
	t.Helper()
	path := chromiumPath()
	if path == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("Chromium not found (set CHROMIUM or install chromium); browser tests must run in CI")
		}
		t.Skip("Chromium not found; install chromium or set CHROMIUM to run the browser tests")
	}
	browserOnce.Do(func() {
		browserDir, browserErr = os.MkdirTemp("", "e2e-chromium-")
		if browserErr != nil {
			return
		}
		opts := append(chromedp.DefaultExecAllocatorOptions[:],
			chromedp.ExecPath(path),
			chromedp.NoSandbox,
			chromedp.DisableGPU,
			chromedp.UserDataDir(browserDir),
			chromedp.Flag("disable-component-update", true),
			chromedp.Flag("disable-quic", true),
			chromedp.WindowSize(1280, 800),
		)
		alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
		ctx, cancelCtx := chromedp.NewContext(alloc)
		browserCtx = ctx
		browserCancel = func() { cancelCtx(); cancelAlloc() }
		browserErr = chromedp.Do(ctx) // starts the browser
	})
	if browserErr != nil {
		t.Fatalf("starting Chromium (%s): %v", path, browserErr)
	}
	return browserCtx
}

func stopBrowser() {
	if browserCancel != nil {
		browserCancel()
		os.RemoveAll(browserDir)
	}
}

// tab is a browser tab in a fresh browser context (its own cache, storage
// and service workers), with a recorder of what it requested and what
// went wrong in it. Use ctx for chromedp calls the helpers do not cover.
type tab struct {
	ctx context.Context
	rec *recorder
}

// newTab opens a tab for one test; it closes when the test ends. Every
// action in it is bounded by timeout. The window is 1280x800.
func newTab(t *testing.T, timeout time.Duration) *tab {
	t.Helper()
	parent := browser(t)
	rec := newRecorder()
	ctx, cancel := chromedp.NewContext(parent, chromedp.WithNewBrowserContext(), chromedp.WithListener(rec.record))
	ctx, cancelTimeout := context.WithTimeout(ctx, timeout)
	t.Cleanup(func() { cancelTimeout(); cancel() })
	tb := &tab{ctx: ctx, rec: rec}
	if err := chromedp.Do(ctx); err != nil { // opens the tab
		t.Fatalf("opening a tab: %v", err)
	}
	// Service worker events: its errors, and whether it installed.
	if _, err := chromedp.Call(ctx, serviceworker.Enable, cdp.Empty{}); err != nil {
		t.Fatalf("watching service workers: %v", err)
	}
	// Readers who ask for reduced motion get instant scrolling; so do the
	// tests, or a click could land while the page is still gliding.
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: "reduce"}},
	}); err != nil {
		t.Fatalf("emulating reduced motion: %v", err)
	}
	if dir := os.Getenv("E2E_ARTIFACTS"); dir != "" {
		t.Cleanup(func() { tb.keepScreenshot(t, dir) }) // runs before the tab closes
	}
	return tb
}

// keepScreenshot saves the tab's viewport to dir when the test failed.
func (tb *tab) keepScreenshot(t *testing.T, dir string) {
	if !t.Failed() || tb.ctx.Err() != nil {
		return
	}
	png, err := chromedp.Run(tb.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		return
	}
	name := regexp.MustCompile(`[^A-Za-z0-9_.-]+`).ReplaceAllString(t.Name(), "_") + ".png"
	if os.MkdirAll(dir, 0o755) == nil && os.WriteFile(filepath.Join(dir, name), png, 0o644) == nil {
		t.Logf("screenshot of the tab: %s", filepath.Join(dir, name))
	}
}

// do runs actions in the tab and fails the test on error.
func (tb *tab) do(t *testing.T, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(tb.ctx, actions...); err != nil {
		t.Fatalf("browser: %v\n%s", err, tb.rec.summary())
	}
}

// open navigates to a path on the test server (or to a full URL) and
// waits for the page's load event.
func (tb *tab) open(t *testing.T, path string) {
	t.Helper()
	u := path
	if !strings.HasPrefix(u, "http:") && !strings.HasPrefix(u, "https:") {
		u = baseURL + path
	}
	tb.do(t, chromedp.Navigate(u))
}

// waitReady waits for the client app to mount: <html data-ready="true">.
// The wasm is several MB, so it allows 40 s.
func (tb *tab) waitReady(t *testing.T) {
	t.Helper()
	tb.waitTrue(t, `document.documentElement.dataset.ready === "true"`, 40*time.Second)
}

// asPhone makes the tab a 390x844 phone with touch: the layout where the
// panels come after the article, and the app waits for the reader.
func (tb *tab) asPhone(t *testing.T) {
	t.Helper()
	tb.do(t, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateTouch))
}

// scrollAbovePanels is a JavaScript function that scrolls the page to
// screens viewport heights above the panels that may start the app.
const scrollAbovePanels = `(screens => scrollTo(0, document.querySelector('[data-app-start="near"]').getBoundingClientRect().top + scrollY - screens * innerHeight))`

// scrollAbove scrolls the page to screens viewport heights above the
// panels, as a reader reading towards them.
func (tb *tab) scrollAbove(t *testing.T, screens float64) {
	t.Helper()
	eval[bool](t, tb, fmt.Sprintf(`(%s(%g), true)`, scrollAbovePanels, screens))
}

// startApp scrolls the panels into view, as a reader does, and waits for
// the app. Where the panels come after the article (the phone layout), the
// app starts only when the reader comes near them; on a wide screen they
// are in view from the start and the scroll changes nothing.
func (tb *tab) startApp(t *testing.T) {
	t.Helper()
	eval[bool](t, tb, `(document.querySelector('[data-app-start="near"]')?.scrollIntoView(), true)`)
	tb.waitReady(t)
}

// waitTrue polls a JavaScript expression until it is true.
func (tb *tab) waitTrue(t *testing.T, expr string, timeout time.Duration) {
	t.Helper()
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(timeout))); err != nil {
		t.Fatalf("waiting for %s: %v\n%s", expr, err, tb.rec.summary())
	}
}

// eval runs a JavaScript expression in the page, awaits it if it is a
// promise, and decodes its value into T.
func eval[T any](t *testing.T, tb *tab, expr string) T {
	t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// noErrors fails the test if the tab logged any error.
func (tb *tab) noErrors(t *testing.T) {
	t.Helper()
	if errs := tb.rec.Errors(); len(errs) > 0 {
		t.Errorf("the page logged %d errors:\n  %s", len(errs), strings.Join(errs, "\n  "))
	}
}

// waitServiceWorker waits (up to 20 s) until the page's service worker
// has activated, and fails at once if its install fails. The explainer's
// worker activates only once its cache holds every listed resource, so
// this also means the site now works offline.
func (tb *tab) waitServiceWorker(t *testing.T) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		ok, failed := tb.rec.serviceWorker()
		switch {
		case failed != "":
			t.Fatalf("the service worker did not install: %s\n%s", failed, tb.rec.summary())
		case ok:
			const active = `navigator.serviceWorker.getRegistration().then(r => r?.active?.state ?? "none")`
			if state := eval[string](t, tb, active); state != "activated" {
				t.Fatalf("a service worker activated, but the page's registration has %q", state)
			}
			return
		case time.Now().After(deadline):
			t.Fatalf("no service worker activated in 20 s\n%s", tb.rec.summary())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// heldRequests are a tab's requests paused at the network (Fetch domain).
type heldRequests struct {
	tb       *tab
	first    chan struct{}
	mu       sync.Mutex
	ids      []fetch.RequestID
	urls     []string
	released bool
}

// holdRequests pauses every request of the tab whose URL matches pattern
// (Fetch wildcards: * and ?, e.g. "*app.wasm*") until release is called.
// Call it before open. Requests of the service worker are not held.
func (tb *tab) holdRequests(t *testing.T, pattern string) *heldRequests {
	t.Helper()
	h := &heldRequests{tb: tb, first: make(chan struct{})}
	paused := chromedp.Events(tb.ctx, fetch.RequestPaused) // subscribe before enabling
	if _, err := chromedp.Call(tb.ctx, fetch.Enable, fetch.EnableParams{
		Patterns: []*fetch.RequestPattern{{URLPattern: pattern}},
	}); err != nil {
		t.Fatalf("holding %s: %v", pattern, err)
	}
	go func() {
		for ev, err := range paused {
			if err != nil {
				return
			}
			h.mu.Lock()
			if h.released {
				h.mu.Unlock()
				chromedp.Call(tb.ctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: ev.RequestID})
				continue
			}
			h.ids = append(h.ids, ev.RequestID)
			h.urls = append(h.urls, ev.Request.URL)
			if len(h.ids) == 1 {
				close(h.first)
			}
			h.mu.Unlock()
		}
	}()
	return h
}

// wait waits until a matching request is held and returns its URL.
func (h *heldRequests) wait(t *testing.T, timeout time.Duration) string {
	t.Helper()
	select {
	case <-h.first:
	case <-time.After(timeout):
		t.Fatalf("no request was held in %s\n%s", timeout, h.tb.rec.summary())
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.urls[0]
}

// release lets the held requests, and any later ones, go on.
func (h *heldRequests) release(t *testing.T) {
	t.Helper()
	h.mu.Lock()
	ids := h.ids
	h.ids, h.released = nil, true
	h.mu.Unlock()
	for _, id := range ids {
		if _, err := chromedp.Call(h.tb.ctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: id}); err != nil {
			t.Fatalf("releasing a held request: %v", err)
		}
	}
}

// recordBrowserRequests records the URL of every request the whole
// browser makes from now until the test ends: pages, the service worker
// installing its cache, workers. (A tab's own recorder sees only the
// page's requests.) It intercepts each request at the browser and lets it
// go on unchanged. Tests run one at a time, so what it records is the
// calling test's.
func recordBrowserRequests(t *testing.T) func() []string {
	t.Helper()
	bctx := browser(t)
	ctx, cancel := context.WithCancel(bctx)
	b := chromedp.FromContext(bctx).Browser
	var mu sync.Mutex
	var urls []string
	paused := chromedp.BrowserEvents(ctx, fetch.RequestPaused)
	if _, err := cdp.Call(ctx, b, fetch.Enable, fetch.EnableParams{
		Patterns: []*fetch.RequestPattern{{URLPattern: "*"}},
	}); err != nil {
		cancel()
		t.Fatalf("intercepting the browser's requests: %v", err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for ev, err := range paused {
			if err != nil {
				return
			}
			mu.Lock()
			urls = append(urls, ev.Request.URL)
			mu.Unlock()
			go cdp.Call(ctx, b, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: ev.RequestID})
		}
	}()
	t.Cleanup(func() {
		dctx, dcancel := context.WithTimeout(bctx, 5*time.Second)
		defer dcancel()
		if _, err := cdp.Call(dctx, b, fetch.Disable, cdp.Empty{}); err != nil {
			t.Errorf("stopping the interception of the browser's requests: %v", err)
		}
		cancel()
		<-done
	})
	return func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), urls...)
	}
}

// recorder keeps a tab's console errors, uncaught exceptions, error log
// entries (CSP violations, failed loads), failed requests and HTTP error
// responses, and the URL of every request the page made.
type recorder struct {
	mu       sync.Mutex
	errors   []string
	requests []string
	urls     map[network.RequestID]string
	workers  map[string]serviceworker.VersionStatus // service worker versions by id
	workerOK bool                                   // a service worker version has activated
}

func newRecorder() *recorder {
	return &recorder{urls: map[network.RequestID]string{}, workers: map[string]serviceworker.VersionStatus{}}
}

// record is a chromedp listener: it runs in the tab's event loop, so it
// only appends.
func (r *recorder) record(ev any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var parts []string
			for _, a := range ev.Args {
				parts = append(parts, remoteText(a))
			}
			r.errors = append(r.errors, "console."+string(ev.Type)+": "+strings.Join(parts, " "))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil {
			msg += " " + d.Exception.Description
		}
		r.errors = append(r.errors, fmt.Sprintf("exception: %s (%s:%d)", msg, d.URL, d.LineNumber+1))
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError {
			r.errors = append(r.errors, "log ("+string(ev.Entry.Source)+"): "+ev.Entry.Text+" "+ev.Entry.URL)
		}
	case *serviceworker.EventWorkerErrorReported:
		m := ev.ErrorMessage
		r.errors = append(r.errors, fmt.Sprintf("service worker: %s (%s:%d)", m.ErrorMessage, m.SourceURL, m.LineNumber))
	case *serviceworker.EventWorkerVersionUpdated:
		for _, v := range ev.Versions {
			was := r.workers[v.VersionID]
			r.workers[v.VersionID] = v.Status
			switch {
			case v.Status == serviceworker.VersionStatusActivated:
				r.workerOK = true
			case v.Status == serviceworker.VersionStatusRedundant && was != serviceworker.VersionStatusRedundant &&
				was != serviceworker.VersionStatusActivated:
				r.errors = append(r.errors, fmt.Sprintf("service worker %s became redundant while %s: its install failed", v.ScriptURL, was))
			}
		}
	case *network.EventRequestWillBeSent:
		r.requests = append(r.requests, ev.Request.URL)
		r.urls[ev.RequestID] = ev.Request.URL
	case *network.EventResponseReceived:
		if ev.Response.Status >= 400 {
			r.errors = append(r.errors, fmt.Sprintf("HTTP %d: %s", ev.Response.Status, ev.Response.URL))
		}
	case *network.EventLoadingFailed:
		if !ev.Canceled {
			msg := ev.ErrorText
			if ev.BlockedReason != "" {
				msg += " (blocked: " + string(ev.BlockedReason) + ")"
			}
			r.errors = append(r.errors, "request failed: "+msg+": "+r.urls[ev.RequestID])
		}
	}
}

// remoteText renders a console argument: a string as itself, anything
// else as its JSON value or its description.
func remoteText(a *runtime.RemoteObject) string {
	if a.Value != nil {
		var s string
		if json.Unmarshal(a.Value, &s) == nil {
			return s
		}
		return string(a.Value)
	}
	return a.Description
}

// serviceWorker tells whether a service worker version has activated,
// or why one failed to install.
func (r *recorder) serviceWorker() (activated bool, failed string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, e := range r.errors {
		if strings.HasPrefix(e, "service worker") {
			failed = e
		}
	}
	return r.workerOK, failed
}

// Errors returns what went wrong so far.
func (r *recorder) Errors() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.errors...)
}

// Requests returns every request URL of the page so far.
func (r *recorder) Requests() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.requests...)
}

func (r *recorder) summary() string {
	errs := r.Errors()
	if len(errs) == 0 {
		return "(no errors in the page)"
	}
	return "errors in the page:\n  " + strings.Join(errs, "\n  ")
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
