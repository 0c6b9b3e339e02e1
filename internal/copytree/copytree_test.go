package copytree

import (
	"os"
	"path/filepath"
	"testing"
)

func TestCopy(t *testing.T) {
	src, dst := t.TempDir(), filepath.Join(t.TempDir(), "out")
	files := map[string]string{"a.txt": "a", "sub/b.txt": "bb", "sub/deeper/c.txt": "ccc"}
	for name, text := range files {
		p := filepath.Join(src, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("a.txt", filepath.Join(src, "link")); err != nil {
		t.Fatal(err)
	}
	n, err := Copy(src, dst)
	if err != nil {
		t.Fatal(err)
	}
	if n != len(files) {
		t.Errorf("Copy counted %d files, want %d", n, len(files))
	}
	for name, text := range files {
		if b, err := os.ReadFile(filepath.Join(dst, name)); err != nil || string(b) != text {
			t.Errorf("%s: %q, %v; want %q", name, b, err, text)
		}
	}
	if _, err := os.Lstat(filepath.Join(dst, "link")); !os.IsNotExist(err) {
		t.Errorf("the symlink was copied (%v); only regular files should be", err)
	}
	if _, err := Copy(filepath.Join(src, "missing"), dst); err == nil {
		t.Error("copying a missing folder gave no error")
	}
}
