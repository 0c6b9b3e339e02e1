package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"explainer/internal/modroot"
)

// TestGeneratedFilesUpToDate regenerates every content_gen.go from the
// content files and checks that the committed one is byte for byte the
// same: an edit of a content file without `make build` (or go run
// ./tools/contentgen) fails here rather than reaching readers only on the
// server.
func TestGeneratedFilesUpToDate(t *testing.T) {
	root, err := modroot.Find(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		got, err := Generate(f)
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(f.Path(root))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			rel, _ := filepath.Rel(root, f.Path(root))
			t.Errorf("%s is stale: run go run ./tools/contentgen (make build does)", rel)
		}
	}
}

// TestWriteUnexportedFails: a value the literal cannot rebuild is an error,
// never a silently partial model.
func TestWriteUnexportedFails(t *testing.T) {
	type hidden struct{ n int }
	l := newLiteral("x")
	if err := l.call("F", hidden{n: 1}); err == nil {
		t.Error("an unexported field that is set was written without error")
	}
}

// TestLiteral: nil and empty slices stay apart (reflect.DeepEqual tells
// them apart), zero fields are left out, and other packages' types are
// qualified and imported.
func TestLiteral(t *testing.T) {
	type row struct {
		A    string
		B    []string
		C, D []int
	}
	l := newLiteral("explainer/tools/contentgen")
	if err := l.call("F", []row{{A: "x\"y", C: []int{}}}); err != nil {
		t.Fatal(err)
	}
	if got, want := l.b.String(), "F([]row{\n{A: \"x\\\"y\", C: []int{}},\n})"; got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
}

// TestGenerateReportsInvalidContent: a content file that does not parse
// is an error naming its problems as the parser gives them, file first.
func TestGenerateReportsInvalidContent(t *testing.T) {
	f := file{dir: "x", pkg: "x", source: "x.csv", result: "int", parse: func() ([]any, error) {
		return nil, errors.New("x.csv:2:1: iso: unknown country code")
	}}
	if _, err := Generate(f); err == nil || err.Error() != "x.csv:2:1: iso: unknown country code" {
		t.Errorf("got error %v, want the parse's problems", err)
	}
}
