package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The fork must be exactly what the command writes: an edit made in
// third_party/go-app and not carried into the patch would be lost at the
// next upgrade, and one made in the patch alone would not be built.
func TestVendoredGoAppIsUpstreamPlusPatch(t *testing.T) {
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	version, err := requiredVersion(root)
	if err != nil {
		t.Fatal(err)
	}
	src, err := download(version)
	if err != nil {
		if os.Getenv("CI") != "true" {
			t.Skipf("cannot compare %s with upstream, which cannot be fetched (in CI this fails): %v", treeDir, err)
		}
		t.Fatal(err)
	}
	want := filepath.Join(t.TempDir(), "go-app")
	if err := copyUpstream(src, want); err != nil {
		t.Fatal(err)
	}
	if err := applyPatch(want, filepath.Join(root, patchFile), false); err != nil {
		t.Fatal(err)
	}
	if err := compareTrees(want, filepath.Join(root, treeDir)); err != nil {
		t.Fatalf("%v\nafter editing %s, run go run ./tools/vendorgoapp -diff; after editing %s, run go run ./tools/vendorgoapp", err, treeDir, patchFile)
	}
}

func TestCompareTreesNamesTheFirstDifference(t *testing.T) {
	write := func(dir string, files map[string]string) string {
		for name, body := range files {
			if err := copyFileFromString(filepath.Join(dir, name), body); err != nil {
				t.Fatal(err)
			}
		}
		return dir
	}
	base := map[string]string{"go.mod": "m", "pkg/app/a.go": "a\nb\n", "pkg/app/b.go": "b"}
	want := write(t.TempDir(), base)
	tests := []struct {
		got     map[string]string
		wantErr string // "" for none
	}{
		{map[string]string{"go.mod": "m", "pkg/app/a.go": "a\nb\n", "pkg/app/b.go": "b", ownFile: "ours"}, ""},
		{map[string]string{"go.mod": "m", "pkg/app/a.go": "a\nc\n", "pkg/app/b.go": "b"}, "pkg/app/a.go differs from upstream plus the patch at line 2"},
		{map[string]string{"go.mod": "m", "pkg/app/b.go": "b"}, "pkg/app/a.go is missing"},
		{map[string]string{"go.mod": "m", "pkg/app/a.go": "a\nb\n"}, "pkg/app/b.go is missing"},
		{map[string]string{"go.mod": "m", "pkg/app/a.go": "a\nb\n", "pkg/app/a2.go": "", "pkg/app/b.go": "b"}, "pkg/app/a2.go is extra"},
		{map[string]string{"go.mod": "m", "pkg/app/a.go": "a\nb\n", "pkg/app/b.go": "b", "z": ""}, "z is extra"},
	}
	for _, tt := range tests {
		err := compareTrees(want, write(t.TempDir(), tt.got))
		switch {
		case tt.wantErr == "" && err != nil:
			t.Errorf("compareTrees(%v) = %v, want no difference", tt.got, err)
		case tt.wantErr != "" && (err == nil || !strings.Contains(filepath.ToSlash(err.Error()), tt.wantErr)):
			t.Errorf("compareTrees(%v) = %v, want %q", tt.got, err, tt.wantErr)
		}
	}
}

func copyFileFromString(name, body string) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return os.WriteFile(name, []byte(body), 0o644)
}
