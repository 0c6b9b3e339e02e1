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

	"explainer/server"
)

// run is the machine's main: the serve and export commands. The server
// package is imported here alone, so the wasm never links it.
func run() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := server.Command(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "explainer:", err)
		}
		os.Exit(2)
	}
}
