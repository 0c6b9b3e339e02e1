// Package e2e tests the explainer as readers meet it: the real server
// binary, the real wasm, in headless Chromium driven by chromedp.
//
// The tests need a built client (make build). Chromium is found from
// $CHROMIUM or on PATH; without it the tests skip, except when CI=true,
// where they fail: CI must not go green without running them.
package e2e

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
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
	if _, err := os.Stat(filepath.Join(root, "web", "app.wasm")); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: web/app.wasm is missing: run make build first")
		return 1
	}
	tmp, err := os.MkdirTemp("", "explainer-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer os.RemoveAll(tmp)
	serverBin = filepath.Join(tmp, "explainer")
	build := exec.Command("go", "build", "-o", serverBin, ".")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "e2e: building the server: %v\n%s", err, out)
		return 1
	}
	srv, err := startServer(root, "web")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	baseURL = srv.URL
	code := m.Run()
	srv.Stop()
	stopBrowser()
	return code
}

// server is a running explainer serve process.
type server struct {
	URL string
	cmd *exec.Cmd
}

// startServer runs the built binary's serve command on a free loopback port
// from dir, serving the assets folder web, and waits for its address line.
func startServer(dir, web string) (*server, error) {
	cmd := exec.Command(serverBin, "serve", "-addr", "127.0.0.1:0", "-web", web)
	cmd.Dir = dir
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	lines := bufio.NewScanner(out)
	urlc := make(chan string, 1)
	go func() {
		for lines.Scan() {
			if i := strings.Index(lines.Text(), "http://"); i >= 0 {
				urlc <- lines.Text()[i:]
			}
		}
	}()
	select {
	case u := <-urlc:
		return &server{URL: strings.TrimSpace(u), cmd: cmd}, nil
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		return nil, fmt.Errorf("the server printed no address in 20s")
	}
}

// Stop asks the server to shut down gracefully and waits for it.
func (s *server) Stop() {
	s.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() { s.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(15 * time.Second):
		s.cmd.Process.Kill()
	}
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

// browser starts one headless Chromium for the whole run; each test gets
// its own incognito-like browser context in it (see newTab).
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
		browserDir, browserErr = os.MkdirTemp("", "explainer-chromium-")
		if browserErr != nil {
			return
		}
		opts := []chromedp.ExecAllocatorOption{
			chromedp.ExecPath(path),
			chromedp.Headless,
			chromedp.NoSandbox,
			chromedp.DisableGPU,
			chromedp.NoFirstRun,
			chromedp.NoDefaultBrowserCheck,
			chromedp.UserDataDir(browserDir),
			chromedp.Flag("disable-background-networking", true),
			chromedp.Flag("disable-component-update", true),
			chromedp.Flag("disable-sync", true),
			chromedp.Flag("disable-quic", true),
			chromedp.Flag("disable-dev-shm-usage", true),
			chromedp.WindowSize(1280, 800),
		}
		alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
		ctx, cancelCtx := chromedp.NewContext(alloc)
		browserCtx = ctx
		browserCancel = func() { cancelCtx(); cancelAlloc() }
		browserErr = chromedp.Do(ctx) // starts the browser
	})
	if browserErr != nil {
		t.Fatalf("starting Chromium: %v", browserErr)
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
// and service workers), with a recorder of what went wrong in it.
type tab struct {
	ctx context.Context
	rec *recorder
}

// newTab opens a tab for one test; it closes when the test ends. Every
// action in it is bounded by timeout.
func newTab(t *testing.T, timeout time.Duration) *tab {
	t.Helper()
	parent := browser(t)
	ctx, cancel := chromedp.NewContext(parent, chromedp.WithNewBrowserContext())
	ctx, cancelTimeout := context.WithTimeout(ctx, timeout)
	t.Cleanup(func() { cancelTimeout(); cancel() })
	rec := &recorder{}
	if err := chromedp.Listen(ctx, rec.record); err != nil {
		t.Fatalf("listening to the tab: %v", err)
	}
	// Readers who ask for reduced motion get instant scrolling; so do the
	// tests, or a click could land while the page is still gliding.
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: "reduce"}},
	}); err != nil {
		t.Fatalf("emulating reduced motion: %v", err)
	}
	return &tab{ctx: ctx, rec: rec}
}

