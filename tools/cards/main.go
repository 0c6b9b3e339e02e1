// Command cards writes share cards of chosen views as PNG files, for the
// README (make cards) or to look at a view's card without a server:
//
//	go run ./tools/cards                                  # the README's two cards
//	go run ./tools/cards -out /tmp /country/UZB/ /at/2006/
//
// Each argument is a view's path as the site writes it; the file is named
// after it (card-country-UZB.png). The cards are the server's own
// (internal/card), byte for byte.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"explainer/app/content"
	"explainer/app/view"
	"explainer/internal/card"
)

// readmeViews are the cards the README shows: an event with the frozen
// hatching at Armenia, and a date from the treaty's first years.
var readmeViews = []string{"/event/armenia-freezes/", "/at/1999-06-01/"}

func main() {
	out := flag.String("out", "web/screenshots", "folder to write the cards to")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: go run ./tools/cards [-out DIR] [VIEW-PATH...]")
		flag.PrintDefaults()
	}
	flag.Parse()
	paths := flag.Args()
	if len(paths) == 0 {
		paths = readmeViews
	}
	if err := run(*out, paths); err != nil {
		fmt.Fprintln(os.Stderr, "cards:", err)
		os.Exit(1)
	}
}

func run(out string, paths []string) error {
	r, err := card.New()
	if err != nil {
		return err
	}
	c := content.Default()
	for _, p := range paths {
		path, query, _ := strings.Cut(p, "?")
		v, ok := view.ParsePath(path, query, c)
		if !ok {
			return fmt.Errorf("%q is not a view's path (/, /event/ID/, /country/ISO/, /at/DATE/)", p)
		}
		b, err := r.PNG(v, c)
		if err != nil {
			return err
		}
		name := strings.NewReplacer("/", "-", "?", "-", "&", "-", "=", "-").Replace(strings.Trim(v.Path(c), "/"))
		if name == "" {
			name = "explainer"
		}
		file := filepath.Join(out, "card-"+name+".png")
		if err := os.WriteFile(file, b, 0o644); err != nil {
			return err
		}
		fmt.Printf("%s: %d bytes\n", file, len(b))
	}
	return nil
}
