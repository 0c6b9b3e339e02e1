package e2e

import (
	"cmp"
	"fmt"
	"mime"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The static export behind the web servers a newsroom is likely to have,
// each configured with its file from deploy/: the headers must be the
// server's, and the site must paint, start and work offline as it does
// from the server. Where a web server is not installed these tests skip,
// or fail when CI=true.

// staticHost is a web server run with its configuration from deploy/.
type staticHost struct {
	name string
	// start serves the export folder root on a free loopback port until
	// the test ends, and returns the site's URL.
	start func(t *testing.T, root string) string
}

var staticHosts = []staticHost{
	{"caddy", startCaddy},
	{"nginx", startNginx},
}

// needInstalled fails the test when CI=true and skips it otherwise, for a
// host program or file that is missing.
func needInstalled(t *testing.T, what, install string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is missing (%s); the static host tests must run in CI", what, install)
	}
	t.Skipf("%s is missing (%s)", what, install)
}

func lookPath(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		needInstalled(t, name, "apt-get install "+name)
	}
	return p
}

// startCaddy runs deploy/Caddyfile, which reads the folder and address
// from the environment. Caddy keeps state in its config and data folders:
// they are the test's own.
func startCaddy(t *testing.T, root string) string {
	t.Helper()
	bin := lookPath(t, "caddy")
	addr := freePort(t)
	home := t.TempDir()
	cmd := exec.Command(bin, "run", "--config", filepath.Join(repoRoot, "deploy", "Caddyfile"), "--adapter", "caddyfile")
	cmd.Dir = home
	cmd.Env = append(os.Environ(),
		"EXPLAINER_ROOT="+root,
		"EXPLAINER_ADDRESS=http://"+addr,
		"HOME="+home, "XDG_CONFIG_HOME="+home, "XDG_DATA_HOME="+home,
	)
	return runHost(t, "caddy", cmd, addr)
}

// nginxLoadModule finds the modules deploy/nginx.conf loads.
var nginxLoadModule = regexp.MustCompile(`(?m)^\s*load_module\s+([^;\s]+);`)

// startNginx runs deploy/nginx.conf with its listen and root lines set to
// the test's address and folder.
func startNginx(t *testing.T, root string) string {
	t.Helper()
	return runNginx(t, "nginx.conf", func(addr, _ string) []lineChange {
		return []lineChange{
			{"listen 8080;", "listen " + addr + ";"},
			{"root /srv/explainer;", "root " + root + ";"},
		}
	})
}

// lineChange replaces a line of a configuration, which it must hold once.
type lineChange struct{ line, to string }

