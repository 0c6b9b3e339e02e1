package modroot

import (
	"os"
	"path/filepath"
	"testing"
)

func TestFind(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "go.mod"), []byte("module x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{root, deep} {
		got, err := Find(dir)
		if err != nil || got != root {
			t.Errorf("Find(%s) = %q, %v; want %q", dir, got, err, root)
		}
	}
}
