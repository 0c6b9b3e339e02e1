package main

import (
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
