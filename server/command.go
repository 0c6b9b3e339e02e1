package server

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"explainer/app/content"
	"explainer/app/view"
)

const usage = `usage:
  explainer serve  [-addr HOST:PORT] [-web DIR] [-origin URL] [-embed-ancestors LIST]
                                                       serve the explainer (default 127.0.0.1:8000)
  explainer export -out DIR [-origin URL] [-prefix /path] [-months] [-view PATH]... [-web DIR]
                                                       write a static site for any static host
  explainer check                                      check the content files (run from the repository)
`

// Command runs one command line of the server binary: serve or export.
// ctx ends serve (on SIGINT or SIGTERM, from the main). A usage error is
// printed to stderr with the usage; flag.ErrHelp means help was asked for.
func Command(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errors.New("no command given")
	}
	fs := flag.NewFlagSet(args[0], flag.ContinueOnError)
	fs.SetOutput(stderr)
	webDir := fs.String("web", "web", "folder of static assets, with the built app.wasm")
	origin := fs.String("origin", "", "public origin, e.g. https://explainer.example")
	switch args[0] {
	case "serve":
		addr := fs.String("addr", "127.0.0.1:8000", "address to listen on")
		ancestors := fs.String("embed-ancestors", frameAnyone, "sites that may frame /embed (CSP frame-ancestors), e.g. \"https://news.example https://*.news.example\"")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		if err := checkAncestors(*ancestors); err != nil {
			return err
		}
		s, err := newSite(*origin, "")
		if err != nil {
			return err
		}
		assets, err := loadAssets(*webDir)
		if err != nil {
			return err
		}
		return serve(ctx, *addr, newServer(assets, s, *ancestors), stdout)
	case "export":
		out := fs.String("out", "", "folder to write the static site to (required)")
		prefix := fs.String("prefix", "", "URL path the site is served under, e.g. /csto for a project site")
		months := fs.Bool("months", false, "also write a page and a share card for every month the date slider steps through")
		var views []view.View
		fs.Func("view", "also write this view's page and share card: a path such as /at/1999-06-01/ or /?at=1999-06-01 (repeatable)", func(s string) error {
			v, err := exportView(s, content.Default())
			views = append(views, v)
			return err
		})
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		if *out == "" {
			return errors.New("export: -out DIR is required")
		}
		s, err := newSite(*origin, *prefix)
		if err != nil {
			return err
		}
		assets, err := loadAssets(*webDir)
		if err != nil {
			return err
		}
		return export(*out, s, assets, exportOptions{months: *months, views: views}, stdout, stderr)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return fmt.Errorf("unknown command %q", args[0])
}

// checkAncestors refuses a frame-ancestors list that would break the
// header: it must be sources separated by spaces, nothing else.
func checkAncestors(list string) error {
	if strings.TrimSpace(list) == "" || strings.ContainsAny(list, ";,\r\n\"") {
		return fmt.Errorf("-embed-ancestors %q: want sources separated by spaces, e.g. \"https://news.example\"", list)
	}
	return nil
}
