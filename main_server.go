//go:build !wasm

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"explainer/internal/contentcheck"
	"explainer/server"
)

// run is the machine's main: the serve and export commands, and check,
// which validates the content files. The server package is imported here
// alone, so the wasm never links it.
func run() {
	if len(os.Args) == 2 && os.Args[1] == "check" {
		// Run from the repository, on the files as they are now: an
		// editor checks a change before building.
		if n := contentcheck.Run(".", os.Stderr); n > 0 {
			fmt.Fprintf(os.Stderr, "explainer check: %d problems\n", n)
			os.Exit(1)
		}
		fmt.Fprintln(os.Stdout, "explainer check: the content files are valid")
		return
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := server.Command(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "explainer:", err)
		}
		os.Exit(2)
	}
}
