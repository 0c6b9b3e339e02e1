// Package modroot finds the explainer's module root, so that the tools
// that read and write its files work from the repository root, from a
// package's folder (go generate, go test) and from anywhere inside.
package modroot

import (
	"errors"
	"os"
	"path/filepath"
)

// Find returns the directory of the nearest go.mod at or above dir.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod at or above " + dir)
		}
		dir = parent
	}
}
