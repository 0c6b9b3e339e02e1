//go:build !wasm

package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/htmltidy"
	"explainer/internal/copytree"
)

// export writes the whole site to out: every page prerendered, go-app's
// scripts, the manifest and service worker, and the web folder with the
// precompressed wasm beside the original. Any static host serves it as is;
// prefix is the URL path it will be served under ("" for a host's root).
func export(out, prefix string, a *assets, stdout io.Writer) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	if err := app.GenerateStaticWebsite(out, newAppHandler(a, site{prefix: prefix, static: true})); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := tidyPageFiles(out); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	appJS := filepath.Join(out, "app.js")
	js, err := os.ReadFile(appJS)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := os.WriteFile(appJS, patchAppJS(js), 0o644); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := os.WriteFile(filepath.Join(out, "manifest.webmanifest"), webManifest(prefix), 0o644); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	n, err := copytree.Copy(a.dir, filepath.Join(out, "web"))
	if err != nil {
		return fmt.Errorf("export: copying %s: %w", a.dir, err)
	}
	fmt.Fprintf(stdout, "exported the explainer to %s (%d asset files, URL prefix %q)\n", out, n, prefix)
	return nil
}

// tidyPageFiles applies htmltidy.Tidy to the exported pages, so they match
// what the server sends.
func tidyPageFiles(out string) error {
	pages, err := filepath.Glob(filepath.Join(out, "*.html"))
	if err != nil {
		return err
	}
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.WriteFile(p, htmltidy.Tidy(b), 0o644); err != nil {
			return err
		}
	}
	return nil
}
