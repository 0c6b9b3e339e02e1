// Command precompress writes brotli (.br) and gzip (.gz) copies of files at
// their highest compression levels, so the server and static hosts can send
// them as they are instead of compressing on every request.
//
//	go run ./tools/precompress web/app.wasm
//
// It is a build-time tool: nothing here is linked into the app.
package main

import (
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/andybalholm/brotli"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: precompress FILE...")
		os.Exit(2)
	}
	for _, name := range os.Args[1:] {
		if err := compress(name); err != nil {
			fmt.Fprintln(os.Stderr, "precompress:", err)
			os.Exit(1)
		}
	}
}

// compress writes name.br and name.gz beside name and reports the sizes.
func compress(name string) error {
	raw, err := os.Stat(name)
	if err != nil {
		return err
	}
	br, err := writeCompressed(name, ".br", func(w io.Writer) io.WriteCloser {
		return brotli.NewWriterLevel(w, brotli.BestCompression)
	})
	if err != nil {
		return err
	}
	gz, err := writeCompressed(name, ".gz", func(w io.Writer) io.WriteCloser {
		z, _ := gzip.NewWriterLevel(w, gzip.BestCompression) // the level is valid
		return z
	})
	if err != nil {
		return err
	}
	fmt.Printf("%s: %d bytes raw, %d gzip, %d brotli\n", name, raw.Size(), gz, br)
	return nil
}

// writeCompressed writes name+ext through the compressor and returns its size.
// It writes to a temporary file first so a half-written copy is never served.
func writeCompressed(name, ext string, newWriter func(io.Writer) io.WriteCloser) (int64, error) {
	in, err := os.Open(name)
	if err != nil {
		return 0, err
	}
	defer in.Close()
	tmp, err := os.CreateTemp(filepath.Dir(name), ".precompress-*")
	if err != nil {
		return 0, err
	}
	defer os.Remove(tmp.Name())
	w := newWriter(tmp)
	if _, err := io.Copy(w, in); err != nil {
		tmp.Close()
		return 0, fmt.Errorf("%s%s: %w", name, ext, err)
	}
	if err := w.Close(); err != nil {
		tmp.Close()
		return 0, fmt.Errorf("%s%s: %w", name, ext, err)
	}
	size, _ := tmp.Seek(0, io.SeekCurrent)
	if err := tmp.Close(); err != nil {
		return 0, err
	}
	// CreateTemp makes the file private; a web server running as another
	// user must be able to read it.
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return 0, err
	}
	return size, os.Rename(tmp.Name(), name+ext)
}
