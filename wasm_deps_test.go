package main

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestWasmLinksNoServerCode lists every package the browser build links
// and fails on server-only and build-time code: it would make the wasm
// larger and slower to start for nothing the reader runs. The package
// boundary (only main_server.go imports explainer/server) is what keeps
// them out; this test is what notices when an import breaks it.
func TestWasmLinksNoServerCode(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", ".")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list -deps for js/wasm: %v", err)
	}
	forbidden := []string{
		"net/http", "crypto/tls", "regexp", // the server's; regexp also builds unicode tables at start-up
		"explainer/server", "explainer/internal/", "explainer/tools/",
		"github.com/chromedp/", "github.com/andybalholm/brotli",
	}
	deps := strings.Fields(string(out))
	if len(deps) < 10 {
		t.Fatalf("go list named only %d packages: %v", len(deps), deps)
	}
	for _, dep := range deps {
		for _, f := range forbidden {
			if dep == f || strings.HasSuffix(f, "/") && strings.HasPrefix(dep, f) {
				t.Errorf("the wasm links %s (forbidden: %s); find the import with: GOOS=js GOARCH=wasm go list -deps -f '{{.ImportPath}}: {{.Imports}}' .", dep, f)
			}
		}
	}
}

// TestWasmLinksNoParser builds the wasm and looks for the content parsers
// among its function names (the runtime keeps them for stack traces, even
// in a stripped build). Default in each content package returns the
// literals contentgen wrote, so nothing in the client should reach
// ParseEmbedded or the parsers behind it; go list cannot tell, since the
// packages are linked either way and the linker drops dead functions.
func TestWasmLinksNoParser(t *testing.T) {
	out := t.TempDir() + "/app.wasm"
	cmd := exec.Command("go", "build", "-o", out, ".")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build for js/wasm: %v\n%s", err, msg)
	}
	wasm, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	// A name that must be there: without it the names are not stored the
	// way this test reads them, and the absences below would prove nothing.
	if !bytes.Contains(wasm, []byte("explainer/app/timeline.Default\x00")) {
		t.Fatal("explainer/app/timeline.Default is not among the wasm's function names: the test cannot see what is linked")
	}
	forbidden := []string{"encoding/csv.", "explainer/app/sheet."}
	for _, pkg := range []string{"sources", "timeline", "membership", "roles", "story", "corrections"} {
		forbidden = append(forbidden,
			"explainer/app/"+pkg+".ParseEmbedded\x00",
			"explainer/app/"+pkg+".Parse\x00",
		)
	}
	forbidden = append(forbidden, "explainer/app/membership.ParseTransitions\x00")
	for _, name := range forbidden {
		if bytes.Contains(wasm, []byte(name)) {
			t.Errorf("the wasm links %s: something the client runs parses content instead of reading Default", strings.TrimSuffix(name, "\x00"))
		}
	}
}
