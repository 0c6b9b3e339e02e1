package corrections

import (
	"reflect"
	"testing"
)

// TestGeneratedEqualsParsed: the model the client builds from
// content_gen.go is the one the server parses from the content file. It
// fails when the file is stale (run: go run ./tools/contentgen) or when a
// constructor the generated code calls builds less than the parser does.
func TestGeneratedEqualsParsed(t *testing.T) {
	if got, want := generated(), Default(); !reflect.DeepEqual(got, want) {
		t.Error("the generated model differs from the parsed one")
	}
}
