package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"explainer/internal/modroot"
)

func main() {
	out := flag.String("out", "", "output file (default: app/geo/shapes_gen.go in the module)")
	cache := flag.String("cache", "", "download cache (default: .cache in the module)")
	flag.Parse()
	if err := run(*out, *cache); err != nil {
		fmt.Fprintln(os.Stderr, "mapgen:", err)
		os.Exit(1)
	}
}

func run(out, cache string) error {
	root, err := modroot.Find(".")
	if err != nil {
		return err
	}
	if out == "" {
		out = filepath.Join(root, "app", "geo", "shapes_gen.go")
	}
	if cache == "" {
		cache = filepath.Join(root, ".cache")
	}
	tgz, err := EnsureTarball(cache)
	if err != nil {
		return err
	}
	src, m, err := Generate(tgz, DefaultParams)
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, src, 0o644); err != nil {
		return err
	}
	mainBytes, insetBytes := m.PathBytes()
	fmt.Printf("mapgen: wrote %s: %d countries, viewBox %s, path data %d bytes (%d main + %d inset)\n",
		rel(root, out), len(m.Shapes), rectLit(m.ViewBox), mainBytes+insetBytes, mainBytes, insetBytes)
	return nil
}

func rel(root, path string) string {
	if r, err := filepath.Rel(root, path); err == nil {
		return r
	}
	return path
}
