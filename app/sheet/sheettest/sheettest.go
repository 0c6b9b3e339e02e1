// Package sheettest checks the errors of the content-file readers in tests.
package sheettest

import (
	"errors"
	"strings"
	"testing"

	"explainer/app/sheet"
)

// WantErrors fails t unless err reports exactly the problems in want, one
// per line, each line starting with its want entry (e.g. "events.csv:3:2:"),
// and unless it is a *sheet.Error for file.
func WantErrors(t testing.TB, err error, file string, want []string) {
	t.Helper()
	if err == nil {
		t.Fatal("no error")
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != len(want) {
		t.Fatalf("%d errors, want %d:\n%v", len(lines), len(want), err)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("error %d = %q\nwant it to start %q", i, lines[i], w)
		}
	}
	var se *sheet.Error
	if !errors.As(err, &se) || se.File != file || se.Line == 0 {
		t.Errorf("errors.As(*sheet.Error) = %+v, want one in %s with a line", se, file)
	}
}