// runNginx runs deploy/<name> on a free loopback port, in the foreground,
// with the changes that changes gives for that address and a folder of the
// test's own (for files the configuration keeps), and returns its URL.
func runNginx(t *testing.T, name string, changes func(addr, folder string) []lineChange) string {
	t.Helper()
	bin := lookPath(t, "nginx")
	b, err := os.ReadFile(filepath.Join(repoRoot, "deploy", name))
	if err != nil {
		t.Fatal(err)
	}
	conf := string(b)
	for _, m := range nginxLoadModule.FindAllStringSubmatch(conf, -1) {
		if _, err := os.Stat(m[1]); err != nil {
			needInstalled(t, "the nginx module "+m[1], "Debian: apt-get install libnginx-mod-http-brotli-static")
		}
	}
	addr := freePort(t)
	prefix := t.TempDir()
	// Temporary files in the test's folder rather than the system's,
	// which only root may write to.
	temp := lineChange{"\nhttp {\n", "\nhttp {\n\tclient_body_temp_path tmp/body;\n\tproxy_temp_path tmp/proxy;\n\tfastcgi_temp_path tmp/fastcgi;\n\tuwsgi_temp_path tmp/uwsgi;\n\tscgi_temp_path tmp/scgi;\n"}
	for _, r := range append(changes(addr, prefix), temp) {
		if strings.Count(conf, r.line) != 1 {
			t.Fatalf("deploy/%s should have %q once, for the test to replace", name, r.line)
		}
		conf = strings.Replace(conf, r.line, r.to, 1)
	}
	if err := os.Mkdir(filepath.Join(prefix, "tmp"), 0o755); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(prefix, "nginx.conf")
	if err := os.WriteFile(file, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	// One process, in the foreground: with a master process started as
	// root, the workers would run as an unprivileged user, who cannot read
	// the test's folders.
	cmd := exec.Command(bin, "-p", prefix+"/", "-c", file, "-g", "daemon off; master_process off;")
	cmd.Dir = prefix
	return runHost(t, strings.TrimSuffix(name, ".conf"), cmd, addr)
}

// runHost starts cmd, waits until it accepts connections on addr, and
// stops it when the test ends, showing what it printed if the test failed.
func runHost(t *testing.T, name string, cmd *exec.Cmd, addr string) string {
	t.Helper()
	out := &addrWatcher{found: make(chan string, 1)}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting %s: %v", name, err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		select {
		case <-exited:
		default:
			cmd.Process.Signal(syscall.SIGTERM)
			select {
			case <-exited:
			case <-time.After(10 * time.Second):
				cmd.Process.Kill()
				<-exited
			}
		}
		if t.Failed() {
			t.Logf("%s printed:\n%s", name, out)
		}
	})
	deadline := time.Now().Add(15 * time.Second)
	for {
		select {
		case err := <-exited:
			exited <- err // for the cleanup
			t.Fatalf("%s exited before listening on %s (%v); it printed:\n%s", name, addr, err, out)
		default:
		}
		if c, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
			c.Close()
			return "http://" + addr
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s did not listen on %s in 15s; it printed:\n%s", name, addr, out)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// browserEncodings is the Accept-Encoding Chromium sends.
const browserEncodings = "gzip, deflate, br, zstd"

// headerRoutes are the requests whose answers a static host must give as
// the server does: every kind of file of the export, each coding of the
// wasm, and paths the site does not have; TestStaticHostHeaders adds the
// build's files at their hashed paths (hashedHeaderRoutes), immutable.
var headerRoutes = []struct{ path, acceptEncoding string }{
	{"/", browserEncodings},
	{"/event/armenia-freezes/?country=ARM", browserEncodings},
	{"/country/AZE/", browserEncodings},
	{"/at/1999/", browserEncodings},
	{"/card/event/armenia-freezes.png", browserEncodings},
	{"/card/explainer.png", browserEncodings},
	{"/embed", browserEncodings},
	{"/embed?view=map", browserEncodings},
	{"/app.js", browserEncodings},
	{"/app-worker.js", browserEncodings},
	{"/wasm_exec.js", browserEncodings},
	{"/app.css", browserEncodings},
	{"/manifest.webmanifest", browserEncodings},
	{"/web/app.wasm", "br"},
	{"/web/app.wasm", "gzip"},
	{"/web/app.wasm", ""},
	{"/web/explainer.css", browserEncodings},
	{"/web/icon.svg", browserEncodings},
	{"/robots.txt", browserEncodings},
	{"/data/events.csv", browserEncodings},
	{"/data/transitions.json", browserEncodings},
	{"/data/README.txt", browserEncodings},
	{"/missing", browserEncodings},
	{"/web/missing.css", browserEncodings},
	{"/index.html", browserEncodings},
	{"/embed.html", browserEncodings},
}

// securityHeaders are compared on every answer, errors included.
var securityHeaders = []string{
	"Content-Security-Policy", "X-Frame-Options", "Cross-Origin-Opener-Policy",
	"X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy",
}

// fileHeaders are compared on answers with a file. Not on errors: the
// server's 404s carry them or not depending on which of its handlers
// refused the path, and an error has nothing to cache, decode or share.
//
// Left out everywhere: Date and Server; ETag and Last-Modified (go-app tags
// its files with the build's version, hosts with each file's time and size:
// either lets a browser and a CDN revalidate);
// Content-Length and Transfer-Encoding (hosts gzip with other compressors,
// and Caddy streams precompressed files chunked); Accept-Ranges.
var fileHeaders = []string{"Content-Encoding", "Access-Control-Allow-Origin", "Cache-Control"}

// getRaw fetches u asking for the given codings (none if ""), without
// following redirects or decoding the body.
func getRaw(t *testing.T, u, acceptEncoding string) *http.Response {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		t.Fatal(err)
	}
	if acceptEncoding != "" {
		req.Header.Set("Accept-Encoding", acceptEncoding)
	}
	client := &http.Client{
		Timeout:       30 * time.Second,
		Transport:     &http.Transport{DisableCompression: true},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res
}

// sameContentType compares media types, taking application/javascript
// (go-app's name) as text/javascript (RFC 9239). A host may name a charset
// where the server names none, never drop or change one.
func sameContentType(server, host string) bool {
	smt, sp, err1 := mime.ParseMediaType(server)
	hmt, hp, err2 := mime.ParseMediaType(host)
	if err1 != nil || err2 != nil {
		return server == host
	}
	js := func(mt string) string {
		if mt == "application/javascript" {
			return "text/javascript"
		}
		return mt
	}
	return js(smt) == js(hmt) && (sp["charset"] == "" || strings.EqualFold(sp["charset"], hp["charset"]))
}

// varyFields is a Vary header as a sorted set of lower-case field names,
// however many header lines it came in.
func varyFields(h http.Header) string {
	var fields []string
	for _, v := range h.Values("Vary") {
		for _, f := range strings.Split(v, ",") {
			if f = strings.ToLower(strings.TrimSpace(f)); f != "" && !slices.Contains(fields, f) {
				fields = append(fields, f)
			}
		}
	}
	slices.Sort(fields)
	return strings.Join(fields, ", ")
}

// headerDiffs lists how the host's answer differs from the server's.
func headerDiffs(server, host *http.Response) []string {
	var diffs []string
	differ := func(name, s, h string) {
		diffs = append(diffs, fmt.Sprintf("%s: server %q, host %q", name, s, h))
	}
	if server.StatusCode != host.StatusCode {
		differ("status", server.Status, host.Status)
	}
	names := securityHeaders
	if server.StatusCode < 400 {
		names = append(slices.Clip(names), fileHeaders...)
		if s, h := varyFields(server.Header), varyFields(host.Header); s != h {
			differ("Vary", s, h)
		}
	}
	for _, name := range names {
		if s, h := server.Header.Get(name), host.Header.Get(name); s != h {
			differ(name, s, h)
		}
	}
	if s, h := server.Header.Get("Content-Type"), host.Header.Get("Content-Type"); !sameContentType(s, h) {
		differ("Content-Type", s, h)
	}
	return diffs
}

func TestSameContentType(t *testing.T) {
	for _, tt := range []struct {
		server, host string
		same         bool
	}{
		{"application/javascript", "text/javascript; charset=utf-8", true},
		{"text/css", "text/css; charset=utf-8", true},
		{"text/html; charset=utf-8", "text/html; charset=UTF-8", true},
		{"text/html; charset=utf-8", "text/html", false},
		{"application/wasm", "application/octet-stream", false},
		{"application/manifest+json", "application/json", false},
	} {
		if got := sameContentType(tt.server, tt.host); got != tt.same {
			t.Errorf("sameContentType(%q, %q) = %v", tt.server, tt.host, got)
		}
	}
}

func TestStaticHostHeaders(t *testing.T) {
	root := exportSite(t, "")
	for _, host := range staticHosts {
		t.Run(host.name, func(t *testing.T) {
			site := host.start(t, root)
			for _, r := range append(slices.Clip(headerRoutes), hashedHeaderRoutes(t)...) {
				server, got := getRaw(t, baseURL+r.path, r.acceptEncoding), getRaw(t, site+r.path, r.acceptEncoding)
				for _, d := range headerDiffs(server, got) {
					t.Errorf("GET %s (Accept-Encoding %q): %s", r.path, r.acceptEncoding, d)
				}
			}
		})
	}
}

// hostRoutes are the pages a reader opens on a static host: the page, a
// view's canonical path with the rest of the view in the query, and an
// embed.
var hostRoutes = []string{"/", "/event/armenia-freezes/?country=ARM", "/embed?view=map"}

func TestStaticHostInBrowser(t *testing.T) {
	root := exportSite(t, "")
	for _, host := range staticHosts {
		t.Run(host.name, func(t *testing.T) {
			site := host.start(t, root)
			for _, path := range hostRoutes {
				t.Run(cmp.Or(strings.TrimPrefix(path, "/"), "root"), func(t *testing.T) { checkOnHost(t, site, path) })
			}
		})
	}
}

// checkOnHost opens path of site three times: without JavaScript, for what
// the reader sees before the wasm; with it, until the app is ready and the
// service worker has installed; and offline, reloaded from the worker.
func checkOnHost(t *testing.T, site, path string) {
	var route offlineRoute
	for _, r := range offlineRoutes {
		if r.path == path {
			route = r
		}
	}
	if route.path == "" {
		t.Fatalf("no offlineRoute for %s", path)
	}
	t.Run("first-paint", func(t *testing.T) {
		tb := newTab(t, 60*time.Second)
		disableScripts(t, tb)
		tb.open(t, site+path)
		if route.article {
			checkArticle(t, tb)
		}
		if n := eval[int](t, tb, `document.querySelectorAll("#map path[data-iso]").length`); n < 40 {
			t.Errorf("%d states drawn in the HTML", n)
		}
		if eval[bool](t, tb, `document.documentElement.hasAttribute("data-ready")`) {
			t.Error("data-ready is set with JavaScript off")
		}
	})
	tb := newTab(t, 120*time.Second)
	online := t.Run("ready", func(t *testing.T) {
		tb.open(t, site+path)
		tb.waitReady(t)
		tb.waitServiceWorker(t)
		tb.noErrors(t) // CSP violations included
	})
	t.Run("offline", func(t *testing.T) {
		if !online {
			t.Fatal("the page did not start online")
		}
		tb.setOffline(t)
		if p := probe(t, tb); !strings.HasPrefix(p, "failed") {
			t.Fatalf("offline, a request the service worker has not cached gave %q: the network is not cut off", p)
		}
		if err := chromedp.Do(tb.ctx, chromedp.Reload()); err != nil {
			t.Fatalf("offline, reloading %s failed: %v (the service worker has no copy of it)", path, err)
		}
		tb.waitReady(t)
		checkOfflineRoute(t, tb, route)
		for _, e := range tb.rec.Errors() {
			if !strings.Contains(e, probeParam) {
				t.Errorf("offline, the page logged: %s", e)
			}
		}
	})
}
