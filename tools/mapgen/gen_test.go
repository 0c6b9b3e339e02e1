package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"explainer/internal/modroot"
)

func TestFrameInset(t *testing.T) {
	b := frameInset(Box{100, 100, 140, 120}, 0.1, 1.5)
	if w, h := b.MaxX-b.MinX, b.MaxY-b.MinY; w < 48 || h < 28 {
		t.Errorf("inset %v too small for the box plus padding", b)
	}
	if !b.Contains(Box{100, 100, 140, 120}) {
		t.Errorf("inset %v does not hold the box", b)
	}
	if r := (b.MaxX - b.MinX) / (b.MaxY - b.MinY); r < 1.4 || r > 1.6 {
		t.Errorf("aspect %v, want about 1.5", r)
	}
}

// TestGeneratedFileUpToDate regenerates app/geo/shapes_gen.go and checks
// that the committed file is byte for byte the same. It needs the npm
// tarball: missing from .cache, it is fetched with npm. If that fails, the
// test fails under CI=true and is skipped elsewhere.
func TestGeneratedFileUpToDate(t *testing.T) {
	root, err := modroot.Find(".")
	if err != nil {
		t.Fatal(err)
	}
	tgz, err := EnsureTarball(filepath.Join(root, ".cache"))
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("cannot get the map source: %v", err)
		}
		t.Skipf("cannot get the map source, skipping (this fails under CI=true): %v", err)
	}
	got, m, err := Generate(tgz, DefaultParams)
	if err != nil {
		t.Fatal(err)
	}
	committed := filepath.Join(root, "app", "geo", "shapes_gen.go")
	want, err := os.ReadFile(committed)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		fresh := filepath.Join(t.TempDir(), "shapes_gen.go")
		if err := os.WriteFile(fresh, got, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Errorf("app/geo/shapes_gen.go is stale (run: go generate ./app/geo); %s\nfresh output: %s", firstDiff(want, got), fresh)
	}
	mainBytes, insetBytes := m.PathBytes()
	if total := mainBytes + insetBytes; total > 80*1024 {
		t.Errorf("path data is %d bytes, over the 80 KiB budget", total)
	}
}

func firstDiff(a, b []byte) string {
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return fmt.Sprintf("first difference at line %d:\n- %.120s\n+ %.120s", i+1, al[i], bl[i])
		}
	}
	return fmt.Sprintf("files differ in length: %d vs %d lines", len(al), len(bl))
}