// do runs actions in the tab and fails the test on error.
func (tb *tab) do(t *testing.T, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(tb.ctx, actions...); err != nil {
		t.Fatalf("browser: %v", err)
	}
}

// open navigates to a path on the test server (or to a full URL).
func (tb *tab) open(t *testing.T, path string) {
	t.Helper()
	u := path
	if !strings.HasPrefix(u, "http") {
		u = baseURL + path
	}
	tb.do(t, chromedp.Navigate(u))
}

// waitReady waits for the client app to mount: <html data-ready="true">.
func (tb *tab) waitReady(t *testing.T) {
	t.Helper()
	tb.waitTrue(t, `document.documentElement.dataset.ready === "true"`, 40*time.Second)
}

// waitTrue polls a JavaScript expression until it is true.
func (tb *tab) waitTrue(t *testing.T, expr string, timeout time.Duration) {
	t.Helper()
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(timeout))); err != nil {
		t.Fatalf("waiting for %s: %v\n%s", expr, err, tb.rec.summary())
	}
}

// eval runs a JavaScript expression in the page and decodes its value.
func eval[T any](t *testing.T, tb *tab, expr string) T {
	t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// recorder keeps the tab's console errors, uncaught exceptions, error log
// entries and every request URL.
type recorder struct {
	mu       sync.Mutex
	errors   []string
	requests []string
}

func (r *recorder) record(ev any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var parts []string
			for _, a := range ev.Args {
				if a.Value != nil {
					parts = append(parts, string(a.Value))
				} else {
					parts = append(parts, a.Description)
				}
			}
			r.errors = append(r.errors, "console."+string(ev.Type)+": "+strings.Join(parts, " "))
		}
	case *runtime.EventExceptionThrown:
		msg := ev.ExceptionDetails.Text
		if ev.ExceptionDetails.Exception != nil {
			msg += " " + ev.ExceptionDetails.Exception.Description
		}
		r.errors = append(r.errors, "exception: "+msg)
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError {
			r.errors = append(r.errors, "log: "+ev.Entry.Text+" "+ev.Entry.URL)
		}
	case *network.EventRequestWillBeSent:
		r.requests = append(r.requests, ev.Request.URL)
	}
}

// Errors returns what went wrong so far.
func (r *recorder) Errors() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.errors...)
}

// Requests returns every request URL so far.
func (r *recorder) Requests() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.requests...)
}

func (r *recorder) summary() string {
	errs := r.Errors()
	if len(errs) == 0 {
		return "(no console errors)"
	}
	return "console errors:\n  " + strings.Join(errs, "\n  ")
}

// noErrors fails the test if the tab logged any error.
func (tb *tab) noErrors(t *testing.T) {
	t.Helper()
	if errs := tb.rec.Errors(); len(errs) > 0 {
		t.Errorf("the page logged %d errors:\n  %s", len(errs), strings.Join(errs, "\n  "))
	}
}

// The error checks of the other tests are only worth something if the
// recorder hears errors: this proves it does.
func TestRecorderHearsErrors(t *testing.T) {
	tb := newTab(t, 30*time.Second)
	tb.open(t, "/")
	eval[bool](t, tb, `(console.error("planted error"), setTimeout(() => { throw new Error("planted exception") }), true)`)
	tb.do(t, chromedp.Sleep(300*time.Millisecond))
	all := strings.Join(tb.rec.Errors(), "\n")
	if !strings.Contains(all, "planted error") || !strings.Contains(all, "planted exception") {
		t.Errorf("the recorder missed planted errors; it has:\n%s", all)
	}
}
