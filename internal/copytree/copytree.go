// Package copytree copies a folder tree: the browser tests copy the web
// folder to publish a new release, and the server's tests to run over a
// copy of it.
package copytree

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Copy copies the regular files under src to dst, making the folders it
// needs, and counts them. Other entries (links, devices) are left out.
func Copy(src, dst string) (int, error) {
	n := 0
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		n++
		return copyFile(p, target)
	})
	return n, err
}

// copyFile copies the file src to dst.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
